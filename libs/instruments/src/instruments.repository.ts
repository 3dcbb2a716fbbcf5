import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Booking, Instrument, ServiceItem, SubsidyClaim, TrainingRecord } from './entities/instrument.entity';

/** The instruments context's TypeORM code. */
@Injectable()
export class InstrumentsRepository {
  findInstrument(m: EntityManager, id: string, lock = false): Promise<Instrument | null> {
    return m.getRepository(Instrument).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }
  saveInstrument(m: EntityManager, i: Partial<Instrument>): Promise<Instrument> {
    return m.getRepository(Instrument).save(m.getRepository(Instrument).create(i));
  }
  listInstruments(m: EntityManager, q: { park?: string; q?: string }, skip: number, take: number): Promise<[Instrument[], number]> {
    const qb = m.getRepository(Instrument).createQueryBuilder('i').where(`i.status = 'active'`);
    if (q.park) qb.andWhere('i.parkCode = :park', { park: q.park });
    if (q.q) qb.andWhere(`(i.name ILIKE :text OR i.model ILIKE :text)`, { text: `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return qb.orderBy('i.createdAt', 'DESC').addOrderBy('i.id').skip(skip).take(take).getManyAndCount();
  }
  itemsOf(m: EntityManager, instrumentId: string): Promise<ServiceItem[]> {
    return m.getRepository(ServiceItem).find({ where: { instrumentId }, order: { name: 'ASC' } });
  }
  findItem(m: EntityManager, id: string): Promise<ServiceItem | null> {
    return m.getRepository(ServiceItem).findOne({ where: { id } });
  }
  async insertItems(m: EntityManager, items: Array<Partial<ServiceItem>>): Promise<void> {
    await m.getRepository(ServiceItem).insert(items);
  }
  hasTraining(m: EntityManager, instrumentId: string, userId: string): Promise<boolean> {
    return m.getRepository(TrainingRecord).exists({ where: { instrumentId, userId } });
  }
  async upsertTraining(m: EntityManager, t: Partial<TrainingRecord>): Promise<TrainingRecord> {
    await m.getRepository(TrainingRecord).upsert(t, ['instrumentId', 'userId']);
    return (await m.getRepository(TrainingRecord).findOne({ where: { instrumentId: t.instrumentId, userId: t.userId } }))!;
  }
  findBooking(m: EntityManager, id: string, lock = false): Promise<Booking | null> {
    return m.getRepository(Booking).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }
  saveBooking(m: EntityManager, b: Partial<Booking>): Promise<Booking> {
    return m.getRepository(Booking).save(m.getRepository(Booking).create(b));
  }
  takenBetween(m: EntityManager, instrumentId: string, from: Date, to: Date): Promise<Booking[]> {
    return m.getRepository(Booking).createQueryBuilder('b')
      .where('b.instrumentId = :instrumentId', { instrumentId })
      .andWhere(`b.status IN ('requested', 'approved', 'used', 'paid', 'rated')`)
      .andWhere('b.period && tstzrange(:from, :to)', { from, to })
      .orderBy('lower(b.period)').take(500).getMany();
  }
  listBookings(m: EntityManager, where: { bookerOrgId?: string; ownerOrgId?: string; status?: string }, skip: number, take: number): Promise<[Booking[], number]> {
    const qb = m.getRepository(Booking).createQueryBuilder('b');
    if (where.bookerOrgId) qb.andWhere('b.bookerOrgId = :o', { o: where.bookerOrgId });
    if (where.ownerOrgId) qb.andWhere('b.instrumentId IN (SELECT id FROM instrument WHERE owner_org_id = :owner)', { owner: where.ownerOrgId });
    if (where.status) qb.andWhere('b.status = :s', { s: where.status });
    return qb.orderBy('b.createdAt', 'DESC').addOrderBy('b.id').skip(skip).take(take).getManyAndCount();
  }
  /** Completed bookings (used, paid, rated) of the owner's instruments that started in [from, to). */
  completedOfOwner(m: EntityManager, ownerOrgId: string, from: Date, to: Date): Promise<Array<{ instrument_id: string; name: string; model: string; external: boolean; actual_hours: string; amount: string | null }>> {
    return m.query(
      `SELECT b.instrument_id, i.name, i.model, b.external, b.actual_hours, b.amount FROM instrument_booking b JOIN instrument i ON i.id = b.instrument_id
        WHERE i.owner_org_id = $1 AND b.status IN ('used', 'paid', 'rated') AND lower(b.period) >= $2 AND lower(b.period) < $3`, [ownerOrgId, from, to]);
  }
  /** Completed bookings in [from, to) with the instrument's park: what monitoring's share rate counts. */
  completedBetween(m: EntityManager, from: Date, to: Date): Promise<Array<{ id: string; park_code: string | null; external: boolean; actual_hours: string }>> {
    return m.query(
      `SELECT b.id, i.park_code, b.external, b.actual_hours FROM instrument_booking b JOIN instrument i ON i.id = b.instrument_id
        WHERE b.status IN ('used', 'paid', 'rated') AND lower(b.period) >= $1 AND lower(b.period) < $2`, [from, to]);
  }
  async upsertClaim(m: EntityManager, c: Partial<SubsidyClaim>): Promise<SubsidyClaim> {
    await m.getRepository(SubsidyClaim).upsert(c, ['ownerOrgId', 'year']);
    return (await m.getRepository(SubsidyClaim).findOne({ where: { ownerOrgId: c.ownerOrgId, year: c.year } }))!;
  }
  findClaim(m: EntityManager, id: string): Promise<SubsidyClaim | null> {
    return m.getRepository(SubsidyClaim).findOne({ where: { id } });
  }
  listClaims(m: EntityManager, ownerOrgId: string | null, skip: number, take: number): Promise<[SubsidyClaim[], number]> {
    return m.getRepository(SubsidyClaim).findAndCount({ where: ownerOrgId ? { ownerOrgId } : {}, order: { year: 'DESC' }, skip, take });
  }
}
