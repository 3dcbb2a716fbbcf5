import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { InnovationIndexService } from '@techbridge/monitoring';
import { Actor, Clock, DomainError, isPlatformStaff, TransactionRunner } from '@techbridge/platform';
import { ConfirmAwardsDto, ParkAwardsResponse } from './dto/park-awards.dto';
import { ParkAwardRound } from './entities/park-award-round.entity';
import { AWARD_POLICY, proposeAwards } from './park-awards.rules';
import { ThreeListsService } from './three-lists.service';

const notFound = () => DomainError.notFound({ code: 'PARK_AWARDS_NOT_FOUND', zh: '该年度园区奖励尚未公布', en: "This year's park awards are not published" });

/** Yearly park awards: proposed from the innovation index and the three lists, confirmed and published by administrators. */
@Injectable()
export class ParkAwardsService {
  constructor(
    private readonly index: InnovationIndexService,
    private readonly lists: ThreeListsService,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** A new proposal from the year's latest index run and today's completion (replaces an unconfirmed one). */
  async propose(actor: Actor, year: number): Promise<ParkAwardsResponse> {
    const run = await this.index.get(year);
    const { parks } = await this.lists.completionOfYear(year);
    const entries = proposeAwards(run.parks.map((p) => ({ park: p.park, parkName: p.parkName, indexScore: p.score, indexRank: p.rank, completion: parks.get(p.park)?.overall ?? null })));
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(ParkAwardRound);
      const existing = await repo.findOne({ where: { year }, lock: { mode: 'pessimistic_write' } });
      if (existing?.status === 'published') throw DomainError.illegalTransition('park awards', 'published', 'propose');
      const round = Object.assign(existing ?? repo.create({ year }), {
        status: 'proposed' as const, policyVersion: AWARD_POLICY.version, indexRunId: run.runId, entries, proposedBy: actor.userId, proposedAt: this.clock.now(), confirmedBy: null, confirmedAt: null, note: null,
      });
      const s = await repo.save(round);
      await this.identity.audit(m, actor, { action: 'propose-park-awards', entityType: 'park-awards', entityId: String(year), changes: { proposed: entries.filter((e) => e.proposed).map((e) => e.park) } });
      return s;
    });
    return view(saved);
  }

  /** Confirm and publish: the proposed parks, less those administrators leave out (with the reason, published too). */
  async confirm(actor: Actor, year: number, dto: ConfirmAwardsDto): Promise<ParkAwardsResponse> {
    const saved = await this.tx.run(async (m) => {
      const repo = m.getRepository(ParkAwardRound);
      const round = await repo.findOne({ where: { year }, lock: { mode: 'pessimistic_write' } });
      if (!round) throw notFound();
      if (round.status !== 'proposed') throw DomainError.illegalTransition('park awards', round.status, 'confirm');
      const excluded = new Map((dto.excluded ?? []).map((x) => [x.park, x.reason.trim()]));
      for (const park of excluded.keys()) {
        if (!round.entries.some((e) => e.park === park && e.proposed)) throw DomainError.validation('excluded', { zh: `园区 ${park} 不在拟奖励名单中`, en: `Park ${park} is not proposed` }, 'notProposed');
      }
      round.entries = round.entries.map((e) => {
        const why = excluded.get(e.park);
        return why ? { ...e, awarded: false, reason: { zh: `${e.reason.zh}；经审定不予奖励：${why}`, en: `${e.reason.en}; not awarded on confirmation: ${why}` } } : e;
      });
      round.status = 'published';
      round.confirmedBy = actor.userId;
      round.confirmedAt = this.clock.now();
      round.note = dto.note?.trim() || null;
      const s = await repo.save(round);
      await this.identity.audit(m, actor, { action: 'confirm-park-awards', entityType: 'park-awards', entityId: String(year), changes: { awarded: s.entries.filter((e) => e.awarded).map((e) => e.park) } });
      return s;
    });
    return view(saved);
  }

  /** Published awards are public; a proposal only platform staff see. */
  async get(actor: Actor | null, year: number): Promise<ParkAwardsResponse> {
    const round = await this.tx.manager.getRepository(ParkAwardRound).findOne({ where: { year } });
    if (!round || (round.status !== 'published' && !isPlatformStaff(actor))) throw notFound();
    return view(round);
  }
}

function view(r: ParkAwardRound): ParkAwardsResponse {
  return {
    year: r.year, status: r.status, policyVersion: r.policyVersion, indexRunId: r.indexRunId, entries: r.entries, proposedAt: r.proposedAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString() ?? null, note: r.note,
  };
}
