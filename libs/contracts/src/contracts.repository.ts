import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BEIJING_TIME_ZONE, HolidayCalendar, InstantRange } from '@techbridge/platform';
import { ContractStatus } from './contract.state-machine';
import { ContractDeduction, DeductionKind } from './entities/contract-deduction.entity';
import { BrokerProfile, RegistrationInstitutionProfile, TransferInstitutionProfile } from './entities/institution-profiles.entity';
import { ReasonEntry, TechnologyContract } from './entities/technology-contract.entity';
import { RewardContract } from './rules/rewards';

export interface ContractFilter {
  status?: ContractStatus;
  /** Contracts these organisations are party to, facilitated or review. */
  visibleToOrg?: string;
  visibleToUser?: string;
  reviewInstitution?: string;
  skip: number;
  take: number;
}

export interface NewRewardLine {
  year: number;
  institutionId: string;
  kind: 'facilitation' | 'registration' | 'new-accreditation';
  basisAmount: string;
  uncappedAmount: string;
  amount: string;
  capped: boolean;
  note: string | null;
  computedAt: Date;
  items: Array<{ contractId: string; registrationNumber: string; technologyAmount: string }>;
}

export interface RewardLineRow {
  id: string;
  year: number;
  institution_id: string;
  kind: NewRewardLine['kind'];
  basis_amount: string;
  uncapped_amount: string;
  amount: string;
  capped: boolean;
  note: string | null;
  computed_at: Date;
  items: Array<{ contract_id: string; registration_number: string; technology_amount: string }>;
}

export interface RewardAccrualRow {
  id: string;
  institution_id: string;
  kind: NewRewardLine['kind'];
  amount: string;
  accredited_on: string | null;
  items: Array<{ contract_id: string; technology_amount: string; registered_at: string | null; park_code: string | null; buyer_org_id: string | null }>;
}

export interface RegisteredContractRow {
  id: string;
  park_code: string | null;
  type: string;
  seller_region: string;
  buyer_region: string;
  contract_amount: string;
  technology_amount: string;
  broker_user_id: string | null;
  transfer_institution_id: string | null;
  registered_at: Date;
}

export interface StatsRowRaw {
  key: string | null;
  contracts: number;
  contract_amount: string;
  technology_amount: string;
}

/** Group keys for the statistics feed; direction mirrors rules/direction.ts. */
const STATS_KEY_SQL = {
  park: 'park_code',
  quarter: `to_char(registered_at AT TIME ZONE '${BEIJING_TIME_ZONE}', 'YYYY-"Q"Q')`,
  industry: 'industry',
  type: 'type',
  direction: `CASE WHEN buyer_region = 'HE' AND seller_region IN ('BJ','TJ') THEN 'absorbed-bj-tj'
                   WHEN buyer_region = 'HE' AND seller_region = 'HE' THEN 'within-province'
                   WHEN seller_region = 'HE' THEN 'out-of-province' ELSE 'other' END`,
} as const;

/** The only code in contracts that touches TypeORM. Every method takes the caller's EntityManager. */
@Injectable()
export class ContractsRepository {
  // ---- contracts ----

  findContract(m: EntityManager, id: string): Promise<TechnologyContract | null> {
    return m.getRepository(TechnologyContract).findOne({ where: { id }, relations: { deductions: true } });
  }

  /** Row lock for a state change: concurrent decisions and retried jobs serialise here. */
  async findContractForUpdate(m: EntityManager, id: string): Promise<TechnologyContract | null> {
    const row = await m.getRepository(TechnologyContract).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
    if (!row) return null;
    row.deductions = await m.getRepository(ContractDeduction).find({ where: { contractId: id }, order: { position: 'ASC' } });
    return row;
  }

  async insertContract(m: EntityManager, c: Partial<TechnologyContract>): Promise<TechnologyContract> {
    const repo = m.getRepository(TechnologyContract);
    return repo.save(repo.create(c));
  }

  /** One UPDATE (no read-before-write, the caller holds the row): bumps version and updated_at. */
  async updateContract(m: EntityManager, c: TechnologyContract): Promise<TechnologyContract> {
    const { deductions, id, version, createdAt, updatedAt, ...columns } = c;
    void createdAt;
    void updatedAt;
    const res = await m.createQueryBuilder().update(TechnologyContract).set(columns).where('id = :id', { id }).returning(['version', 'updatedAt']).execute();
    const row = (res.raw as Array<{ version: number; updated_at: Date }>)[0];
    return Object.assign(c, { version: row?.version ?? version + 1, updatedAt: row?.updated_at ?? new Date(), deductions });
  }

