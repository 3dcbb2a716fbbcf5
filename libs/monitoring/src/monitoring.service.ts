import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Actor, Clock, DomainError, ErrorDetail, PARK_CODES, parkOf, separationOfDutiesViolation, SeparationRule, TransactionRunner, ZONE,
} from '@techbridge/platform';
import { IdentityService } from '@techbridge/identity';
import {
  CorrectFigureDto, CorrectionResponse, DrillDownQuery, DrillDownResponse, EnterFiguresDto, EntryListQuery, EntryResponse, IndicatorResponse, mapCorrection, mapEntry,
  mapFigure, mapIndicator, mapQuarter, OpenQuarterDto, QuarterResponse, ReportLineResponse, ReportResponse, TargetProgressResponse,
} from './dto/monitoring.dto';
import { IndicatorEntry } from './entities/entry.entity';
import { QuarterFigure } from './entities/figure.entity';
import { Indicator } from './entities/indicator.entity';
import { ReportingQuarter } from './entities/quarter.entity';
import { MonitoringAccessPolicy, MonitoringPermission } from './monitoring-access.policy';
import { MonitoringErrors } from './monitoring.exception';
import { MonitoringRepository } from './monitoring.repository';
import { entryTransition, quarterTransition } from './monitoring.state-machine';
import { annualValue, SHARE_PARTS } from './rules/annual';
import { entryValueProblem } from './rules/entry-value';
import { parseQuarter, previousQuarter, quarterBounds, QuarterRef, quarterOf, sameQuarterLastYear } from './rules/quarter';
import { reportLines } from './rules/report';
import { buildSnapshot } from './rules/snapshot';
import { COMPUTED_INDICATOR_SOURCES, ComputedFigure, ComputedIndicatorSource, ReportingPeriod } from './sources/computed-source';
import { IndicatorSourceRegistry } from './sources/indicator-source-registry';

/** A report line before its changes are computed: a frozen figure, or a previewed one (no id, revision 0). */
interface ReportItem {
  park: string | null;
  indicator: string;
  breakdown: string;
  value: number | null;
  source: string;
  revision: number;
  figureId: string;
  recordCount: number;
}

/** Quarterly reporting: the indicator catalogue, quarters, park entries and their review, publication, corrections, reports and targets. */
@Injectable()
export class MonitoringService {
  private readonly logger = new Logger('MonitoringService');
  constructor(
    private readonly repo: MonitoringRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly identity: IdentityService,
    @Inject(COMPUTED_INDICATOR_SOURCES) private readonly sources: ComputedIndicatorSource[],
    private readonly access: MonitoringAccessPolicy,
    private readonly registry: IndicatorSourceRegistry,
  ) {}

  /** Monitoring's own sources and those registered by contexts above it. */
  private get allSources(): ComputedIndicatorSource[] {
    return [...this.sources, ...this.registry.list()];
  }

  // ======== catalogue ========

  async listIndicators(): Promise<IndicatorResponse[]> {
    const fed = new Set(this.allSources.flatMap((s) => s.indicators));
    // In the index is what the current weights version weighs: an administrator takes an indicator in (a context's
    // computed ones too) by giving it a weight, without code; the seed's in_index flags only made version 1.
    const weights = await this.repo.currentWeights(this.tx.manager);
    const inIndex = (code: string) => (weights?.indicators[code] ?? 0) > 0;
    return (await this.repo.listIndicators(this.tx.manager)).map((i) => mapIndicator(i, i.source === 'entered' || fed.has(i.code), inIndex(i.code)));
  }

  // ======== quarters ========

  async openQuarter(actor: Actor, dto: OpenQuarterDto): Promise<QuarterResponse> {
    this.access.require(actor, MonitoringPermission.Administer);
    const ref = this.parse(dto.quarter);
    // Figures for a quarter are collected once it has begun; opening next year's Q1 in advance invites guesses.
    if (quarterBounds(ref).from > this.clock.now()) throw MonitoringErrors.quarterNotStarted(ref.code);
    return this.tx.run(async (m) => {
      await this.repo.lock(m, `quarter:${ref.code}`);
      const existing = await this.repo.findQuarter(m, ref.code);
      if (existing) throw MonitoringErrors.quarterExists(ref.code, existing.status);
      const q = Object.assign(new ReportingQuarter(), { code: ref.code, year: ref.year, quarter: ref.quarter, status: 'open', openedAt: this.clock.now(), openedBy: actor.userId, revision: 0 });
      const saved = await this.repo.saveQuarter(m, q);
      await this.identity.audit(m, actor, { action: 'monitoring.quarter.open', entityType: 'monitoring-quarter', entityId: ref.code });
      return mapQuarter(saved);
    });
  }

