import { Readable } from 'node:stream';
import { cleanFilename, contentDisposition, peekStream, sniffContentType } from './attachment-content';

describe('attachment content', () => {
  it('decides the type by magic bytes only', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n%'))).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffContentType(Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(sniffContentType(Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WAVEfmt ')]))).toBeNull();
    expect(sniffContentType(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffContentType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffContentType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffContentType(Buffer.alloc(0))).toBeNull();
    expect(sniffContentType(Buffer.from('%PD'))).toBeNull();
  });

  it('cleans file names and encodes them for Content-Disposition', () => {
    expect(cleanFilename('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(cleanFilename('C:\\docs\\检测报告.pdf', 'application/pdf')).toBe('检测报告.pdf');
    expect(cleanFilename('', 'image/png')).toBe('attachment.png');
    expect(cleanFilename('a"b\r\n.pdf', 'application/pdf')).toBe('ab.pdf');
    const long = cleanFilename(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect(long.length).toBe(200);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(contentDisposition('检测报告 (终版).pdf')).toBe(
      `attachment; filename="____ (__).pdf"; filename*=UTF-8''%E6%A3%80%E6%B5%8B%E6%8A%A5%E5%91%8A%20%28%E7%BB%88%E7%89%88%29.pdf`,
    );
  });

  it('peeks the head of a stream and replays it whole', async () => {
    const chunks = [Buffer.from('%P'), Buffer.from('DF-1.4'), Buffer.from(' rest of file')];
    const { head, rest } = await peekStream(Readable.from(chunks), 12);
    expect(head.toString()).toBe('%PDF-1.4 res');
    const all: Buffer[] = [];
    for await (const c of rest) all.push(c as Buffer);
    expect(Buffer.concat(all).toString()).toBe('%PDF-1.4 rest of file');
  });

  it('peeks a stream shorter than the head', async () => {
    const { head, rest } = await peekStream(Readable.from([Buffer.from('abc')]), 12);
    expect(head.toString()).toBe('abc');
    const all: Buffer[] = [];
    for await (const c of rest) all.push(c as Buffer);
    expect(Buffer.concat(all).toString()).toBe('abc');
  });
});
