import { Injectable, OnModuleInit } from '@nestjs/common';
import { ComputedFigure, ComputedIndicatorSource, IndicatorSourceRegistry, ReportingPeriod } from '@techbridge/monitoring';
import { PARK_CODES, TransactionRunner } from '@techbridge/platform';
import { IN_PORTFOLIO } from './major-project.state-machine';
import { ProgrammesRepository } from './programmes.repository';
import { ThreeListsService } from './three-lists.service';

export const PROGRAMME_INDICATORS = ['major-projects-in-portfolio', 'three-list-completion'] as const;

/**
 * What the programmes feed monitoring each quarter, for the quarter's year as it stands at collection: projects in the
 * portfolio per park, and each park's three-list completion (percent; no figure for a park without lists).
 */
@Injectable()
export class ProgrammesIndicatorSource implements ComputedIndicatorSource, OnModuleInit {
  readonly name = 'programmes';
  readonly indicators = PROGRAMME_INDICATORS;

  constructor(
    private readonly registry: IndicatorSourceRegistry,
    private readonly repo: ProgrammesRepository,
    private readonly lists: ThreeListsService,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    const year = Number(period.quarter.slice(0, 4));
    const projects = await this.repo.portfolioOfYear(this.tx.manager, year, IN_PORTFOLIO);
    const figures: ComputedFigure[] = [];
    for (const park of [...PARK_CODES, null]) {
      const mine = projects.filter((p) => park === null || p.parkCode === park);
      figures.push({ indicator: 'major-projects-in-portfolio', park, breakdown: '', value: mine.length, records: mine.map((p) => ({ type: 'major-project', id: p.id })) });
    }
    const { parks, zone } = await this.lists.completionOfYear(year);
    for (const park of PARK_CODES) {
      const c = parks.get(park);
      figures.push({ indicator: 'three-list-completion', park, breakdown: '', value: c?.overall == null ? null : Math.round(c.overall * 10_000) / 100, records: (c?.itemIds ?? []).map((id) => ({ type: 'park-list-item', id })) });
    }
    figures.push({ indicator: 'three-list-completion', park: null, breakdown: '', value: zone === null ? null : Math.round(zone * 10_000) / 100, records: [] });
    return figures;
  }
}
