import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, isPlatformStaff, OrgType } from '@techbridge/platform';
import { Booking, Instrument } from './entities/instrument.entity';
import { InstrumentErrors } from './instruments.exception';
import { InstrumentsRepository } from './instruments.repository';

export enum BookingPermission {
  Read = 'read',
  /** The booker's organisation: cancel, pay by voucher, rate. */
  Book = 'book',
  /** The instrument's owner: approve, record use, no-show, cash payment. */
  Operate = 'operate',
}

export const OWNER_TYPES: readonly OrgType[] = [OrgType.University, OrgType.Institute, OrgType.Enterprise];

/**
 * Instruments are public; an instrument is changed by its owner only. A booking is seen by the booking organisation
 * and the instrument's owner (and platform staff); anyone else gets a 404.
 */
@Injectable()
export class InstrumentsAccessPolicy {
  constructor(private readonly repo: InstrumentsRepository) {}

  async requireOwnInstrument(m: EntityManager, actor: Actor, id: string, lock = false): Promise<Instrument> {
    const i = await this.repo.findInstrument(m, id, lock);
    if (!i) throw InstrumentErrors.instrumentNotFound();
    if (i.ownerOrgId !== actor.orgId) throw InstrumentErrors.notAllowed('仅仪器所属单位可执行此操作', "Only the instrument's owner may do this");
    return i;
  }

  /** The owner or platform staff: withdraw from sharing and share again. Others who may not see it get a 404. */
  async requireManagedInstrument(m: EntityManager, actor: Actor, id: string): Promise<Instrument> {
    const i = await this.repo.findInstrument(m, id, true);
    if (!i) throw InstrumentErrors.instrumentNotFound();
    if (i.ownerOrgId === actor.orgId || isPlatformStaff(actor)) return i;
    if (i.status !== 'active') throw InstrumentErrors.instrumentNotFound();
    throw InstrumentErrors.notAllowed('仅仪器所属单位或平台工作人员可执行此操作', "Only the instrument's owner or platform staff may do this");
  }

  /** An instrument in the directory is anyone's to see; a withdrawn one only its owner's and platform staff's (others: 404). */
  async requireVisibleInstrument(m: EntityManager, actor: Actor | null, id: string): Promise<Instrument> {
    const i = await this.repo.findInstrument(m, id);
    if (!i) throw InstrumentErrors.instrumentNotFound();
    if (i.status !== 'active' && !(actor && (actor.orgId === i.ownerOrgId || isPlatformStaff(actor)))) throw InstrumentErrors.instrumentNotFound();
    return i;
  }

  async requireBooking(m: EntityManager, actor: Actor, id: string, permission: BookingPermission, lock = false): Promise<{ booking: Booking; instrument: Instrument }> {
    const booking = await this.repo.findBooking(m, id, lock);
    if (!booking) throw InstrumentErrors.bookingNotFound();
    const instrument = (await this.repo.findInstrument(m, booking.instrumentId))!;
    const booker = booking.bookerOrgId === actor.orgId;
    const owner = instrument.ownerOrgId === actor.orgId;
    if (!booker && !owner && !isPlatformStaff(actor)) throw InstrumentErrors.bookingNotFound();
    const ok = { read: true, book: booker, operate: owner }[permission];
    if (!ok) throw InstrumentErrors.notAllowed('无权对该预约执行此操作', 'You may not do this with this booking');
    return { booking, instrument };
  }
}
