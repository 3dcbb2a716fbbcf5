import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { IdentityService } from '@techbridge/identity';
import { Actor, FileStorage, TransactionRunner } from '@techbridge/platform';
import { ArticlePermission, ContentAccessPolicy } from './content-access.policy';
import { ContentRepository } from './content.repository';
import { ContentErrors } from './content.exception';
import { ArticleAttachmentResponse, mapAttachment } from './dto/content.dto';

export const ARTICLE_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENTS_PER_ARTICLE = 20;

type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg';
const EXTENSION: Record<AttachmentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** Decided by the file's first bytes, never by the client's label. */
export function sniffAttachmentType(head: Buffer): AttachmentType | null {
  const starts = (bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

function cleanFilename(name: string | undefined, type: AttachmentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const out = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return out && out !== '.' && out !== '..' ? out : `attachment.${EXTENSION[type]}`;
}

/** Read at most `max` bytes; null when the file is larger (the rest is drained so the connection stays usable). */
async function readBounded(stream: Readable, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > max) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Files published with an article (a policy's PDF, a scanned notice): administrators add and remove them, readers download. */
@Injectable()
export class ArticleAttachmentService {
  private readonly logger = new Logger('ArticleAttachmentService');

  constructor(
    private readonly repo: ContentRepository,
    private readonly access: ContentAccessPolicy,
    private readonly storage: FileStorage,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
  ) {}

  async upload(actor: Actor, articleId: string, upload: { stream: Readable; filename?: string }): Promise<ArticleAttachmentResponse> {
    try {
      await this.access.requireArticle(this.tx.manager, actor, ArticlePermission.Manage, articleId);
      if ((await this.repo.countAttachments(this.tx.manager, articleId)) >= ATTACHMENTS_PER_ARTICLE) throw ContentErrors.tooManyAttachments(ATTACHMENTS_PER_ARTICLE);
    } catch (err) {
      upload.stream.destroy();
      throw err;
    }
    const bytes = await readBounded(upload.stream, ARTICLE_ATTACHMENT_MAX_BYTES);
    if (!bytes) throw ContentErrors.fileTooLarge(ARTICLE_ATTACHMENT_MAX_BYTES / 1024 / 1024);
    const contentType = sniffAttachmentType(bytes.subarray(0, 8));
    if (!contentType) throw ContentErrors.unsupportedFile();
    const id = randomUUID();
    const fileKey = `content/${articleId}/${id}.${EXTENSION[contentType]}`;
    await this.storage.put(fileKey, bytes);
    const filename = cleanFilename(upload.filename, contentType);
    try {
      return await this.tx.run(async (m) => {
        await this.access.requireArticle(m, actor, ArticlePermission.Manage, articleId, true);
        const row = await this.repo.saveAttachment(m, { id, articleId, fileKey, filename, contentType, size: bytes.length, uploadedBy: actor.userId });
        await this.identity.audit(m, actor, { action: 'content.attachment.add', entityType: 'content-article', entityId: articleId, changes: { attachmentId: id, filename } });
        return mapAttachment(row);
      });
    } catch (err) {
      await this.storage.remove(fileKey);
      throw err;
    }
  }

  async download(actor: Actor | null, articleId: string, attachmentId: string): Promise<{ stream: Readable; contentType: string; filename: string; size: number }> {
    const a = await this.access.requireArticle(this.tx.manager, actor, ArticlePermission.Read, articleId);
    const row = await this.repo.findAttachment(this.tx.manager, a.id, attachmentId);
    if (!row) throw ContentErrors.attachmentNotFound();
    try {
      return { stream: await this.storage.open(row.fileKey), contentType: row.contentType, filename: row.filename, size: row.size };
    } catch (err) {
      this.logger.error(`content attachment ${row.id} has no stored file ${row.fileKey}: ${(err as Error).message}`);
      throw ContentErrors.attachmentNotFound();
    }
  }

  async remove(actor: Actor, articleId: string, attachmentId: string): Promise<void> {
    const fileKey = await this.tx.run(async (m) => {
      const a = await this.access.requireArticle(m, actor, ArticlePermission.Manage, articleId, true);
      const row = await this.repo.findAttachment(m, a.id, attachmentId);
      if (!row) throw ContentErrors.attachmentNotFound();
      await this.repo.deleteAttachment(m, row.id);
      await this.identity.audit(m, actor, { action: 'content.attachment.remove', entityType: 'content-article', entityId: a.id, changes: { attachmentId, filename: row.filename } });
      return row.fileKey;
    });
    // After commit: a failed removal leaves an orphan file, never a row without its bytes.
    await this.storage.remove(fileKey).catch((err: Error) => this.logger.warn(`could not remove ${fileKey}: ${err.message}`));
  }
}
