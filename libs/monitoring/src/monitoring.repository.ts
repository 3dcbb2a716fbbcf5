import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { IndicatorEntry } from './entities/entry.entity';
import { FigureCorrection, QuarterFigure } from './entities/figure.entity';
import { Indicator, Target } from './entities/indicator.entity';
import { IndexRun, IndexWeightsVersion } from './entities/innovation-index.entity';
import { ReportingQuarter } from './entities/quarter.entity';

/** The only code in monitoring that touches TypeORM. Every method takes the caller's EntityManager. */
@Injectable()
export class MonitoringRepository {
  // ---- catalogue ----
  listIndicators(m: EntityManager): Promise<Indicator[]> {
    return m.getRepository(Indicator).find({ order: { position: 'ASC' } });
  }

  listTargets(m: EntityManager): Promise<Target[]> {
    return m.getRepository(Target).find({ order: { position: 'ASC' } });
  }

  // ---- quarters ----
  findQuarter(m: EntityManager, code: string, lock = false): Promise<ReportingQuarter | null> {
    return m.getRepository(ReportingQuarter).findOne({ where: { code }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  listQuarters(m: EntityManager, skip: number, take: number): Promise<[ReportingQuarter[], number]> {
    return m.getRepository(ReportingQuarter).findAndCount({ order: { code: 'DESC' }, skip, take });
  }

  listPublishedQuarters(m: EntityManager): Promise<ReportingQuarter[]> {
    return m.getRepository(ReportingQuarter).find({ where: { status: 'published' }, order: { code: 'ASC' } });
  }

  saveQuarter(m: EntityManager, q: ReportingQuarter): Promise<ReportingQuarter> {
    return m.getRepository(ReportingQuarter).save(q);
  }

  // ---- entries ----
  findEntry(m: EntityManager, id: string, lock = false): Promise<IndicatorEntry | null> {
    return m.getRepository(IndicatorEntry).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findEntriesFor(m: EntityManager, quarterCode: string, parkCode: string, indicatorCodes: string[]): Promise<IndicatorEntry[]> {
    if (!indicatorCodes.length) return Promise.resolve([]);
    return m.getRepository(IndicatorEntry).find({ where: { quarterCode, parkCode, indicatorCode: In(indicatorCodes) }, lock: { mode: 'pessimistic_write' } });
  }

  listEntries(m: EntityManager, f: { quarterCode: string; parkCode?: string; status?: string }): Promise<IndicatorEntry[]> {
    return m.getRepository(IndicatorEntry).find({
      where: { quarterCode: f.quarterCode, ...(f.parkCode ? { parkCode: f.parkCode } : {}), ...(f.status ? { status: f.status as IndicatorEntry['status'] } : {}) },
      order: { parkCode: 'ASC', indicatorCode: 'ASC' },
    });
  }

  saveEntry(m: EntityManager, e: Partial<IndicatorEntry>): Promise<IndicatorEntry> {
    return m.getRepository(IndicatorEntry).save(m.getRepository(IndicatorEntry).create(e));
  }

  // ---- figures (snapshots) ----
  async insertFigures(m: EntityManager, figures: Array<Partial<QuarterFigure>>): Promise<void> {
    for (let i = 0; i < figures.length; i += 500) await m.getRepository(QuarterFigure).insert(figures.slice(i, i + 500));
  }

  /** The current (not superseded) figures of quarters, optionally of one park and its zone line. */
  currentFigures(m: EntityManager, quarterCodes: string[], f: { parkCode?: string; indicatorCode?: string; breakdown?: string } = {}): Promise<QuarterFigure[]> {
    if (!quarterCodes.length) return Promise.resolve([]);
    const qb = m.getRepository(QuarterFigure).createQueryBuilder('f')
      .where('f.quarter_code IN (:...quarterCodes)', { quarterCodes }).andWhere('f.superseded_at IS NULL')
      .orderBy('f.quarter_code').addOrderBy('f.park_code', 'ASC', 'NULLS LAST').addOrderBy('f.indicator_code').addOrderBy('f.breakdown');
    if (f.parkCode) qb.andWhere('(f.park_code = :park OR f.park_code IS NULL)', { park: f.parkCode });
    if (f.indicatorCode) qb.andWhere('f.indicator_code = :ind', { ind: f.indicatorCode });
    if (f.breakdown !== undefined) qb.andWhere('f.breakdown = :b', { b: f.breakdown });
    return qb.getMany();
  }

  findFigure(m: EntityManager, id: string): Promise<QuarterFigure | null> {
    return m.getRepository(QuarterFigure).findOne({ where: { id } });
  }

  findCurrentFigure(m: EntityManager, quarterCode: string, parkCode: string | null, indicatorCode: string, breakdown = ''): Promise<QuarterFigure | null> {
    return m.getRepository(QuarterFigure).findOne({
      where: { quarterCode, parkCode: parkCode ?? IsNull(), indicatorCode, breakdown, supersededAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async supersedeFigure(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.getRepository(QuarterFigure).update({ id }, { supersededAt: at });
  }

  figureHistory(m: EntityManager, quarterCode: string, parkCode: string | null, indicatorCode: string, breakdown = ''): Promise<QuarterFigure[]> {
    return m.getRepository(QuarterFigure).find({ where: { quarterCode, parkCode: parkCode ?? IsNull(), indicatorCode, breakdown }, order: { revision: 'ASC' } });
  }

  insertCorrection(m: EntityManager, c: Partial<FigureCorrection>): Promise<FigureCorrection> {
    return m.getRepository(FigureCorrection).save(m.getRepository(FigureCorrection).create(c));
  }

  listCorrections(m: EntityManager, quarterCode: string): Promise<FigureCorrection[]> {
    return m.getRepository(FigureCorrection).find({ where: { quarterCode }, order: { correctedAt: 'ASC' } });
  }

  // ---- innovation index ----
  currentWeights(m: EntityManager): Promise<IndexWeightsVersion | null> {
    return m.getRepository(IndexWeightsVersion).findOne({ where: {}, order: { version: 'DESC' } });
  }

  findWeights(m: EntityManager, version: number): Promise<IndexWeightsVersion | null> {
    return m.getRepository(IndexWeightsVersion).findOne({ where: { version } });
  }

  saveWeights(m: EntityManager, w: Partial<IndexWeightsVersion>): Promise<IndexWeightsVersion> {
    return m.getRepository(IndexWeightsVersion).save(m.getRepository(IndexWeightsVersion).create(w));
  }

  saveIndexRun(m: EntityManager, r: Partial<IndexRun>): Promise<IndexRun> {
    return m.getRepository(IndexRun).save(m.getRepository(IndexRun).create(r));
  }

  async indexYears(m: EntityManager): Promise<number[]> {
    const rows: Array<{ year: number }> = await m.getRepository(IndexRun).createQueryBuilder('r').select('DISTINCT r.year', 'year').orderBy('year', 'DESC').getRawMany();
    return rows.map((r) => Number(r.year));
  }

  latestIndexRun(m: EntityManager, year: number): Promise<IndexRun | null> {
    return m.getRepository(IndexRun).findOne({ where: { year }, order: { seq: 'DESC' } });
  }

  /** Serialises publication, corrections and index runs of one quarter or year. */
  async lock(m: EntityManager, key: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(72616007, hashtext($1))', [key]);
  }
}
