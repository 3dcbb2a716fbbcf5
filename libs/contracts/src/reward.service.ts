import { Injectable } from '@nestjs/common';
import { Clock, JobName, OutboxService, REWARD_RULES, TransactionRunner } from '@techbridge/platform';
import { IdentityService, OrganisationResponse } from '@techbridge/identity';
import { ContractsRepository } from './contracts.repository';
import { RewardAccrualResponse, RewardLineResponse } from './dto/contracts.dto';
import { fenToYuanString, toFen } from './rules/money';
import { computeRewardLines, RewardRules } from './rules/rewards';
import { beijingInstant } from './rules/working-days';

/** The reward ledger: per-mille facilitation rewards of transfer institutions and new-accreditation awards. */
@Injectable()
export class RewardService {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
  ) {}

  async requestRewardComputation(year: number): Promise<{ year: number; jobId: string }> {
    const jobId = `contracts:rewards:${year}:${this.clock.now().getTime()}`;
    await this.tx.run((m) => this.outbox.enqueue(m, JobName.ComputeRewards, { year }, { jobId }));
    return { year, jobId };
  }

  /** Job: the year's ledger, recomputed from the registered contracts (replaces the year's per-mille lines). */
  async computeRewards(year: number, rules: RewardRules = REWARD_RULES): Promise<RewardLineResponse[]> {
    await this.tx.run(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(72616006, $1)', [year]);
      const from = beijingInstant(`${year}-01-01`, 0);
      const to = beijingInstant(`${year + 1}-01-01`, 0);
      const contracts = await this.repo.findRegisteredForRewards(m, from, to);
      const accredited = (await this.repo.findTransferProfiles(m, [...new Set(contracts.map((c) => c.transferInstitutionId).filter((x): x is string => !!x))])).map((p) => p.organisationId);
      // Only verified institutions are credited facilitation rewards: an unverified one may not carry a public subsidy.
      const orgs = await this.identity.findOrganisations(accredited, m);
      const transferIds = new Set(accredited.filter((id) => orgs.get(id)?.verified));
      const lines = computeRewardLines(contracts, rules, (id) => transferIds.has(id));
      const now = this.clock.now();
      await this.repo.deleteRateLines(m, year);
      for (const l of lines) {
        await this.repo.insertRewardLine(m, {
          year, institutionId: l.institutionId, kind: l.kind, basisAmount: fenToYuanString(l.basisFen), uncappedAmount: fenToYuanString(l.uncappedFen), amount: fenToYuanString(l.amountFen),
          capped: l.capped, note: l.capped ? `capped at ${rules.annualCapYuan} yuan` : null, computedAt: now,
          items: l.contracts.map((c) => ({ contractId: c.id, registrationNumber: c.registrationNumber, technologyAmount: fenToYuanString(c.technologyAmountFen) })),
        });
      }
      for (const a of await this.repo.newlyAccreditedUnawarded(m, year)) {
        const award = fenToYuanString(toFen(rules.newAccreditationAwardYuan));
        await this.repo.insertRewardLine(m, {
          year, institutionId: a.organisation_id, kind: 'new-accreditation', basisAmount: '0.00', uncappedAmount: award, amount: award, capped: false,
          note: `${a.level} accreditation ${a.accreditation_number}`, computedAt: now, items: [],
        });
      }
    });
    return this.listRewards(year);
  }

  async listRewards(year: number, institutionId?: string): Promise<RewardLineResponse[]> {
    const rows = await this.repo.listRewardLines(this.tx.manager, year, institutionId);
    const yearEnd = beijingInstant(`${year + 1}-01-01`, 0);
    return rows.map((r) => ({
      id: r.id, year: r.year, institutionId: r.institution_id, kind: r.kind, basisAmount: Number(r.basis_amount), uncappedAmount: Number(r.uncapped_amount), amount: Number(r.amount),
      capped: r.capped, note: r.note, computedAt: new Date(r.computed_at).toISOString(),
      // The accreditation award is fixed once granted; only the per-mille lines move until the year is over.
      provisional: r.kind !== 'new-accreditation' && new Date(r.computed_at) < yearEnd, contracts: r.items.map((i) => ({ contractId: i.contract_id, registrationNumber: i.registration_number, technologyAmount: Number(i.technology_amount) })),
    }));
  }

  /** The reward ledger of a year with the contracts behind each line placed in time and park: the records behind 'rewards accrued'. */
  async rewardAccruals(year: number): Promise<RewardAccrualResponse[]> {
    const rows = await this.repo.rewardAccrualRows(this.tx.manager, year);
    const buyerIds = [...new Set(rows.flatMap((r) => r.items.map((i) => i.buyer_org_id)).filter((x): x is string => !!x))];
    const buyers = buyerIds.length ? await this.identity.findOrganisations(buyerIds) : new Map<string, OrganisationResponse>();
    return rows.map((r) => ({
      lineId: r.id, institutionId: r.institution_id, kind: r.kind, amount: Number(r.amount), accruedOn: r.accredited_on,
      contracts: r.items.map((i) => ({
        contractId: i.contract_id, technologyAmount: Number(i.technology_amount), registeredAt: i.registered_at ? new Date(i.registered_at).toISOString() : null,
        parkCode: i.park_code ?? (i.buyer_org_id ? buyers.get(i.buyer_org_id)?.parkCode ?? null : null),
      })),
    }));
  }
}
