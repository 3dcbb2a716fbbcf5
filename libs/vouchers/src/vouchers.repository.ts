import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { EligibilityRuleRow, RecognitionAgreement, VoucherProgramme, VoucherRound } from './entities/programme.entity';
import { PartyRelation, ServiceProvider } from './entities/provider.entity';
import { ClaimDocument, Voucher, VoucherClaim } from './entities/voucher.entity';
import { VoucherStatus } from './voucher.state-machine';

/** The rows of an UPDATE … RETURNING: TypeORM's postgres driver answers [rows, affected] for updates. */
function returning<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** The vouchers context's TypeORM code: programmes, rounds, vouchers, claims, providers, relations, agreements. */
@Injectable()
export class VouchersRepository {
  // ---- programmes ----
  findProgramme(m: EntityManager, id: string, lock = false): Promise<VoucherProgramme | null> {
    return m.getRepository(VoucherProgramme).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }
  saveProgramme(m: EntityManager, p: Partial<VoucherProgramme>): Promise<VoucherProgramme> {
    return m.getRepository(VoucherProgramme).save(m.getRepository(VoucherProgramme).create(p));
  }
  listProgrammes(m: EntityManager, park: string | undefined, skip: number, take: number): Promise<[VoucherProgramme[], number]> {
    return m.getRepository(VoucherProgramme).findAndCount({ where: park ? { parkCode: park } : {}, order: { createdAt: 'DESC' }, skip, take });
  }
  rulesOf(m: EntityManager, programmeId: string): Promise<EligibilityRuleRow[]> {
    return m.getRepository(EligibilityRuleRow).find({ where: { programmeId }, order: { rule: 'ASC' } });
  }
  async replaceRules(m: EntityManager, programmeId: string, rules: Array<{ rule: string; figure: number }>): Promise<void> {
    await m.getRepository(EligibilityRuleRow).delete({ programmeId });
    if (rules.length) await m.getRepository(EligibilityRuleRow).insert(rules.map((r) => ({ programmeId, rule: r.rule, figure: r.figure })));
  }
  roundsOf(m: EntityManager, programmeId: string): Promise<VoucherRound[]> {
    return m.getRepository(VoucherRound).find({ where: { programmeId }, order: { seq: 'ASC' } });
  }
  async insertRounds(m: EntityManager, rounds: Array<Partial<VoucherRound>>): Promise<void> {
    await m.getRepository(VoucherRound).insert(rounds);
  }
  /**
   * First come, first served: take `amountFen` of the quota of the round open at `now`, in one conditional update
   * (the row lock it takes orders concurrent applicants; the check constraint is the backstop). null when none fits.
   */
  async claimRoundQuota(m: EntityManager, programmeId: string, now: Date, amountFen: number): Promise<string | null> {
    const rows = returning<{ id: string }>(await m.query(
      `UPDATE voucher_round SET issued_fen = issued_fen + $3
        WHERE id = (SELECT id FROM voucher_round WHERE programme_id = $1 AND opens_at <= $2 AND closes_at > $2 ORDER BY seq LIMIT 1)
          AND issued_fen + $3 <= quota_fen RETURNING id`, [programmeId, now, amountFen]));
    return rows[0]?.id ?? null;
  }
  openRound(m: EntityManager, programmeId: string, now: Date): Promise<VoucherRound | null> {
    return m.getRepository(VoucherRound).createQueryBuilder('r').where('r.programmeId = :programmeId AND r.opensAt <= :now AND r.closesAt > :now', { programmeId, now }).orderBy('r.seq').getOne();
  }
  async releaseRoundQuota(m: EntityManager, roundId: string, amountFen: number): Promise<void> {
    await m.query(`UPDATE voucher_round SET issued_fen = issued_fen - $2 WHERE id = $1`, [roundId, amountFen]);
  }
  /** Count `amountFen` against the enterprise's yearly cap; the remaining amount when it does not fit. */
  async claimYearlyCap(m: EntityManager, programmeId: string, enterpriseOrgId: string, year: number, capFen: number, amountFen: number): Promise<{ ok: true } | { ok: false; remainingFen: number }> {
    await m.query(
      `INSERT INTO voucher_enterprise_year (programme_id, enterprise_org_id, year, cap_fen, issued_fen) VALUES ($1, $2, $3, $4, 0)
       ON CONFLICT (programme_id, enterprise_org_id, year) DO NOTHING`, [programmeId, enterpriseOrgId, year, capFen]);
    const updated = returning<{ issued_fen: string }>(await m.query(
      `UPDATE voucher_enterprise_year SET issued_fen = issued_fen + $4 WHERE programme_id = $1 AND enterprise_org_id = $2 AND year = $3
         AND issued_fen + $4 <= cap_fen RETURNING issued_fen`, [programmeId, enterpriseOrgId, year, amountFen]));
    if (updated.length) return { ok: true };
    const [row]: Array<{ cap_fen: string; issued_fen: string }> = await m.query(
      `SELECT cap_fen, issued_fen FROM voucher_enterprise_year WHERE programme_id = $1 AND enterprise_org_id = $2 AND year = $3`, [programmeId, enterpriseOrgId, year]);
    return { ok: false, remainingFen: Number(row.cap_fen) - Number(row.issued_fen) };
  }
  async releaseYearlyCap(m: EntityManager, programmeId: string, enterpriseOrgId: string, year: number, amountFen: number): Promise<void> {
    await m.query(`UPDATE voucher_enterprise_year SET issued_fen = issued_fen - $4 WHERE programme_id = $1 AND enterprise_org_id = $2 AND year = $3`,
      [programmeId, enterpriseOrgId, year, amountFen]);
  }

