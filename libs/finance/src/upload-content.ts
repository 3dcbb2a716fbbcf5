import type { Readable } from 'node:stream';
import { isPdf } from '@techbridge/platform';
import { FinanceErrors } from './finance.exception';

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export type DocumentContentType = 'application/pdf' | 'image/png' | 'image/jpeg';
const EXTENSION: Record<DocumentContentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** Data room files and valuation reports: PDF or images, decided by the first bytes, never by the client's label. */
export function sniffDocument(head: Buffer): DocumentContentType | null {
  const starts = (bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
  if (isPdf(head)) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/** The content type of a stored document from the extension it was stored under (sniffed at upload). */
export function contentTypeOfKey(key: string): DocumentContentType {
  const ext = key.slice(key.lastIndexOf('.') + 1);
  const found = (Object.keys(EXTENSION) as DocumentContentType[]).find((t) => EXTENSION[t] === ext);
  return found ?? 'application/pdf';
}

export interface ReadDocument {
  content: Buffer;
  contentType: DocumentContentType;
  extension: string;
  filename: string;
}

/** Reads an upload whole (small documents), refusing one too large (413) or of another kind (400). */
export async function readDocument(stream: Readable, filename: string | null | undefined): Promise<ReadDocument> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > DOCUMENT_MAX_BYTES) {
      stream.destroy();
      throw FinanceErrors.fileTooLarge(DOCUMENT_MAX_BYTES);
    }
    chunks.push(chunk as Buffer);
  }
  const content = Buffer.concat(chunks);
  const contentType = sniffDocument(content.subarray(0, 8));
  if (!contentType) throw FinanceErrors.unsupportedFile();
  const base = (filename ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return { content, contentType, extension: EXTENSION[contentType], filename: clean || `document.${EXTENSION[contentType]}` };
}