  async listQuarters(q: { page: number; pageSize: number }): Promise<{ items: QuarterResponse[]; total: number; page: number; pageSize: number }> {
    const [rows, total] = await this.repo.listQuarters(this.tx.manager, (q.page - 1) * q.pageSize, q.pageSize);
    return { items: rows.map(mapQuarter), total, page: q.page, pageSize: q.pageSize };
  }

  async getQuarter(code: string): Promise<QuarterResponse> {
    return mapQuarter(await this.requireQuarter(this.parse(code).code));
  }

  // ======== entries ========

  /** A park administrator's figures for the park's entered indicators; resubmitting replaces the figure and sends it back for review. */
  async enterFigures(actor: Actor, quarterCode: string, park: string, dto: EnterFiguresDto): Promise<EntryResponse[]> {
    await this.access.requireEntrant(actor, park);
    const ref = this.parse(quarterCode);
    return this.tx.run(async (m) => {
      const q = await this.repo.findQuarter(m, ref.code, true);
      if (!q) throw MonitoringErrors.quarterNotOpen(ref.code);
      quarterTransition(q.status, 'enter');
      const indicators = new Map((await this.repo.listIndicators(m)).map((i) => [i.code, i]));
      const details: ErrorDetail[] = [];
      const seen = new Set<string>();
      dto.entries.forEach((e, i) => {
        const ind = indicators.get(e.indicator);
        if (!ind) return details.push({ field: `entries[${i}].indicator`, message: 'unknown indicator', code: 'UNKNOWN_INDICATOR' });
        if (ind.source !== 'entered') return details.push({ field: `entries[${i}].indicator`, message: 'computed from platform records, cannot be entered', code: 'INDICATOR_NOT_ENTERED' });
        if (seen.has(e.indicator)) return details.push({ field: `entries[${i}].indicator`, message: 'listed twice', code: 'DUPLICATE' });
        seen.add(e.indicator);
        const problem = entryValueProblem(ind.unit, e.value);
        if (problem) details.push({ field: `entries[${i}].value`, message: `${ind.code}: ${problem.en}`, code: problem.code });
      });
      if (details.length) throw MonitoringErrors.invalidValues(details);
      const existing = new Map((await this.repo.findEntriesFor(m, ref.code, park, dto.entries.map((e) => e.indicator))).map((e) => [e.indicatorCode, e]));
      const now = this.clock.now();
      const saved: IndicatorEntry[] = [];
      for (const e of dto.entries) {
        const prev = existing.get(e.indicator);
        const status = prev ? entryTransition(prev.status, 'submit') : 'submitted';
        saved.push(await this.repo.saveEntry(m, {
          ...(prev ?? { quarterCode: ref.code, parkCode: park, indicatorCode: e.indicator }),
          value: e.value, note: e.note ?? null, status, enteredBy: actor.userId, enteredAt: now, reviewedBy: null, reviewedAt: null, returnReason: null,
        }));
      }
      return saved.map(mapEntry);
    });
  }

  async listEntries(actor: Actor, quarterCode: string, q: EntryListQuery): Promise<EntryResponse[]> {
    const ref = this.parse(quarterCode);
    await this.requireQuarter(ref.code);
    const park = this.access.entriesPark(actor, q.park);
    return (await this.repo.listEntries(this.tx.manager, { quarterCode: ref.code, parkCode: park, status: q.status })).map(mapEntry);
  }

  approveEntry(actor: Actor, id: string): Promise<EntryResponse> {
    return this.review(actor, id, 'approve', null);
  }

  returnEntry(actor: Actor, id: string, reason: string): Promise<EntryResponse> {
    return this.review(actor, id, 'return', reason);
  }

