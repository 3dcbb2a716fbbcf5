import ExcelJS from 'exceljs';
import type { InnovationIndexResponse, ReportResponse } from './dto/monitoring.dto';

const REPORT_HEADER = [
  '园区代码 park', '园区 park name', '指标代码 indicator', '指标 indicator name', '单位 unit', '分项 breakdown', '数值 value', '上季度 previous quarter', '环比增减 QoQ change',
  '环比% QoQ %', '上年同期 same quarter last year', '同比增减 YoY change', '同比% YoY %', '来源 source', '修订 revision', '记录数 records',
];

function reportRows(r: ReportResponse): Array<Array<string | number | null>> {
  return r.lines.map((l) => [
    l.park ?? 'zone', l.parkName.zh, l.indicator, l.indicatorName.zh, l.unit, l.breakdown, l.value, l.qoq.previous, l.qoq.delta, l.qoq.percent, l.yoy.previous, l.yoy.delta, l.yoy.percent,
    l.source, l.revision, l.recordCount,
  ]);
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Cells starting with = + - @ are formulas to spreadsheet programs: quote them as text.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a BOM so spreadsheet programs read the Chinese correctly. */
export function reportCsv(r: ReportResponse): Buffer {
  const lines = [REPORT_HEADER, ...reportRows(r)].map((row) => row.map(csvCell).join(','));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function reportXlsx(r: ReportResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TechBridge';
  const ws = wb.addWorksheet(r.quarter);
  ws.addRow(REPORT_HEADER).font = { bold: true };
  for (const row of reportRows(r)) ws.addRow(row);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function indexXlsx(r: InnovationIndexResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TechBridge';
  const dims = Object.keys(r.weights.dimensions).filter((d) => r.parks.some((p) => d in p.dimensions));
  const indicators = r.parks.length ? Object.keys(r.parks[0].inputs) : [];
  const ws = wb.addWorksheet(`${r.year} index`);
  ws.addRow(['排名 rank', '园区代码 park', '园区 park name', '指数 score', ...dims.map((d) => `维度 ${d}`), '上年排名 previous rank', '排名变化 rank change', '指数变化 score change']).font = { bold: true };
  for (const p of r.parks) ws.addRow([p.rank, p.park, p.parkName.zh, p.score, ...dims.map((d) => p.dimensions[d]), p.previousRank, p.rankChange, p.scoreChange]);
  const inputs = wb.addWorksheet('inputs');
  inputs.addRow(['园区代码 park', ...indicators]).font = { bold: true };
  for (const p of r.parks) inputs.addRow([p.park, ...indicators.map((i) => p.inputs[i].value)]);
  const weights = wb.addWorksheet('weights');
  weights.addRow(['version', r.weightsVersion]);
  for (const [k, v] of Object.entries(r.weights.dimensions)) weights.addRow(['dimension', k, v]);
  for (const [k, v] of Object.entries(r.weights.indicators)) weights.addRow(['indicator', k, v]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
