import { Readable } from 'node:stream';
import { isPdf } from '@techbridge/platform';

/** What an achievement may carry as attachments: decided by the file's first bytes, never by the client's label. */
export const ATTACHMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENTS_PER_ACHIEVEMENT = 20;
/** Enough bytes for every signature below (WebP needs 12). */
export const SNIFF_BYTES = 12;

const EXTENSION: Record<AttachmentContentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

function startsWith(head: Buffer, bytes: number[], at = 0): boolean {
  return head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
}

/** The content type from magic bytes, or null when the file is none of the accepted kinds. */
export function sniffContentType(head: Buffer): AttachmentContentType | null {
  if (isPdf(head)) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'; // RIFF....WEBP
  return null;
}

export function extensionOf(type: AttachmentContentType): string {
  return EXTENSION[type];
}

/**
 * A display name safe to store and echo back: no directories, no control characters, at most 200 characters
 * (kept with its extension), never empty.
 */
export function cleanFilename(name: string | undefined | null, type: AttachmentContentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  let out = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (out.length > 200) {
    const dot = out.lastIndexOf('.');
    const ext = dot > 0 && out.length - dot <= 10 ? out.slice(dot) : '';
    out = out.slice(0, 200 - ext.length) + ext;
  }
  return out && out !== '.' && out !== '..' ? out : `attachment.${extensionOf(type)}`;
}

/** `attachment; filename="<ascii fallback>"; filename*=UTF-8''<encoded>` (RFC 6266 / 5987), so browsers show Chinese names. */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Reads the first `n` bytes of a stream without losing them: `rest` replays them and then the remainder.
 * Lets the upload be refused before anything is written.
 */
export async function peekStream(stream: Readable, n: number): Promise<{ head: Buffer; rest: Readable }> {
  const it: AsyncIterator<Buffer> = stream[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let total = 0;
  let ended = false;
  while (total < n) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value);
    seen.push(chunk);
    total += chunk.length;
  }
  const head = Buffer.concat(seen).subarray(0, n);
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      for (const c of seen) yield c;
      if (ended) return;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      // Abandoned early (size limit): release the source as well.
      if (!ended) await it.return?.();
    }
  }
  return { head, rest: Readable.from(replay(), { objectMode: false }) };
}