  private async review(actor: Actor, id: string, action: 'approve' | 'return', reason: string | null): Promise<EntryResponse> {
    this.access.require(actor, MonitoringPermission.Administer);
    return this.tx.run(async (m) => {
      const e = await this.repo.findEntry(m, id, true);
      if (!e) throw MonitoringErrors.entryNotFound();
      // Platform staff may enter a park's figures on its behalf; then another person reviews them (four eyes).
      if (e.enteredBy === actor.userId) throw separationOfDutiesViolation(SeparationRule.OwnMonitoringEntryReview);
      const q = await this.repo.findQuarter(m, e.quarterCode, true);
      quarterTransition(q!.status, 'review');
      e.status = entryTransition(e.status, action);
      e.reviewedBy = actor.userId;
      e.reviewedAt = this.clock.now();
      e.returnReason = reason;
      const saved = await this.repo.saveEntry(m, e);
      await this.identity.audit(m, actor, { action: `monitoring.entry.${action}`, entityType: 'monitoring-entry', entityId: id, changes: reason ? { reason } : {} });
      return mapEntry(saved);
    });
  }

  // ======== publication and corrections ========

  /** Freezes the computed figures and the approved entries into the quarter's snapshot. */
  async publishQuarter(actor: Actor, quarterCode: string): Promise<QuarterResponse> {
    this.access.require(actor, MonitoringPermission.Administer);
    const ref = this.parse(quarterCode);
    quarterTransition((await this.requireQuarter(ref.code)).status, 'publish');
    // Collected before the transaction: sources read through their own facades and must not wait on our locks.
    const computed = await this.collect({ quarter: ref.code, ...quarterBounds(ref) });
    return this.tx.run(async (m) => {
      await this.repo.lock(m, `quarter:${ref.code}`);
      const q = (await this.repo.findQuarter(m, ref.code, true))!;
      quarterTransition(q.status, 'publish');
      const entries = await this.repo.listEntries(m, { quarterCode: ref.code });
      const pending = entries.filter((e) => e.status === 'submitted');
      if (pending.length) throw MonitoringErrors.entriesPending(pending.map((e) => ({ id: e.id, park: e.parkCode, indicator: e.indicatorCode })));
      const indicators = await this.repo.listIndicators(m);
      const approved = entries.filter((e) => e.status === 'approved').map((e) => ({ id: e.id, park: e.parkCode, indicator: e.indicatorCode, value: e.value }));
      const now = this.clock.now();
      const figures = buildSnapshot(indicators, PARK_CODES, computed, approved);
      await this.repo.insertFigures(m, figures.map((f) => ({
        quarterCode: ref.code, parkCode: f.park, indicatorCode: f.indicator, breakdown: f.breakdown, value: f.value, source: f.source, records: f.records, entryId: f.entryId,
        note: f.note, revision: 1, createdAt: now, supersededAt: null,
      })));
      q.status = 'published';
      q.publishedAt = now;
      q.publishedBy = actor.userId;
      const saved = await this.repo.saveQuarter(m, q);
      await this.identity.audit(m, actor, { action: 'monitoring.quarter.publish', entityType: 'monitoring-quarter', entityId: ref.code, changes: { figures: figures.length } });
      return mapQuarter(saved);
    });
  }