  /**
   * The yearly cap and the round's quota count what is held or was paid: money that left a voucher for its programme
   * (expired, returned, voided) stops counting in both, so a full round takes new applications again. Only an
   * application claimed them (a recorded partner voucher did not). Each is one relative UPDATE under the row lock that
   * claiming takes too, and the caller holds the voucher's lock, so an amount is given back once and never races a claim.
   */
  async giveBackClaims(m: EntityManager, v: Voucher, amountFen: number): Promise<void> {
    if (!(amountFen > 0) || !v.roundId) return;
    await this.releaseRoundQuota(m, v.roundId, amountFen);
    if (v.issueYear) await this.releaseYearlyCap(m, v.programmeId, v.enterpriseOrgId, v.issueYear, amountFen);
  }

  // ---- vouchers ----
  findVoucher(m: EntityManager, id: string, lock = false): Promise<Voucher | null> {
    return m.getRepository(Voucher).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }
  saveVoucher(m: EntityManager, v: Partial<Voucher>): Promise<Voucher> {
    return m.getRepository(Voucher).save(m.getRepository(Voucher).create(v));
  }
  hasPendingApplication(m: EntityManager, programmeId: string, enterpriseOrgId: string): Promise<boolean> {
    return m.getRepository(Voucher).exists({ where: { programmeId, enterpriseOrgId, status: In(['applied', 'screened'] as VoucherStatus[]) } });
  }
  listVouchers(m: EntityManager, where: { enterpriseOrgId?: string; providerId?: string; programmeIds?: string[]; programmeId?: string; status?: VoucherStatus }, skip: number, take: number): Promise<[Voucher[], number]> {
    const qb = m.getRepository(Voucher).createQueryBuilder('v');
    if (where.enterpriseOrgId) qb.andWhere('v.enterpriseOrgId = :e', { e: where.enterpriseOrgId });
    if (where.providerId) qb.andWhere('v.providerId = :p', { p: where.providerId });
    if (where.programmeIds) qb.andWhere('v.programmeId IN (:...ids)', { ids: where.programmeIds.length ? where.programmeIds : ['00000000-0000-0000-0000-000000000000'] });
    if (where.programmeId) qb.andWhere('v.programmeId = :pid', { pid: where.programmeId });
    if (where.status) qb.andWhere('v.status = :s', { s: where.status });
    return qb.orderBy('v.createdAt', 'DESC').addOrderBy('v.id').skip(skip).take(take).getManyAndCount();
  }
  async programmeIdsOwnedBy(m: EntityManager, orgId: string | null): Promise<string[]> {
    const rows = await m.getRepository(VoucherProgramme).find({ where: orgId ? { ownerOrgId: orgId } : {}, select: { id: true } });
    return rows.map((r) => r.id);
  }
  documentsOf(m: EntityManager, voucherId: string): Promise<ClaimDocument[]> {
    return m.getRepository(ClaimDocument).find({ where: { voucherId }, order: { kind: 'ASC' } });
  }
  async upsertDocument(m: EntityManager, d: Partial<ClaimDocument>): Promise<void> {
    await m.getRepository(ClaimDocument).upsert(d, ['voucherId', 'kind']);
  }
  claimOf(m: EntityManager, voucherId: string): Promise<VoucherClaim | null> {
    return m.getRepository(VoucherClaim).findOne({ where: { voucherId } });
  }
  async insertClaim(m: EntityManager, c: Partial<VoucherClaim>): Promise<void> {
    await m.getRepository(VoucherClaim).insert(c);
  }

