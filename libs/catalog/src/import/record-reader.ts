import { parse as parseCsv } from 'csv-parse';
import * as ExcelJS from 'exceljs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ImportFormat } from '../entities/import-job.entity';

export type ReadItem = { line: number; raw: unknown; row?: Record<string, string> } | { line: number; parseError: string };

/**
 * Streams records out of an uploaded file without holding it: readline for JSON Lines,
 * csv-parse for CSV, the exceljs streaming reader for XLSX. Line numbers are the file's (CSV/XLSX: header is line 1).
 */
export async function* readRecords(stream: Readable, format: ImportFormat): AsyncGenerator<ReadItem> {
  if (format === 'ndjson') {
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    for await (const text of rl) {
      line++;
      const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
      if (!trimmed) continue;
      try {
        yield { line, raw: JSON.parse(trimmed) };
      } catch (err) {
        yield { line, parseError: `invalid JSON: ${(err as Error).message}` };
      }
    }
    return;
  }
  if (format === 'csv') {
    const parser = stream.pipe(parseCsv({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false }));
    try {
      for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        yield { line: item.info.lines, raw: undefined, row: item.record };
      }
    } catch (err) {
      yield { line: -1, parseError: `invalid CSV: ${(err as Error).message}` };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  for await (const sheet of reader) {
    let headers: string[] | null = null;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (!headers) {
        headers = values.map((v) => v.trim());
        continue;
      }
      if (values.every((v) => v.trim() === '')) continue;
      const rec: Record<string, string> = {};
      headers.forEach((h, i) => {
        if (h) rec[h] = values[i] ?? '';
      });
      yield { line: row.number, raw: undefined, row: rec };
    }
    break; // the first worksheet holds the data
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString();
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result === undefined ? '' : String(v.result);
    return '';
  }
  return String(v);
}
