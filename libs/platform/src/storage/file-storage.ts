import { Injectable } from '@nestjs/common';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../config/app-config';

export interface StoredFile {
  key: string;
  size: number;
}

/** Where attachments live; the local-disk adapter is the only one today (an S3-style one would slot in here). */
export abstract class FileStorage {
  /** Store under `key`; `onProgress` hears the bytes received so far (a long upload shows it is alive). */
  abstract put(key: string, content: Readable | Buffer, maxBytes?: number, onProgress?: (bytes: number) => void): Promise<StoredFile>;
  abstract open(key: string): Promise<Readable>;
  abstract remove(key: string): Promise<void>;
  /** Remove what uploads cut short by a crash left behind (nothing written to since `before`); returns their keys. */
  abstract removeAbandonedPartials(before: Date): Promise<string[]>;
}

/** Suffix of a file still being received; renamed to its key once complete. */
const PARTIAL = '.part';

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file exceeds ${limit} bytes`);
  }
}

@Injectable()
export class LocalDiskStorage extends FileStorage {
  private readonly root: string;
  constructor(config: AppConfig) {
    super();
    this.root = path.resolve(config.STORAGE_DIR);
  }

  private resolve(key: string): string {
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new Error('storage key escapes the storage root');
    return full;
  }

  async put(key: string, content: Readable | Buffer, maxBytes = Number.MAX_SAFE_INTEGER, onProgress?: (bytes: number) => void): Promise<StoredFile> {
    const full = this.resolve(key);
    await fs.mkdir(path.dirname(full), { recursive: true });
    const tmp = `${full}${PARTIAL}`;
    let size = 0;
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const counter = async function* (src: AsyncIterable<Buffer>) {
      for await (const chunk of src) {
        size += chunk.length;
        if (size > maxBytes) throw new FileTooLargeError(maxBytes);
        onProgress?.(size);
        yield chunk;
      }
    };
    try {
      await pipeline(source, counter, createWriteStream(tmp));
      await fs.rename(tmp, full);
    } catch (err) {
      await fs.rm(tmp, { force: true });
      throw err;
    }
    return { key, size };
  }

  async open(key: string): Promise<Readable> {
    const full = this.resolve(key);
    await fs.access(full);
    return createReadStream(full);
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.resolve(key), { force: true });
  }

  async removeAbandonedPartials(before: Date): Promise<string[]> {
    const removed: string[] = [];
    let entries: string[];
    try {
      entries = await fs.readdir(this.root, { recursive: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return removed;
      throw err;
    }
    for (const rel of entries.filter((e) => e.endsWith(PARTIAL))) {
      const full = path.join(this.root, rel);
      const stat = await fs.stat(full).catch(() => null);
      // A partial file still growing has a fresh mtime: only ones nobody has written to since `before` go.
      if (!stat?.isFile() || stat.mtime >= before) continue;
      await fs.rm(full, { force: true });
      removed.push(rel.slice(0, -PARTIAL.length).split(path.sep).join('/'));
    }
    return removed;
  }
}