  // ---- providers, relations, agreements ----
  findProvider(m: EntityManager, id: string, lock = false): Promise<ServiceProvider | null> {
    return m.getRepository(ServiceProvider).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }
  findProviderOfOrg(m: EntityManager, orgId: string): Promise<ServiceProvider | null> {
    return m.getRepository(ServiceProvider).findOne({ where: { orgId } });
  }
  saveProvider(m: EntityManager, p: Partial<ServiceProvider>): Promise<ServiceProvider> {
    return m.getRepository(ServiceProvider).save(m.getRepository(ServiceProvider).create(p));
  }
  searchProviders(m: EntityManager, q: { category?: string; park?: string; acceptsVouchers?: boolean }, skip: number, take: number): Promise<[ServiceProvider[], number]> {
    const qb = m.getRepository(ServiceProvider).createQueryBuilder('p').where('p.blacklistedAt IS NULL');
    if (q.category) qb.andWhere(':c = ANY(p.categories)', { c: q.category });
    if (q.park) qb.andWhere('p.parkCode = :park', { park: q.park });
    if (q.acceptsVouchers !== undefined) qb.andWhere('p.acceptsVouchers = :a', { a: q.acceptsVouchers });
    // Rated providers first, best mean rating first; the unrated after them by name.
    return qb.orderBy('CASE WHEN p.rating_count = 0 THEN 1 ELSE 0 END', 'ASC').addOrderBy('p.rating_sum::float / GREATEST(p.rating_count, 1)', 'DESC').addOrderBy('p.name').skip(skip).take(take).getManyAndCount();
  }
  async addRating(m: EntityManager, providerId: string, rating: number): Promise<void> {
    await m.query(`UPDATE voucher_provider SET rating_sum = rating_sum + $2, rating_count = rating_count + 1 WHERE id = $1`, [providerId, rating]);
  }
  async shareholdingsOf(m: EntityManager, creditCodes: string[]): Promise<Array<[string, string]>> {
    const rows = await m.getRepository(PartyRelation).find({ where: [{ shareholderCreditCode: In(creditCodes) }, { heldCreditCode: In(creditCodes) }] });
    return rows.map((r) => [r.shareholderCreditCode, r.heldCreditCode]);
  }
  saveRelation(m: EntityManager, r: Partial<PartyRelation>): Promise<PartyRelation> {
    return m.getRepository(PartyRelation).save(m.getRepository(PartyRelation).create(r));
  }
  findRelation(m: EntityManager, id: string, lock = false): Promise<PartyRelation | null> {
    return m.getRepository(PartyRelation).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }
  async deleteRelation(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(PartyRelation).delete({ id });
  }
  listRelations(m: EntityManager, skip: number, take: number): Promise<[PartyRelation[], number]> {
    return m.getRepository(PartyRelation).findAndCount({ order: { createdAt: 'DESC' }, skip, take });
  }
  findAgreement(m: EntityManager, id: string): Promise<RecognitionAgreement | null> {
    return m.getRepository(RecognitionAgreement).findOne({ where: { id } });
  }
  saveAgreement(m: EntityManager, a: Partial<RecognitionAgreement>): Promise<RecognitionAgreement> {
    return m.getRepository(RecognitionAgreement).save(m.getRepository(RecognitionAgreement).create(a));
  }
  listAgreements(m: EntityManager, skip: number, take: number): Promise<[RecognitionAgreement[], number]> {
    return m.getRepository(RecognitionAgreement).findAndCount({ order: { createdAt: 'DESC' }, skip, take });
  }

  // ---- personal data (个人信息保护法) ----
  async personalData(m: EntityManager, userId: string): Promise<unknown> {
    const applications = await m.getRepository(Voucher).find({ where: { applicantUserId: userId }, order: { createdAt: 'ASC' } });
    const claims = await m.getRepository(VoucherClaim).find({ where: { submittedBy: userId }, order: { submittedAt: 'ASC' } });
    const relations = await m.getRepository(PartyRelation).find({ where: { recordedBy: userId }, order: { createdAt: 'ASC' } });
    return {
      applications: applications.map((v) => ({
        id: v.id, programmeId: v.programmeId, status: v.status, requestedFen: v.requestedFen, amountFen: v.amountFen,
        legalRepresentative: v.legalRepresentative, evidence: v.evidence, createdAt: v.createdAt.toISOString(),
      })),
      claimsSubmitted: claims.map((c) => ({ voucherId: c.voucherId, invoiceNumber: c.invoiceNumber, invoiceFen: c.invoiceFen, submittedAt: c.submittedAt.toISOString() })),
      relationsRecorded: relations.map((r) => ({ shareholderCreditCode: r.shareholderCreditCode, heldCreditCode: r.heldCreditCode, note: r.note, createdAt: r.createdAt.toISOString() })),
    };
  }
}