  async replaceDeductions(m: EntityManager, contractId: string, items: Array<{ kind: DeductionKind; amount: string; note: string | null }>): Promise<ContractDeduction[]> {
    const repo = m.getRepository(ContractDeduction);
    await repo.delete({ contractId });
    if (!items.length) return [];
    return repo.save(items.map((d, position) => repo.create({ contractId, kind: d.kind, amount: d.amount, note: d.note, position })));
  }

  async listContracts(m: EntityManager, f: ContractFilter): Promise<[TechnologyContract[], number]> {
    const qb = m.getRepository(TechnologyContract).createQueryBuilder('c').leftJoinAndSelect('c.deductions', 'd').orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'ASC').skip(f.skip).take(f.take);
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    if (f.reviewInstitution) qb.andWhere(`c.registration_institution_id = :inst AND c.status <> 'draft'`, { inst: f.reviewInstitution });
    if (f.visibleToOrg) {
      qb.andWhere('(c.seller_org_id = :org OR c.buyer_org_id = :org OR c.transfer_institution_id = :org OR c.broker_user_id = :user)', { org: f.visibleToOrg, user: f.visibleToUser ?? null });
    }
    return qb.getManyAndCount();
  }

  async insertEvent(m: EntityManager, e: { contractId: string; action: string; from: string; to: string; actorUserId: string | null; reasons?: ReasonEntry[]; at: Date }): Promise<void> {
    await m.query(
      `INSERT INTO contract_registration_event (contract_id, action, from_status, to_status, actor_user_id, reasons, at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [e.contractId, e.action, e.from, e.to, e.actorUserId, JSON.stringify(e.reasons ?? []), e.at],
    );
  }

  listEvents(m: EntityManager, contractId: string): Promise<Array<{ action: string; from_status: string; to_status: string; actor_user_id: string | null; reasons: ReasonEntry[]; at: Date }>> {
    return m.query(`SELECT action, from_status, to_status, actor_user_id, reasons, at FROM contract_registration_event WHERE contract_id = $1 ORDER BY id`, [contractId]);
  }

  // ---- registration numbers ----

  findIssuedNumber(m: EntityManager, contractId: string): Promise<{ number: string } | undefined> {
    return m.query(`SELECT number FROM contract_registration_number WHERE contract_id = $1`, [contractId]).then((r: Array<{ number: string }>) => r[0]);
  }

  /** Next sequence of an institution's year; the upsert holds the counter row's lock until commit. */
  async nextSequence(m: EntityManager, institutionId: string, year: number): Promise<number> {
    const [row] = await m.query(
      `INSERT INTO registration_number_counter (institution_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (institution_id, year) DO UPDATE SET last_value = registration_number_counter.last_value + 1
       RETURNING last_value`,
      [institutionId, year],
    );
    return row.last_value as number;
  }

  async insertIssuedNumber(m: EntityManager, r: { contractId: string; institutionId: string; year: number; sequence: number; number: string; at: Date }): Promise<void> {
    await m.query(`INSERT INTO contract_registration_number (contract_id, institution_id, year, sequence, number, issued_at) VALUES ($1,$2,$3,$4,$5,$6)`, [
      r.contractId, r.institutionId, r.year, r.sequence, r.number, r.at,
    ]);
  }

  // ---- corrections ----

  async insertCorrection(m: EntityManager, r: { contractId: string; oldContract: string; newContract: string; oldTechnology: string; newTechnology: string; oldDeductions: unknown; reason: string; by: string; at: Date }): Promise<void> {
    await m.query(
      `INSERT INTO contract_amount_correction (contract_id, old_contract_amount, new_contract_amount, old_technology_amount, new_technology_amount, old_deductions, reason, corrected_by, corrected_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [r.contractId, r.oldContract, r.newContract, r.oldTechnology, r.newTechnology, JSON.stringify(r.oldDeductions), r.reason, r.by, r.at],
    );
  }

  listCorrections(m: EntityManager, contractId: string): Promise<Array<Record<string, string | Date>>> {
    return m.query(
      `SELECT old_contract_amount, new_contract_amount, old_technology_amount, new_technology_amount, reason, corrected_by, corrected_at
         FROM contract_amount_correction WHERE contract_id = $1 ORDER BY id`,
      [contractId],
    );
  }

  /** Technology amounts of registered contracts of these types about these achievements, registered since `since`. */
  comparableAmounts(m: EntityManager, q: { types: string[]; industry: string; achievementIds: string[] | null; since: Date }): Promise<Array<{ amount: string }>> {
    const byAchievement = q.achievementIds !== null;
    return m.query(
      `SELECT technology_amount AS amount FROM technology_contract
        WHERE status = 'registered' AND type = ANY($1::text[]) AND registered_at >= $2
          AND ${byAchievement ? 'achievement_id = ANY($3::uuid[])' : 'industry = $3'}
        ORDER BY technology_amount LIMIT 5000`,
      [q.types, q.since, byAchievement ? q.achievementIds : q.industry],
    );
  }

  // ---- holiday calendar ----

  async loadCalendar(m: EntityManager): Promise<HolidayCalendar> {
    const rows: Array<{ day: string; kind: string }> = await m.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM contract_holiday`);
    return { holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.day)), workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.day)) };
  }

  listHolidays(m: EntityManager, year: number): Promise<Array<{ day: string; kind: string; name: string }>> {
    return m.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM contract_holiday WHERE day >= make_date($1::int, 1, 1) AND day < make_date($1::int + 1, 1, 1) ORDER BY day`, [year]);
  }

  async upsertHoliday(m: EntityManager, day: string, kind: string, name: string): Promise<void> {
    await m.query(`INSERT INTO contract_holiday (day, kind, name) VALUES ($1,$2,$3) ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name`, [day, kind, name]);
  }

  async deleteHoliday(m: EntityManager, day: string): Promise<boolean> {
    const [, n] = await m.query(`DELETE FROM contract_holiday WHERE day = $1`, [day]);
    return n > 0;
  }

  // ---- institutions and brokers ----

  findTransferProfile(m: EntityManager, orgId: string): Promise<TransferInstitutionProfile | null> {
    return m.getRepository(TransferInstitutionProfile).findOne({ where: { organisationId: orgId } });
  }

  findTransferProfiles(m: EntityManager, orgIds: string[]): Promise<TransferInstitutionProfile[]> {
    if (!orgIds.length) return Promise.resolve([]);
    return m.getRepository(TransferInstitutionProfile).createQueryBuilder('p').where('p.organisation_id IN (:...ids)', { ids: orgIds }).getMany();
  }

  saveTransferProfile(m: EntityManager, p: Partial<TransferInstitutionProfile>): Promise<TransferInstitutionProfile> {
    return m.getRepository(TransferInstitutionProfile).save(p);
  }

  findRegistrationProfile(m: EntityManager, orgId: string): Promise<RegistrationInstitutionProfile | null> {
    return m.getRepository(RegistrationInstitutionProfile).findOne({ where: { organisationId: orgId } });
  }

  findRegistrationProfileByPrefix(m: EntityManager, prefix: string): Promise<RegistrationInstitutionProfile | null> {
    return m.getRepository(RegistrationInstitutionProfile).findOne({ where: { numberPrefix: prefix } });
  }

  saveRegistrationProfile(m: EntityManager, p: Partial<RegistrationInstitutionProfile>): Promise<RegistrationInstitutionProfile> {
    return m.getRepository(RegistrationInstitutionProfile).save(p);
  }

  /** The institution whose covered prefix matches the division code most specifically (longest prefix). */
  async findRegistrationInstitutionFor(m: EntityManager, divisionCode: string): Promise<string | null> {
    const rows: Array<{ organisation_id: string }> = await m.query(
      `SELECT p.organisation_id FROM registration_institution_profile p, unnest(p.covered_divisions) AS d(prefix)
        WHERE $1 LIKE d.prefix || '%' ORDER BY length(d.prefix) DESC, p.organisation_id LIMIT 1`,
      [divisionCode],
    );
    return rows[0]?.organisation_id ?? null;
  }

  async listInstitutionIds(m: EntityManager, kind: 'transfer' | 'registration', skip: number, take: number): Promise<[string[], number]> {
    const table = kind === 'transfer' ? 'transfer_institution_profile' : 'registration_institution_profile';
    const rows: Array<{ organisation_id: string }> = await m.query(`SELECT organisation_id FROM ${table} ORDER BY organisation_id OFFSET $1 LIMIT $2`, [skip, take]);
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM ${table}`);
    return [rows.map((r) => r.organisation_id), n as number];
  }

  /** The filed brokers, senior first, then by filing number (a stable order for paging). */
  async listBrokerUserIds(m: EntityManager, skip: number, take: number): Promise<[string[], number]> {
    const [rows, total] = await m.getRepository(BrokerProfile).findAndCount({ select: { userId: true, tier: true, filingNumber: true }, order: { filingNumber: 'ASC', userId: 'ASC' }, skip, take });
    return [rows.map((r) => r.userId), total];
  }

  findBrokerProfile(m: EntityManager, userId: string): Promise<BrokerProfile | null> {
    return m.getRepository(BrokerProfile).findOne({ where: { userId } });
  }

  saveBrokerProfile(m: EntityManager, p: Partial<BrokerProfile>): Promise<BrokerProfile> {
    return m.getRepository(BrokerProfile).save(p);
  }

  async brokerPerformance(m: EntityManager, userId: string): Promise<{ registered: number; contractAmount: string; technologyAmount: string; inProgress: number }> {
    const [r] = await m.query(
      `SELECT count(*) FILTER (WHERE status = 'registered')::int AS registered,
              coalesce(sum(contract_amount) FILTER (WHERE status = 'registered'), 0)::text AS contract_amount,
              coalesce(sum(technology_amount) FILTER (WHERE status = 'registered'), 0)::text AS technology_amount,
              count(*) FILTER (WHERE status IN ('submitted','under-review','registering','returned'))::int AS in_progress
         FROM technology_contract WHERE broker_user_id = $1`,
      [userId],
    );
    return { registered: r.registered, contractAmount: r.contract_amount, technologyAmount: r.technology_amount, inProgress: r.in_progress };
  }

  // ---- rewards ----

  async findRegisteredForRewards(m: EntityManager, from: Date, to: Date): Promise<RewardContract[]> {
    const rows = await m.query(
      `SELECT id, registration_number, technology_amount::text AS technology_amount, seller_legal_type, buyer_legal_type, buyer_region, transfer_institution_id, registration_institution_id
         FROM technology_contract WHERE status = 'registered' AND registered_at >= $1 AND registered_at < $2 ORDER BY registration_number`,
      [from, to],
    );
    return rows.map((r: Record<string, string | null>) => ({
      id: r.id!, registrationNumber: r.registration_number!, technologyAmount: r.technology_amount!, sellerLegalType: r.seller_legal_type!, buyerLegalType: r.buyer_legal_type!,
      buyerRegion: r.buyer_region!, transferInstitutionId: r.transfer_institution_id, registrationInstitutionId: r.registration_institution_id,
    }));
  }

  /** Transfer institutions newly accredited at provincial level or above in the year, not yet awarded. */
  newlyAccreditedUnawarded(m: EntityManager, year: number): Promise<Array<{ organisation_id: string; level: string; accreditation_number: string }>> {
    return m.query(
      `SELECT p.organisation_id, p.level, p.accreditation_number FROM transfer_institution_profile p
        WHERE p.level IN ('national','provincial') AND p.accredited_on >= make_date($1::int, 1, 1) AND p.accredited_on < make_date($1::int + 1, 1, 1)
          AND NOT EXISTS (SELECT 1 FROM reward_ledger_line l WHERE l.institution_id = p.organisation_id AND l.kind = 'new-accreditation')`,
      [year],
    );
  }

  /** Recomputing a year replaces its per-mille lines; the one-time award lines stay. */
  async deleteRateLines(m: EntityManager, year: number): Promise<void> {
    await m.query(`DELETE FROM reward_ledger_line WHERE year = $1 AND kind IN ('facilitation','registration')`, [year]);
  }

  async insertRewardLine(m: EntityManager, l: NewRewardLine): Promise<void> {
    const [{ id }] = await m.query(
      `INSERT INTO reward_ledger_line (year, institution_id, kind, basis_amount, uncapped_amount, amount, capped, note, computed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT DO NOTHING RETURNING id`,
      [l.year, l.institutionId, l.kind, l.basisAmount, l.uncappedAmount, l.amount, l.capped, l.note, l.computedAt],
    ).then((r: Array<{ id: string }>) => (r.length ? r : [{ id: null }]));
    if (!id || !l.items.length) return;
    await m.query(
      `INSERT INTO reward_ledger_item (line_id, contract_id, registration_number, technology_amount) SELECT $1, unnest($2::uuid[]), unnest($3::text[]), unnest($4::numeric[])`,
      [id, l.items.map((i) => i.contractId), l.items.map((i) => i.registrationNumber), l.items.map((i) => i.technologyAmount)],
    );
  }

  listRewardLines(m: EntityManager, year: number, institutionId?: string): Promise<RewardLineRow[]> {
    return m.query(
      `SELECT l.id, l.year, l.institution_id, l.kind, l.basis_amount::text, l.uncapped_amount::text, l.amount::text, l.capped, l.note, l.computed_at,
              coalesce((SELECT json_agg(json_build_object('contract_id', i.contract_id, 'registration_number', i.registration_number, 'technology_amount', i.technology_amount::text) ORDER BY i.registration_number)
                          FROM reward_ledger_item i WHERE i.line_id = l.id), '[]'::json) AS items
         FROM reward_ledger_line l WHERE l.year = $1 AND ($2::uuid IS NULL OR l.institution_id = $2) ORDER BY l.institution_id, l.kind`,
      [year, institutionId ?? null],
    );
  }

  /**
   * A year's ledger lines with what monitoring needs to place them: per contract behind a line its registration instant,
   * park and buyer; for a line without contracts (the accreditation award) the date the accreditation took effect.
   */
  rewardAccrualRows(m: EntityManager, year: number): Promise<RewardAccrualRow[]> {
    return m.query(
      `SELECT l.id, l.institution_id, l.kind, l.amount::text AS amount, to_char(p.accredited_on, 'YYYY-MM-DD') AS accredited_on,
              coalesce((SELECT json_agg(json_build_object('contract_id', i.contract_id, 'technology_amount', i.technology_amount::text, 'registered_at', c.registered_at,
                                                          'park_code', c.park_code, 'buyer_org_id', c.buyer_org_id) ORDER BY i.registration_number)
                          FROM reward_ledger_item i JOIN technology_contract c ON c.id = i.contract_id WHERE i.line_id = l.id), '[]'::json) AS items
         FROM reward_ledger_line l LEFT JOIN transfer_institution_profile p ON p.organisation_id = l.institution_id AND l.kind = 'new-accreditation'
        WHERE l.year = $1 ORDER BY l.institution_id, l.kind`,
      [year],
    );
  }

  // ---- statistics and monitoring feeds ----

  /** Contracts registered in [from, to): one range scan of the registered-at index, only the columns the figures need. */
  registeredBetween(m: EntityManager, range: InstantRange): Promise<RegisteredContractRow[]> {
    return m.query(
      `SELECT id, park_code, type, seller_region, buyer_region, contract_amount::text, technology_amount::text, broker_user_id, transfer_institution_id, registered_at
         FROM technology_contract
        WHERE status = 'registered' AND registered_at >= $1 AND registered_at < $2
        ORDER BY created_at DESC, id`,
      [range.from, range.to],
    );
  }

  /** Those of these contracts that are registered (the programmes context counts deals landed by them). */
  registeredByIds(m: EntityManager, ids: string[]): Promise<RegisteredContractRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.query(
      `SELECT id, park_code, type, seller_region, buyer_region, contract_amount::text, technology_amount::text, broker_user_id, transfer_institution_id, registered_at
         FROM technology_contract WHERE status = 'registered' AND id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** An organisation's registered contracts, as seller or as the transfer institution that facilitated them: totals and the latest few. */
  async dealRecordOf(m: EntityManager, orgId: string, latest: number): Promise<{ total: { contracts: number; amount: string }; rows: RegisteredContractRow[] }> {
    const where = `status = 'registered' AND (seller_org_id = $1 OR transfer_institution_id = $1)`;
    const [[total], rows] = await Promise.all([
      m.query(`SELECT count(*)::int AS contracts, coalesce(sum(contract_amount), 0)::text AS amount FROM technology_contract WHERE ${where}`, [orgId]),
      m.query(
        `SELECT id, park_code, type, seller_region, buyer_region, contract_amount::text, technology_amount::text, broker_user_id, transfer_institution_id, registered_at
           FROM technology_contract WHERE ${where} ORDER BY registered_at DESC, id LIMIT $2`,
        [orgId, latest],
      ),
    ]);
    return { total, rows };
  }

  /** Registered contracts with a registration instant in [from, to) grouped by one dimension. */
  registeredStats(m: EntityManager, range: InstantRange, groupBy: 'park' | 'quarter' | 'industry' | 'type' | 'direction'): Promise<StatsRowRaw[]> {
    const keySql = STATS_KEY_SQL[groupBy];
    return m.query(
      `SELECT ${keySql} AS key, count(*)::int AS contracts, coalesce(sum(contract_amount),0)::text AS contract_amount, coalesce(sum(technology_amount),0)::text AS technology_amount
         FROM technology_contract
        WHERE status = 'registered' AND registered_at >= $1 AND registered_at < $2
        GROUP BY 1 ORDER BY 1 NULLS LAST`,
      [range.from, range.to],
    );
  }
}
