import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { IdentityService } from '@techbridge/identity';
import { Actor, DomainError, FileStorage, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import {
  CalendarQuery, CalendarResponse, InstrumentListQuery, InstrumentResponse, mapInstrument, RecordTrainingDto, RegisterInstrumentDto, TrainingResponse,
} from './dto/instruments.dto';
import { InstrumentsAccessPolicy, OWNER_TYPES } from './instruments-access.policy';
import { InstrumentErrors } from './instruments.exception';
import { InstrumentsRepository } from './instruments.repository';
import { parsePeriod, shareRate } from './rules/availability';
import { photoIdOf } from './entities/instrument.entity';
import { InstrumentAction, instrumentLifecycle } from './instrument.state-machine';

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 10;
const PHOTO_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** Photos stored before their type was kept: only JPEG, PNG and WebP were ever accepted, so the name tells which. */
function photoTypeOf(filename: string): string {
  return PHOTO_TYPES[filename.slice(filename.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** Instruments as owners register them and users find them; training records; the calendar of taken periods. */
@Injectable()
export class InstrumentService {
  constructor(
    private readonly repo: InstrumentsRepository,
    private readonly access: InstrumentsAccessPolicy,
    private readonly identity: IdentityService,
    private readonly storage: FileStorage,
    private readonly tx: TransactionRunner,
  ) {}

  async register(actor: Actor, dto: RegisterInstrumentDto): Promise<InstrumentResponse> {
    if (!OWNER_TYPES.includes(actor.orgType)) throw InstrumentErrors.notAllowed('仅高校、科研院所和企业可登记共享仪器', 'Only universities, institutes and enterprises register instruments');
    (dto.availability ?? []).forEach((w, i) => {
      if (w.to <= w.from) throw DomainError.validation(`availability[${i}].to`, { zh: '开放结束时间须晚于开始时间', en: 'A window must end after it starts' });
    });
    return this.tx.run(async (m) => {
      const org = await this.identity.findOrganisation(actor.orgId, m);
      const i = await this.repo.saveInstrument(m, {
        ownerOrgId: actor.orgId, name: dto.name.trim(), model: dto.model.trim(), originalValue: dto.originalValue, parkCode: dto.parkCode ?? org?.parkCode ?? null,
        location: dto.location.trim(), trainingRequired: dto.trainingRequired ?? false, approvalRequired: dto.approvalRequired ?? true, photos: [],
        availability: (dto.availability ?? []).map((w) => ({ weekday: w.weekday, from: w.from, to: w.to })), status: 'active',
      });
      await this.repo.insertItems(m, dto.serviceItems.map((s) => ({ instrumentId: i.id, name: s.name.trim(), unit: s.unit, internalPrice: s.internalPrice, externalPrice: s.externalPrice })));
      await this.identity.audit(m, actor, { action: 'instrument.register', entityType: 'instrument', entityId: i.id, changes: { name: i.name } });
      return mapInstrument(i, await this.repo.itemsOf(m, i.id));
    });
  }

  async list(q: InstrumentListQuery): Promise<Page<InstrumentResponse>> {
    const m = this.tx.manager;
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listInstruments(m, q, skip, take);
    return pageOf(await Promise.all(rows.map(async (i) => mapInstrument(i, await this.repo.itemsOf(m, i.id)))), total, q);
  }

  async get(actor: Actor | null, id: string): Promise<InstrumentResponse> {
    const m = this.tx.manager;
    const i = await this.access.requireVisibleInstrument(m, actor, id);
    return mapInstrument(i, await this.repo.itemsOf(m, id));
  }

  /**
   * Withdraw from sharing or share again (owner or platform staff). Withdrawal hides the instrument and stops new
   * bookings; bookings already made stay, so their users can still come and be billed.
   */
  async changeSharing(actor: Actor, id: string, action: InstrumentAction): Promise<InstrumentResponse> {
    return this.tx.run(async (m) => {
      const i = await this.access.requireManagedInstrument(m, actor, id);
      const from = i.status;
      i.status = instrumentLifecycle.next(i.status, action, i.id);
      await this.repo.saveInstrument(m, i);
      await this.identity.audit(m, actor, { action: `instrument.${action}`, entityType: 'instrument', entityId: i.id, changes: { from, to: i.status } });
      return mapInstrument(i, await this.repo.itemsOf(m, id));
    });
  }

  async uploadPhoto(actor: Actor, id: string, file: { filename: string; mimetype: string; content: Readable | Buffer }): Promise<InstrumentResponse> {
    if (!/^image\/(jpeg|png|webp)$/.test(file.mimetype)) throw DomainError.validation('file', { zh: '照片须为 JPEG、PNG 或 WebP', en: 'A photo must be JPEG, PNG or WebP' });
    await this.access.requireOwnInstrument(this.tx.manager, actor, id);
    const key = `instruments/${id}/photo-${randomUUID()}`;
    const stored = await this.storage.put(key, file.content, MAX_PHOTO_BYTES);
    return this.tx.run(async (m) => {
      const i = await this.access.requireOwnInstrument(m, actor, id, true);
      if (i.photos.length >= MAX_PHOTOS) throw DomainError.validation('file', { zh: `最多 ${MAX_PHOTOS} 张照片`, en: `At most ${MAX_PHOTOS} photos` });
      i.photos = [...i.photos, { key, filename: file.filename.slice(0, 200), contentType: file.mimetype, size: stored.size }];
      return mapInstrument(await this.repo.saveInstrument(m, i), await this.repo.itemsOf(m, id));
    });
  }

  /** A photo to stream: anyone's for an instrument in the directory; a withdrawn one's only for its owner and platform staff. */
  async openPhoto(actor: Actor | null, id: string, photoId: string): Promise<{ stream: Readable; contentType: string; size: number | null; filename: string }> {
    const i = await this.access.requireVisibleInstrument(this.tx.manager, actor, id);
    const photo = i.photos.find((p) => photoIdOf(p) === photoId);
    if (!photo) throw InstrumentErrors.photoNotFound();
    return { stream: await this.storage.open(photo.key), contentType: photo.contentType ?? photoTypeOf(photo.filename), size: photo.size ?? null, filename: photo.filename };
  }

  async recordTraining(actor: Actor, id: string, dto: RecordTrainingDto): Promise<TrainingResponse> {
    return this.tx.run(async (m) => {
      await this.access.requireOwnInstrument(m, actor, id);
      const t = await this.repo.upsertTraining(m, { instrumentId: id, userId: dto.userId, trainedOn: dto.trainedOn, recordedBy: actor.userId });
      return { id: t.id, instrumentId: t.instrumentId, userId: t.userId, trainedOn: t.trainedOn };
    });
  }

  async calendar(actor: Actor | null, id: string, q: CalendarQuery): Promise<CalendarResponse> {
    const m = this.tx.manager;
    const i = await this.access.requireVisibleInstrument(m, actor, id);
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (!(to > from) || to.getTime() - from.getTime() > 93 * 86_400_000) throw DomainError.validation('to', { zh: '查询区间须在 93 天以内', en: 'The range must be positive and at most 93 days' });
    const taken = await this.repo.takenBetween(m, id, from, to);
    return {
      availability: i.availability,
      taken: taken.map((b) => {
        const p = parsePeriod(b.period);
        return { start: p.start.toISOString(), end: p.end.toISOString(), status: b.status };
      }),
    };
  }

  /** Completed bookings in [from, to) by the instrument's park, with external and effective hours: monitoring's share rate. */
  async shareFiguresBetween(from: Date, to: Date): Promise<Array<{ bookingId: string; parkCode: string | null; hours: number; externalHours: number }>> {
    const rows = await this.repo.completedBetween(this.tx.manager, from, to);
    return rows.map((r) => ({ bookingId: r.id, parkCode: r.park_code, hours: Number(r.actual_hours ?? 0), externalHours: r.external ? Number(r.actual_hours ?? 0) : 0 }));
  }

  /** The share rate of a set of figures (external ÷ effective hours). */
  static shareRateOf(figures: Array<{ hours: number; externalHours: number }>): number {
    return shareRate(figures.reduce((s, f) => s + f.externalHours, 0), figures.reduce((s, f) => s + f.hours, 0));
  }
}
