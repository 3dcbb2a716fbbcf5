import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, DomainError, FileStorage, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { DataRoomDocumentResponse, DataRoomViewResponse, FinancingListQuery, mapDocument, mapView } from './dto/financing.dto';
import { FinanceErrors } from './finance.exception';
import { FinanceAccessPolicy, FinancingPermission } from './finance-access.policy';
import { FinancingRepository } from './financing.repository';
import { readDocument } from './upload-content';

export interface DocumentDownload {
  stream: Readable;
  contentType: string;
  filename: string;
  size: number;
}

/**
 * The data room of a financing request: the owner uploads; the owner and the investors it admitted read; everyone
 * else (other investors, platform staff included) gets 404. Every listing and every file opened is logged, and the
 * log is the owner's to read.
 */
@Injectable()
export class DataRoomService {
  constructor(
    private readonly repo: FinancingRepository,
    private readonly access: FinanceAccessPolicy,
    private readonly storage: FileStorage,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async upload(actor: Actor, requestId: string, file: { stream: Readable; filename?: string | null }): Promise<DataRoomDocumentResponse> {
    try {
      const { request } = await this.access.requireRequest(this.tx.manager, actor, FinancingPermission.Manage, requestId);
      if (request.status === 'withdrawn') throw DomainError.illegalTransition('financing request', request.status, 'upload');
    } catch (err) {
      file.stream.destroy();
      throw err;
    }
    const doc = await readDocument(file.stream, file.filename);
    const id = randomUUID();
    const fileKey = `data-rooms/${requestId}/${id}.${doc.extension}`;
    await this.storage.put(fileKey, doc.content);
    try {
      const saved = await this.tx.run(async (m) => {
        await this.access.requireRequest(m, actor, FinancingPermission.Manage, requestId, true);
        const row = await this.repo.saveDocument(m, { id, requestId, fileKey, filename: doc.filename, contentType: doc.contentType, size: doc.content.length, uploadedBy: actor.userId });
        await this.identity.audit(m, actor, { action: 'data-room.upload', entityType: 'financing-request', entityId: requestId, changes: { documentId: id, filename: doc.filename } });
        return row;
      });
      return mapDocument(saved);
    } catch (err) {
      await this.storage.remove(fileKey);
      throw err;
    }
  }

  async list(actor: Actor, requestId: string): Promise<DataRoomDocumentResponse[]> {
    return this.tx.run(async (m) => {
      const { request } = await this.access.requireRequest(m, actor, FinancingPermission.ReadDataRoom, requestId);
      await this.repo.logView(m, { requestId: request.id, documentId: null, kind: 'list', viewerUserId: actor.userId, viewerOrgId: actor.orgId, viewedAt: this.clock.now() });
      return (await this.repo.listDocuments(m, request.id)).map(mapDocument);
    });
  }

  async open(actor: Actor, requestId: string, documentId: string): Promise<DocumentDownload> {
    const row = await this.tx.run(async (m) => {
      const { request } = await this.access.requireRequest(m, actor, FinancingPermission.ReadDataRoom, requestId);
      const doc = await this.repo.findDocument(m, request.id, documentId);
      if (!doc) throw FinanceErrors.documentNotFound();
      await this.repo.logView(m, { requestId: request.id, documentId: doc.id, kind: 'open', viewerUserId: actor.userId, viewerOrgId: actor.orgId, viewedAt: this.clock.now() });
      return doc;
    });
    return { stream: await this.storage.open(row.fileKey), contentType: row.contentType, filename: row.filename, size: row.size };
  }

  async views(actor: Actor, requestId: string, q: FinancingListQuery): Promise<Page<DataRoomViewResponse>> {
    const { request } = await this.access.requireRequest(this.tx.manager, actor, FinancingPermission.Manage, requestId);
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listViews(this.tx.manager, request.id, skip, take);
    return pageOf(rows.map(mapView), total, q);
  }
}