  /**
   * Changes a published figure by superseding it with a new revision (the old row stays, with the reason in the
   * correction log); a park's total also moves the zone's total of the same indicator.
   */
  async correctFigure(actor: Actor, quarterCode: string, dto: CorrectFigureDto): Promise<CorrectionResponse> {
    this.access.require(actor, MonitoringPermission.Administer);
    const ref = this.parse(quarterCode);
    return this.tx.run(async (m) => {
      await this.repo.lock(m, `quarter:${ref.code}`);
      const q = await this.repo.findQuarter(m, ref.code, true);
      if (!q) throw MonitoringErrors.quarterNotFound();
      quarterTransition(q.status, 'correct');
      const ind = (await this.repo.listIndicators(m)).find((i) => i.code === dto.indicator);
      if (!ind) throw MonitoringErrors.unknownIndicator('indicator');
      const problem = entryValueProblem(ind.unit, dto.value);
      if (problem) throw DomainError.validation('value', problem, problem.code);
      const park = dto.park ?? null;
      const breakdown = dto.breakdown ?? '';
      const current = await this.repo.findCurrentFigure(m, ref.code, park, ind.code, breakdown);
      if (!current) throw MonitoringErrors.figureNotFound();
      const now = this.clock.now();
      await this.supersede(m, current, dto.value, dto.reason, now);
      if (park && breakdown === '' && ind.aggregation !== 'share') {
        const zone = await this.repo.findCurrentFigure(m, ref.code, null, ind.code, '');
        if (zone) {
          const parks = (await this.repo.currentFigures(m, [ref.code], { indicatorCode: ind.code, breakdown: '' })).filter((f) => f.parkCode !== null);
          const zoneValue = this.zoneAfterCorrection(ind, zone.value, current.value, dto.value, parks);
          if (zoneValue !== zone.value) await this.supersede(m, zone, zoneValue, `${park}: ${dto.reason}`, now);
        }
      }
      q.revision += 1;
      await this.repo.saveQuarter(m, q);
      const correction = await this.repo.insertCorrection(m, {
        quarterCode: ref.code, parkCode: park, indicatorCode: ind.code, oldValue: current.value, newValue: dto.value, reason: dto.reason, correctedBy: actor.userId, correctedAt: now,
      });
      await this.identity.audit(m, actor, {
        action: 'monitoring.figure.correct', entityType: 'monitoring-quarter', entityId: ref.code, changes: { park, indicator: ind.code, breakdown, from: current.value, to: dto.value, reason: dto.reason },
      });
      return mapCorrection(correction);
    });
  }

  async listCorrections(actor: Actor, quarterCode: string): Promise<CorrectionResponse[]> {
    this.access.require(actor, MonitoringPermission.ReadReports);
    const ref = this.parse(quarterCode);
    await this.requireQuarter(ref.code);
    return (await this.repo.listCorrections(this.tx.manager, ref.code)).map(mapCorrection);
  }

  // ======== reports ========

  async report(actor: Actor, quarterCode: string, park?: string): Promise<ReportResponse> {
    this.access.require(actor, MonitoringPermission.ReadReports);
    const ref = this.parse(quarterCode);
    const q = await this.requirePublished(ref.code);
    const current = await this.repo.currentFigures(this.tx.manager, [ref.code], { parkCode: park });
    const items: ReportItem[] = current.map((f) => ({
      park: f.parkCode, indicator: f.indicatorCode, breakdown: f.breakdown, value: f.value, source: f.source, revision: f.revision, figureId: String(f.id), recordCount: f.records.length,
    }));
    return this.assemble(ref, q, items, park);
  }

  /**
   * What publishing would freeze right now (computed live from the sources, approved entries), for staff to check
   * an open quarter before publishing; changes are against published quarters. Nothing is stored.
   */
  async preview(actor: Actor, quarterCode: string, park?: string): Promise<ReportResponse> {
    this.access.require(actor, MonitoringPermission.Administer);
    const ref = this.parse(quarterCode);
    const q = await this.requireQuarter(ref.code);
    if (q.status !== 'open') throw DomainError.illegalTransition('quarter', q.status, 'preview');
    const computed = await this.collect({ quarter: ref.code, ...quarterBounds(ref) });
    const m = this.tx.manager;
    const [entries, indicators] = await Promise.all([this.repo.listEntries(m, { quarterCode: ref.code, status: 'approved' }), this.repo.listIndicators(m)]);
    const figures = buildSnapshot(indicators, PARK_CODES, computed, entries.map((e) => ({ id: e.id, park: e.parkCode, indicator: e.indicatorCode, value: e.value })));
    const items: ReportItem[] = figures
      .filter((f) => !park || f.park === park || f.park === null)
      .map((f) => ({ park: f.park, indicator: f.indicator, breakdown: f.breakdown, value: f.value, source: f.source, revision: 0, figureId: '', recordCount: f.records.length }));
    return this.assemble(ref, q, items, park);
  }

