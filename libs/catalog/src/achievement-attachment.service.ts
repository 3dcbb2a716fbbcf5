import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, FileStorage, FileTooLargeError, TransactionRunner } from '@techbridge/platform';
import { AchievementRepository } from './achievement.repository';
import { AchievementPermission, CatalogAccessPolicy } from './catalog-access.policy';
import {
  ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_ACHIEVEMENT, cleanFilename, extensionOf, peekStream, sniffContentType, SNIFF_BYTES,
} from './attachment-content';
import { CatalogErrors } from './catalog.exception';
import { CatalogService } from './catalog.service';
import { AchievementAttachmentResponse, mapAttachment } from './dto/achievement-attachment.dto';

export interface AttachmentUpload {
  stream: Readable;
  filename?: string | null;
}

export interface AttachmentDownload {
  stream: Readable;
  contentType: string;
  filename: string;
  size: number;
}

/**
 * Attachments of achievements (PDF and images): the owner organisation adds and removes them while the content is
 * editable; whoever may read the achievement may read them. The bytes live behind FileStorage, the rows in PostgreSQL.
 */
@Injectable()
export class AchievementAttachmentService {
  private readonly logger = new Logger('AchievementAttachmentService');

  constructor(
    private readonly repo: AchievementRepository,
    private readonly catalog: CatalogService,
    private readonly storage: FileStorage,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly access: CatalogAccessPolicy,
  ) {}

  private async checkRoom(m: EntityManager, achievementId: string): Promise<void> {
    if ((await this.repo.countAttachments(m, achievementId)) >= ATTACHMENTS_PER_ACHIEVEMENT) throw CatalogErrors.tooManyAttachments(ATTACHMENTS_PER_ACHIEVEMENT);
  }

  async upload(actor: Actor, achievementId: string, upload: AttachmentUpload): Promise<AchievementAttachmentResponse> {
    // Refuse before reading the body: not the owner (404), frozen state (409), full (409).
    try {
      await this.catalog.loadOwnedForEdit(actor, achievementId, this.tx.manager, false);
      await this.checkRoom(this.tx.manager, achievementId);
    } catch (err) {
      upload.stream.destroy();
      throw err;
    }
    const { head, rest } = await peekStream(upload.stream, SNIFF_BYTES);
    const contentType = sniffContentType(head);
    if (!contentType) {
      upload.stream.destroy();
      throw CatalogErrors.unsupportedFile('file', head.length ? 'not a PDF, PNG, JPEG or WebP file' : 'empty file');
    }
    const id = randomUUID();
    const fileKey = `achievements/${achievementId}/${id}.${extensionOf(contentType)}`;
    let size: number;
    try {
      // The storage counts bytes and removes the partial file when the limit is passed.
      size = (await this.storage.put(fileKey, rest, ATTACHMENT_MAX_BYTES)).size;
    } catch (err) {
      upload.stream.destroy();
      if (err instanceof FileTooLargeError) throw CatalogErrors.fileTooLarge(ATTACHMENT_MAX_BYTES);
      throw err;
    }
    const filename = cleanFilename(upload.filename, contentType);
    try {
      const saved = await this.tx.run(async (m) => {
        // Again under the row lock: the state or the count may have moved while the bytes streamed in.
        await this.catalog.loadOwnedForEdit(actor, achievementId, m);
        await this.checkRoom(m, achievementId);
        const row = await this.repo.saveAttachment(m, { id, achievementId, fileKey, filename, contentType, size, uploadedBy: actor.userId });
        await this.identity.audit(m, actor, {
          action: 'achievement.attachment.add', entityType: 'achievement', entityId: achievementId, changes: { attachmentId: id, filename, contentType, size },
        });
        return row;
      });
      return mapAttachment(saved);
    } catch (err) {
      await this.storage.remove(fileKey);
      throw err;
    }
  }

  async list(actor: Actor | null, achievementId: string): Promise<AchievementAttachmentResponse[]> {
    const a = await this.access.requireAchievement(this.tx.manager, actor, AchievementPermission.ReadFiles, achievementId);
    return (await this.repo.listAttachments(this.tx.manager, a.id)).map(mapAttachment);
  }

  async get(actor: Actor | null, achievementId: string, attachmentId: string): Promise<AchievementAttachmentResponse> {
    const a = await this.access.requireAchievement(this.tx.manager, actor, AchievementPermission.ReadFiles, achievementId);
    const row = await this.repo.findAttachment(this.tx.manager, a.id, attachmentId);
    if (!row) throw CatalogErrors.attachmentNotFound();
    return mapAttachment(row);
  }

  async download(actor: Actor | null, achievementId: string, attachmentId: string): Promise<AttachmentDownload> {
    const a = await this.access.requireAchievement(this.tx.manager, actor, AchievementPermission.ReadFiles, achievementId);
    const row = await this.repo.findAttachment(this.tx.manager, a.id, attachmentId);
    if (!row) throw CatalogErrors.attachmentNotFound();
    try {
      return { stream: await this.storage.open(row.fileKey), contentType: row.contentType, filename: row.filename, size: row.size };
    } catch (err) {
      // The row outlived its bytes (storage restored from an older backup?): say so in the log, not to the caller.
      this.logger.error(`attachment ${row.id} has no stored file ${row.fileKey}: ${(err as Error).message}`);
      throw CatalogErrors.attachmentNotFound();
    }
  }

  async remove(actor: Actor, achievementId: string, attachmentId: string): Promise<void> {
    const fileKey = await this.tx.run(async (m) => {
      await this.catalog.loadOwnedForEdit(actor, achievementId, m);
      const row = await this.repo.findAttachment(m, achievementId, attachmentId);
      if (!row) throw CatalogErrors.attachmentNotFound();
      await this.repo.deleteAttachment(m, row.id);
      await this.identity.audit(m, actor, {
        action: 'achievement.attachment.remove', entityType: 'achievement', entityId: achievementId, changes: { attachmentId: row.id, filename: row.filename },
      });
      return row.fileKey;
    });
    // Only after commit: a rolled-back delete must still find its file.
    await this.storage.remove(fileKey).catch((err: Error) => this.logger.warn(`could not remove ${fileKey}: ${err.message}`));
  }
}
