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

  // ---- personal data (个人信息保护法) ----
  async personalData(m: EntityManager, userId: string): Promise<unknown> {
    const bookings: Array<{ id: string; instrument_id: string; name: string; starts_at: Date; ends_at: Date; status: string; note: string; actual_hours: string | null; payment_method: string | null; rating: number | null; created_at: Date }> = await m.query(
      `SELECT b.id, b.instrument_id, i.name, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.status, b.note, b.actual_hours, b.payment_method, b.rating, b.created_at
         FROM instrument_booking b JOIN instrument i ON i.id = b.instrument_id WHERE b.booker_user_id = $1 ORDER BY b.created_at`, [userId]);
    const trainings = await m.getRepository(TrainingRecord).find({ where: { userId }, order: { createdAt: 'ASC' } });
    return {
      bookings: bookings.map((b) => ({
        id: b.id, instrumentId: b.instrument_id, instrumentName: b.name, start: b.starts_at.toISOString(), end: b.ends_at.toISOString(), status: b.status, note: b.note,
        actualHours: b.actual_hours === null ? null : Number(b.actual_hours), paymentMethod: b.payment_method, rating: b.rating, createdAt: b.created_at.toISOString(),
      })),
      trainingRecords: trainings.map((r) => ({ instrumentId: r.instrumentId, trainedOn: r.trainedOn, createdAt: r.createdAt.toISOString() })),
    };
  }
  /** Training records deleted, booking notes blanked; the rows touched. */
  async erasePersonalData(m: EntityManager, userId: string): Promise<number> {
    const trainings = await m.getRepository(TrainingRecord).delete({ userId });
    const notes = await m.createQueryBuilder().update(Booking).set({ note: '' }).where(`booker_user_id = :userId AND note <> ''`, { userId }).execute();
    return (trainings.affected ?? 0) + (notes.affected ?? 0);
  }
}