  /** Report lines in a stable order (parks as in the reference data, the zone last; indicators by catalogue position) with QoQ and YoY. */
  private async assemble(ref: QuarterRef, q: ReportingQuarter, items: ReportItem[], park?: string): Promise<ReportResponse> {
    const prev = previousQuarter(ref);
    const lastYear = sameQuarterLastYear(ref);
    const m = this.tx.manager;
    const [before, yearAgo, indicators] = await Promise.all([
      this.repo.currentFigures(m, [prev.code], { parkCode: park }),
      this.repo.currentFigures(m, [lastYear.code], { parkCode: park }),
      this.repo.listIndicators(m),
    ]);
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    const asValue = (f: QuarterFigure) => ({ park: f.parkCode, indicator: f.indicatorCode, breakdown: f.breakdown, value: f.value });
    const lines = reportLines(items, before.map(asValue), yearAgo.map(asValue));
    const parkOrder = (p: string | null) => (p === null ? PARK_CODES.length : PARK_CODES.indexOf(p));
    const rows: ReportLineResponse[] = lines.map((l, i) => {
      const ind = byCode.get(l.indicator)!;
      const parkRef = l.park ? parkOf(l.park) : null;
      return {
        park: l.park, parkName: parkRef ? { zh: parkRef.zh, en: parkRef.en } : { zh: ZONE.zh, en: ZONE.en }, indicator: l.indicator, indicatorName: { zh: ind.zh, en: ind.en }, unit: ind.unit,
        dimension: ind.dimension, breakdown: l.breakdown, value: l.value, source: items[i].source, revision: items[i].revision, figureId: items[i].figureId, recordCount: items[i].recordCount,
        qoq: l.qoq, yoy: l.yoy,
      };
    });
    rows.sort((a, b) => parkOrder(a.park) - parkOrder(b.park) || byCode.get(a.indicator)!.position - byCode.get(b.indicator)!.position || a.breakdown.localeCompare(b.breakdown));
    return {
      quarter: ref.code, status: q.status, revision: q.revision, publishedAt: q.publishedAt?.toISOString() ?? null, park: park ?? null, previousQuarter: prev.code,
      sameQuarterLastYear: lastYear.code, lines: rows,
    };
  }

  /** Every figure drills down to the records (or the entry) behind it, with its revisions. */
  async drillDown(actor: Actor, quarterCode: string, q: DrillDownQuery, asked?: QuarterFigure): Promise<DrillDownResponse> {
    this.access.require(actor, MonitoringPermission.ReadReports);
    const ref = this.parse(quarterCode);
    await this.requirePublished(ref.code);
    const history = await this.repo.figureHistory(this.tx.manager, ref.code, q.park ?? null, q.indicator, q.breakdown ?? '');
    // By id, the revision asked for (possibly superseded); by coordinates, the current one.
    const figure = asked ? history.find((f) => String(f.id) === String(asked.id)) : history.find((f) => f.supersededAt === null);
    if (!figure) throw MonitoringErrors.figureNotFound();
    const entry = figure.entryId ? await this.repo.findEntry(this.tx.manager, figure.entryId) : null;
    return { figure: mapFigure(figure), entry: entry ? mapEntry(entry) : null, history: history.map(mapFigure) };
  }

  /** Drill-down by figure id, as the innovation index lists them for each input. */
  async figure(actor: Actor, id: string): Promise<DrillDownResponse> {
    this.access.require(actor, MonitoringPermission.ReadReports);
    const f = /^\d{1,18}$/.test(id) ? await this.repo.findFigure(this.tx.manager, id) : null;
    if (!f) throw MonitoringErrors.figureNotFound();
    return this.drillDown(actor, f.quarterCode, { indicator: f.indicatorCode, park: f.parkCode ?? undefined, breakdown: f.breakdown }, f);
  }

  // ======== targets ========

