import { Injectable } from '@nestjs/common';
import { PARKS, TransactionRunner } from '@techbridge/platform';
import { QuotaDashboardResponse, QuotaLineResponse } from './dto/major-project.dto';
import { IN_PORTFOLIO, ProjectLevel } from './major-project.state-machine';
import { ProgrammesRepository } from './programmes.repository';

/** The plan's yearly quota: "省级每年至少抓好20项、各市至少抓好10项重大科技成果转化项目". */
export const PORTFOLIO_QUOTA = { province: 20, city: 10 } as const;

/** The zone's cities (those of its parks), in the parks' order. */
export const CITIES: string[] = [...new Set(PARKS.map((p) => p.city))];

@Injectable()
export class ProjectQuotaService {
  constructor(
    private readonly repo: ProgrammesRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async dashboard(year: number): Promise<QuotaDashboardResponse> {
    const rows = await this.repo.yearCounts(this.tx.manager, year);
    const line = (level: ProjectLevel, city: string | null): QuotaLineResponse => {
      const mine = rows.filter((r) => r.level === level && (city === null || r.city === city));
      const byStatus: Record<string, number> = {};
      for (const r of mine) byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
      const inPortfolio = mine.filter((r) => IN_PORTFOLIO.includes(r.status)).reduce((n, r) => n + r.n, 0);
      const quota = PORTFOLIO_QUOTA[level];
      return { level, city, quota, inPortfolio, met: inPortfolio >= quota, byStatus };
    };
    return { year, province: line('province', null), cities: CITIES.map((c) => line('city', c)) };
  }
}
