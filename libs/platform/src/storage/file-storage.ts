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
  abstract put(key: string, content: Readable | Buffer, maxBytes?: number): Promise<StoredFile>;
  abstract open(key: string): Promise<Readable>;
  abstract remove(key: string): Promise<void>;
}

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

  async put(key: string, content: Readable | Buffer, maxBytes = Number.MAX_SAFE_INTEGER): Promise<StoredFile> {
    const full = this.resolve(key);
    await fs.mkdir(path.dirname(full), { recursive: true });
    const tmp = `${full}.part`;
    let size = 0;
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const counter = async function* (src: AsyncIterable<Buffer>) {
      for await (const chunk of src) {
        size += chunk.length;
        if (size > maxBytes) throw new FileTooLargeError(maxBytes);
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
}
