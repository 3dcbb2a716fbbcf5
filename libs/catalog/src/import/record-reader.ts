import { parse as parseCsv } from 'csv-parse';
import * as ExcelJS from 'exceljs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { PermanentJobError } from '@techbridge/platform';
import type { ImportFormat } from '../entities/import-job.entity';

export type ReadItem = { line: number; raw: unknown; row?: Record<string, string> } | { line: number; parseError: string };

/** The file as a whole cannot be read as its format (binary data, another encoding, not a workbook): no line is, no retry helps. */
export class UnreadableImportFile extends PermanentJobError {
  override name = 'UnreadableImportFile';
}

const TEXT_HINT = '请上传 UTF-8 编码的 JSON Lines 或 CSV（Excel 可另存为“CSV UTF-8”） / Upload UTF-8 JSON Lines or CSV (Excel: save as "CSV UTF-8")';

/** Pass text through, refusing binary data (a NUL byte) and bytes that are not UTF-8, with where they were found. */
async function* utf8Text(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of stream) {
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw new UnreadableImportFile(`文件不是文本：第 ${offset + nul + 1} 字节是二进制数据 / The file is not text: binary data (a NUL byte) at byte ${offset + nul + 1}. ${TEXT_HINT}`);
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      throw new UnreadableImportFile(`文件不是 UTF-8 编码：第 ${offset + 1}–${offset + chunk.length} 字节之间 / The file is not UTF-8 text (between bytes ${offset + 1} and ${offset + chunk.length}). ${TEXT_HINT}`);
    }
    offset += chunk.length;
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw new UnreadableImportFile(`文件在一个 UTF-8 字符中间结束 / The file ends inside a UTF-8 character. ${TEXT_HINT}`);
  }
}

/**
 * Streams records out of an uploaded file without holding it: readline for JSON Lines,
 * csv-parse for CSV, the exceljs streaming reader for XLSX. Line numbers are the file's (CSV/XLSX: header is line 1).
 */
export async function* readRecords(stream: Readable, format: ImportFormat): AsyncGenerator<ReadItem> {
  if (format === 'ndjson') {
    const rl = createInterface({ input: Readable.from(utf8Text(stream)), crlfDelay: Infinity });
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
    const parser = parseCsv({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: false });
    const text = Readable.from(utf8Text(stream));
    // pipe() does not pass a source error on: without this the parser would wait for the rest forever.
    text.on('error', (err) => parser.destroy(err));
    text.pipe(parser);
    try {
      for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        yield { line: item.info.lines, raw: undefined, row: item.record };
      }
    } catch (err) {
      if (err instanceof UnreadableImportFile) throw err;
      yield { line: -1, parseError: `invalid CSV: ${(err as Error).message}` };
    }
    return;
  }
  try {
    yield* readWorkbook(stream);
  } catch (err) {
    throw new UnreadableImportFile(`文件不是可读取的 XLSX 工作簿（${(err as Error).message || (err as Error).name}） / The file is not a readable XLSX workbook (${(err as Error).message || (err as Error).name})`);
  }
}

async function* readWorkbook(stream: Readable): AsyncGenerator<ReadItem> {
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
