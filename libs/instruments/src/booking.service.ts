import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, Clock, DomainError, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { VoucherService } from '@techbridge/vouchers';
import { bookingLifecycle } from './booking.state-machine';
import { BookInstrumentDto, BookingListQuery, BookingResponse, mapBooking, PayBookingDto, RateBookingDto, RecordUseDto } from './dto/instruments.dto';
import { Booking } from './entities/instrument.entity';
import { BookingPermission, InstrumentsAccessPolicy } from './instruments-access.policy';
import { InstrumentErrors } from './instruments.exception';
import { InstrumentsRepository } from './instruments.repository';
import { formatPeriod, withinAvailability } from './rules/availability';

const MAX_BOOKING_MS = 7 * 86_400_000;

/**
 * Bookings: requested (or approved at once when the instrument needs no approval) → approved → used (actual hours and
 * the amount at the internal or external price) → paid in cash or by voucher (through the vouchers facade, in this
 * transaction) → rated. Overlaps are refused by the database's exclusion constraint, so concurrent requests for the
 * same period cannot both commit.
 */
@Injectable()
export class BookingService {
  constructor(
    private readonly repo: InstrumentsRepository,
    private readonly access: InstrumentsAccessPolicy,
    private readonly vouchers: VoucherService,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async book(actor: Actor, instrumentId: string, dto: BookInstrumentDto): Promise<BookingResponse> {
    const start = new Date(dto.start);
    const end = new Date(dto.end);
    if (!(end > start) || end.getTime() - start.getTime() > MAX_BOOKING_MS) throw DomainError.validation('end', { zh: '结束时间须晚于开始时间，且一次预约不超过 7 天', en: 'end must follow start, at most 7 days later' });
    if (start < this.clock.now()) throw DomainError.validation('start', { zh: '不能预约过去的时段', en: 'start is in the past' });
    return this.tx.run(async (m) => {
      const instrument = await this.repo.findInstrument(m, instrumentId);
      if (!instrument) throw InstrumentErrors.instrumentNotFound();
      if (instrument.status !== 'active') throw InstrumentErrors.withdrawn();
      const item = await this.repo.findItem(m, dto.serviceItemId);
      if (!item || item.instrumentId !== instrumentId) throw DomainError.validation('serviceItemId', { zh: '服务项目不属于该仪器', en: 'The service item is not one of this instrument' });
      if (!withinAvailability(instrument.availability, start, end)) throw InstrumentErrors.outsideAvailability();
      if (instrument.trainingRequired && !(await this.repo.hasTraining(m, instrumentId, actor.userId))) throw InstrumentErrors.trainingRequired();
      const b = await this.repo.saveBooking(m, {
        instrumentId, serviceItemId: item.id, bookerOrgId: actor.orgId, bookerUserId: actor.userId, period: formatPeriod(start, end),
        status: instrument.approvalRequired ? 'requested' : 'approved', external: actor.orgId !== instrument.ownerOrgId, note: dto.note ?? '',
      });
      await this.notifications.notify({
        orgId: instrument.ownerOrgId, kind: 'instrument.booked', link: '/instruments', dedupeKey: `instrument-booking:${b.id}:booked`,
        title: { zh: `仪器「${instrument.name}」有新预约`, en: `New booking of “${instrument.name}”` },
        body: { zh: `${start.toISOString()} – ${end.toISOString()}`, en: `${start.toISOString()} – ${end.toISOString()}` },
      }, m);
      return this.view((await this.repo.findBooking(m, b.id))!);
    });
  }

  async list(actor: Actor, q: BookingListQuery): Promise<Page<BookingResponse>> {
    const { skip, take } = skipTake(q);
    const where = (q.as ?? 'booker') === 'booker' ? { bookerOrgId: actor.orgId } : { ownerOrgId: actor.orgId };
    const [rows, total] = await this.repo.listBookings(this.tx.manager, { ...where, status: q.status }, skip, take);
    return pageOf(rows.map((b) => this.view(b)), total, q);
  }

  async get(actor: Actor, id: string): Promise<BookingResponse> {
    return this.view((await this.access.requireBooking(this.tx.manager, actor, id, BookingPermission.Read)).booking);
  }

  approve(actor: Actor, id: string) {
    return this.step(actor, id, BookingPermission.Operate, 'approve');
  }

  noShow(actor: Actor, id: string) {
    return this.step(actor, id, BookingPermission.Operate, 'no-show');
  }

  /** The booker or the owner cancels before use. */
  async cancel(actor: Actor, id: string): Promise<BookingResponse> {
    return this.tx.run(async (m) => {
      const { booking: b } = await this.access.requireBooking(m, actor, id, BookingPermission.Read, true);
      b.status = bookingLifecycle.next(b.status, 'cancel', b.id);
      return this.view(await this.repo.saveBooking(m, b));
    });
  }

  async recordUse(actor: Actor, id: string, dto: RecordUseDto): Promise<BookingResponse> {
    return this.tx.run(async (m) => {
      const { booking: b } = await this.access.requireBooking(m, actor, id, BookingPermission.Operate, true);
      b.status = bookingLifecycle.next(b.status, 'use', b.id);
      const item = (await this.repo.findItem(m, b.serviceItemId))!;
      const price = b.external ? item.externalPrice : item.internalPrice;
      const quantity = item.unit === 'hour' ? dto.actualHours : dto.samples ?? 0;
      Object.assign(b, { actualHours: dto.actualHours, samples: dto.samples ?? null, amount: Math.round(price * quantity * 100) / 100 });
      return this.view(await this.repo.saveBooking(m, b));
    });
  }

  async pay(actor: Actor, id: string, dto: PayBookingDto): Promise<BookingResponse> {
    return this.tx.run(async (m) => {
      const permission = dto.method === 'cash' ? BookingPermission.Operate : BookingPermission.Book;
      const { booking: b, instrument } = await this.access.requireBooking(m, actor, id, permission, true);
      const next = bookingLifecycle.next(b.status, 'pay', b.id);
      if (dto.method === 'voucher') {
        if (!dto.voucherId) throw DomainError.validation('voucherId', { zh: '请选择创新券', en: 'voucherId is required to pay by voucher' });
        const amountFen = Math.round((b.amount ?? 0) * 100);
        if (amountFen <= 0) throw DomainError.validation('method', { zh: '金额为零，无需用券', en: 'Nothing to pay by voucher' });
        const item = (await this.repo.findItem(m, b.serviceItemId))!;
        await this.vouchers.payForUsedService(m, actor, dto.voucherId, instrument.ownerOrgId, {
          category: 'testing-inspection', amountFen, description: `${instrument.name}（${instrument.model}）${item.name}`, orderRef: `instrument-booking:${b.id}`,
        });
        b.voucherId = dto.voucherId;
      }
      Object.assign(b, { status: next, paymentMethod: dto.method });
      await this.identity.audit(m, actor, { action: 'instrument-booking.pay', entityType: 'instrument_booking', entityId: b.id, changes: { method: dto.method } });
      return this.view(await this.repo.saveBooking(m, b));
    });
  }

  async rate(actor: Actor, id: string, dto: RateBookingDto): Promise<BookingResponse> {
    return this.tx.run(async (m) => {
      const { booking: b } = await this.access.requireBooking(m, actor, id, BookingPermission.Book, true);
      Object.assign(b, { status: bookingLifecycle.next(b.status, 'rate', b.id), rating: dto.rating });
      return this.view(await this.repo.saveBooking(m, b));
    });
  }

  private async step(actor: Actor, id: string, permission: BookingPermission, action: 'approve' | 'no-show'): Promise<BookingResponse> {
    return this.tx.run(async (m) => {
      const { booking: b } = await this.access.requireBooking(m, actor, id, permission, true);
      b.status = bookingLifecycle.next(b.status, action, b.id);
      return this.view(await this.repo.saveBooking(m, b));
    });
  }

  private view(b: Booking): BookingResponse {
    return mapBooking(b, bookingLifecycle.allowed(b.status));
  }
}
