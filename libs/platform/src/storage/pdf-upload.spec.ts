import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { FileTooLargeError, LocalDiskStorage } from './file-storage';
import { isPdf, notAPdf, storePdf } from './pdf-upload';

describe('the one PDF rule (isPdf, storePdf)', () => {
  let dir: string;
  let storage: LocalDiskStorage;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pdf-upload-'));
    storage = new LocalDiskStorage({ STORAGE_DIR: dir } as AppConfig);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refuse = () => notAPdf('file', { zh: '收款凭证', en: 'The payment proof' });
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
  const files = () => readdirSync(path.join(dir, 'p'), { recursive: true }).filter((f) => !String(f).endsWith('.part'));

  it('decides by the first bytes: %PDF- and nothing else', () => {
    expect(isPdf(pdf)).toBe(true);
    expect(isPdf(Buffer.from('%PDF'))).toBe(false);
    expect(isPdf(Buffer.from('%PDX-1.7'))).toBe(false);
    expect(isPdf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false);
    expect(isPdf(Buffer.alloc(0))).toBe(false);
  });

  it('stores a PDF (also when its first chunk is shorter than the magic)', async () => {
    const stored = await storePdf(storage, 'p/a.pdf', Readable.from([pdf.subarray(0, 2), pdf.subarray(2)]), 1024, refuse);
    expect(stored.size).toBe(pdf.length);
    expect(files()).toEqual(['a.pdf']);
  });

  it('refuses another kind with a 400 naming the field, and keeps nothing', async () => {
    const err = await storePdf(storage, 'p/b.pdf', Buffer.from('GIF89a not a pdf at all'), 1024, refuse).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ kind: 'validation', code: 'NOT_A_PDF', details: [{ field: 'file', code: 'NOT_A_PDF' }] });
    expect(err.text.en).toBe('The payment proof must be a PDF');
    expect(files()).toEqual([]);
  });

  it('refuses a file over the limit while receiving it (413 naming the file), and keeps nothing', async () => {
    await expect(storePdf(storage, 'p/c.pdf', Buffer.concat([pdf, Buffer.alloc(2048)]), 1024, refuse)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(files()).toEqual([]);
  });
});
