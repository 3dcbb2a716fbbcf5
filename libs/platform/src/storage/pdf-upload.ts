import { Readable } from 'node:stream';
import { DomainError } from '../errors/domain-error';
import { FileStorage, StoredFile } from './file-storage';

/** Every PDF starts with these bytes (ISO 32000-1 §7.5.2); the client's label and the file name decide nothing. */
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** The one rule for "is this a PDF": the first bytes, never the client's label. */
export function isPdf(head: Buffer): boolean {
  return head.length >= PDF_MAGIC.length && head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC);
}

/** A 400 naming the field, for a file that must be a PDF and is not. */
export function notAPdf(field: string, what: { zh: string; en: string }, code = 'NOT_A_PDF'): DomainError {
  return DomainError.validation(field, { zh: `${what.zh}须为 PDF 文件`, en: `${what.en} must be a PDF` }, code);
}

async function headOf(storage: FileStorage, key: string, n: number): Promise<Buffer> {
  const stream = await storage.open(key);
  const seen: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      seen.push(Buffer.from(chunk as Buffer));
      size += (chunk as Buffer).length;
      if (size >= n) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(seen).subarray(0, n);
}

/**
 * Stores an upload that must be a PDF (signed contracts, authorisation letters, valuation reports, payment proofs):
 * over `maxBytes` it is refused while being received (FileTooLargeError → 413 naming `file`); one that does not begin
 * with `%PDF-` is removed again and `refuse()` is thrown (a 400 naming the field, see notAPdf).
 */
export async function storePdf(storage: FileStorage, key: string, content: Readable | Buffer, maxBytes: number, refuse: () => Error): Promise<StoredFile> {
  const stored = await storage.put(key, content, maxBytes);
  if (!isPdf(await headOf(storage, key, PDF_MAGIC.length))) {
    await storage.remove(key);
    throw refuse();
  }
  return stored;
}
