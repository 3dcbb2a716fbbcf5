import { randomBytes } from 'node:crypto';

/** A multipart/form-data body with one file part, for fastify.inject. */
export function multipartFile(field: string, filename: string, contentType: string, content: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----tb${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
