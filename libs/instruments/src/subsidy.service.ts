import { Injectable } from '@nestjs/common';
import { Actor, BeijingCalendar, Clock, isPlatformStaff, Page, pageOf, PageQuery, skipTake, TransactionRunner } from '@techbridge/platform';
import { mapClaim, SubsidyClaimResponse } from './dto/instruments.dto';
import { SubsidyLine } from './entities/instrument.entity';
import { OWNER_TYPES } from './instruments-access.policy';
import { InstrumentErrors } from './instruments.exception';
import { InstrumentsRepository } from './instruments.repository';
import { shareRate } from './rules/availability';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A CSV cell: quoted, quotes doubled, and a leading formula character neutralised (a spreadsheet must not run it). */
function cell(v: string | number): string {
  const s = String(v);
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
}

/**
 * The post-use subsidy (后补助): an owner's yearly claim built from its completed bookings — effective hours, external
 * hours, share rate = external ÷ effective, external revenue — per instrument and in total; exported as CSV for the
 * finance office. Computing again replaces the year's claim (bookings completed since are counted).
 */
@Injectable()
export class SubsidyService {
  constructor(private readonly repo: InstrumentsRepository, private readonly tx: TransactionRunner, private readonly clock: Clock) {}

  async compute(actor: Actor, year: number): Promise<SubsidyClaimResponse> {
    if (!OWNER_TYPES.includes(actor.orgType)) throw InstrumentErrors.notAllowed('仅仪器所属单位可申报后补助', 'Only instrument owners claim the post-use subsidy');
    return this.tx.run(async (m) => {
      const { from, to } = BeijingCalendar.yearBounds(year);
      const rows = await this.repo.completedOfOwner(m, actor.orgId, from, to);
      const byInstrument = new Map<string, SubsidyLine>();
      for (const r of rows) {
        const l = byInstrument.get(r.instrument_id) ?? { instrumentId: r.instrument_id, name: r.name, model: r.model, bookings: 0, effectiveHours: 0, externalHours: 0, shareRate: 0, externalRevenue: 0 };
        const hours = Number(r.actual_hours ?? 0);
        l.bookings += 1;
        l.effectiveHours = round2(l.effectiveHours + hours);
        if (r.external) {
          l.externalHours = round2(l.externalHours + hours);
          l.externalRevenue = round2(l.externalRevenue + Number(r.amount ?? 0));
        }
        byInstrument.set(r.instrument_id, l);
      }
      const lines = [...byInstrument.values()].map((l) => ({ ...l, shareRate: shareRate(l.externalHours, l.effectiveHours) })).sort((a, b) => a.name.localeCompare(b.name));
      const effectiveHours = round2(lines.reduce((s, l) => s + l.effectiveHours, 0));
      const externalHours = round2(lines.reduce((s, l) => s + l.externalHours, 0));
      const claim = await this.repo.upsertClaim(m, {
        ownerOrgId: actor.orgId, year, bookings: rows.length, effectiveHours, externalHours, shareRate: shareRate(externalHours, effectiveHours),
        externalRevenue: round2(lines.reduce((s, l) => s + l.externalRevenue, 0)), lines, computedAt: this.clock.now(),
      });
      return mapClaim(claim);
    });
  }

  async list(actor: Actor, q: PageQuery): Promise<Page<SubsidyClaimResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listClaims(this.tx.manager, isPlatformStaff(actor) ? null : actor.orgId, skip, take);
    return pageOf(rows.map(mapClaim), total, q);
  }

  /** The claim as CSV (UTF-8 with BOM so spreadsheet software reads the Chinese headers). Owner or platform staff. */
  async csv(actor: Actor, id: string): Promise<{ filename: string; body: string }> {
    const c = await this.repo.findClaim(this.tx.manager, id);
    if (!c || (c.ownerOrgId !== actor.orgId && !isPlatformStaff(actor))) throw InstrumentErrors.claimNotFound();
    const head = ['仪器 instrument', '型号 model', '预约数 bookings', '有效机时 effective hours', '对外机时 external hours', '共享率 share rate', '对外收入（元） external revenue (yuan)'];
    const rows = c.lines.map((l) => [l.name, l.model, l.bookings, l.effectiveHours.toFixed(2), l.externalHours.toFixed(2), l.shareRate.toFixed(4), l.externalRevenue.toFixed(2)]);
    rows.push(['合计 total', '', c.bookings, c.effectiveHours.toFixed(2), c.externalHours.toFixed(2), c.shareRate.toFixed(4), c.externalRevenue.toFixed(2)]);
    const body = '\uFEFF' + [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
    return { filename: `post-use-subsidy-${c.year}.csv`, body };
  }
}