  /** Progress towards the plan's targets, from published figures only (the zone lines). */
  async targets(): Promise<TargetProgressResponse[]> {
    const m = this.tx.manager;
    const [targets, indicators, published] = await Promise.all([this.repo.listTargets(m), this.repo.listIndicators(m), this.repo.listPublishedQuarters(m)]);
    const codes = published.map((q) => q.code);
    const zone = (await this.repo.currentFigures(m, codes, { breakdown: '' })).filter((f) => f.parkCode === null);
    const values = (indicator: string, quarters: string[]) =>
      zone.filter((f) => f.indicatorCode === indicator && quarters.includes(f.quarterCode)).map((f) => ({ quarter: f.quarterCode, figureId: String(f.id), value: f.value }));
    const thisYear = quarterOf(this.clock.now()).year;
    return targets.map((t) => {
      const ind = indicators.find((i) => i.code === t.indicatorCode)!;
      let quarters = codes;
      let actual: number | null;
      if (t.basis === 'cumulative') actual = annualValue('sum', values(ind.code, quarters)).value;
      else if (t.basis === 'yearly') {
        quarters = codes.filter((c) => c.startsWith(String(thisYear)));
        actual = annualValue('sum', values(ind.code, quarters)).value;
      } else if (t.basis === 'share') {
        const parts = SHARE_PARTS[ind.code];
        actual = parts ? annualValue('share', [], { numerator: values(parts.numerator, quarters), denominator: values(parts.denominator, quarters) }).value : null;
      } else {
        const latest = annualValue('last', values(ind.code, quarters));
        actual = latest.value;
        quarters = zone.filter((f) => latest.figureIds.includes(String(f.id))).map((f) => f.quarterCode);
      }
      const progress = actual === null ? null : Math.round((actual / t.targetValue) * 10_000) / 100;
      return {
        code: t.code, name: { zh: t.zh, en: t.en }, indicator: ind.code, unit: t.unit, basis: t.basis, target: t.targetValue, targetYear: t.targetYear, actual, progress,
        achieved: actual !== null && actual >= t.targetValue, quarters,
      };
    });
  }

  // ======== helpers ========

  /** Runs every source for the period; a failing source fails the publication rather than freezing a gap. */
  private async collect(period: ReportingPeriod): Promise<Map<string, ComputedFigure[]>> {
    const out = new Map<string, ComputedFigure[]>();
    for (const s of this.allSources) {
      let figures: ComputedFigure[];
      try {
        figures = await s.collect(period);
      } catch (err) {
        if (err instanceof DomainError) throw err;
        this.logger.error({ err, source: s.name }, 'computed indicator source failed');
        throw new DomainError('unavailable', 'SOURCE_UNAVAILABLE', { zh: `数据源「${s.name}」暂不可用，请稍后重试`, en: `Source '${s.name}' is unavailable; try again later` }, [], { source: s.name });
      }
      for (const f of figures) {
        const list = out.get(f.indicator) ?? [];
        list.push(f);
        out.set(f.indicator, list);
      }
    }
    return out;
  }

  private async supersede(m: Parameters<MonitoringRepository['insertFigures']>[0], current: QuarterFigure, value: number | null, reason: string, now: Date): Promise<void> {
    await this.repo.supersedeFigure(m, current.id, now);
    await this.repo.insertFigures(m, [{
      quarterCode: current.quarterCode, parkCode: current.parkCode, indicatorCode: current.indicatorCode, breakdown: current.breakdown, value, source: 'correction',
      records: current.records, entryId: current.entryId, note: reason, revision: current.revision + 1, createdAt: now, supersededAt: null,
    }]);
  }

  /** Sums move by the park's delta (unattributed records stay in the zone); rates and densities re-average the parks. */
  private zoneAfterCorrection(ind: Indicator, zone: number | null, oldPark: number | null, newPark: number, parksNow: QuarterFigure[]): number | null {
    if (ind.unit === 'count' || ind.unit === 'yuan') return Math.round(((zone ?? 0) - (oldPark ?? 0) + newPark) * 10_000) / 10_000;
    const vals = parksNow.map((f) => f.value).filter((v): v is number => v !== null);
    return vals.length ? Math.round((vals.reduce((a, v) => a + v, 0) / vals.length) * 10_000) / 10_000 : null;
  }

  private parse(code: string): QuarterRef {
    const ref = parseQuarter(code);
    if (!ref) throw MonitoringErrors.invalidQuarter();
    return ref;
  }

  private async requireQuarter(code: string): Promise<ReportingQuarter> {
    const q = await this.repo.findQuarter(this.tx.manager, code);
    if (!q) throw MonitoringErrors.quarterNotFound();
    return q;
  }

  private async requirePublished(code: string): Promise<ReportingQuarter> {
    const q = await this.requireQuarter(code);
    if (q.status !== 'published') {
      throw new DomainError('conflict', 'QUARTER_NOT_PUBLISHED', { zh: `报告期 ${code} 尚未发布`, en: `Quarter ${code} is not published yet` }, [], { currentState: q.status });
    }
    return q;
  }
}
