import { Injectable } from '@nestjs/common';
import { PARK_CODES } from '@techbridge/platform';
import { CatalogService } from '@techbridge/catalog';
import { IdentityService } from '@techbridge/identity';
import { ComputedFigure, ComputedIndicatorSource, ReportingPeriod } from './computed-source';
import { ACHIEVEMENT_INDICATORS, achievementFigures } from './supply-figures';

/** Achievements published in the quarter, through the catalog facade; a park is the owner organisation's park. */
@Injectable()
export class CatalogIndicatorSource implements ComputedIndicatorSource {
  readonly name = 'catalog';
  readonly indicators = ACHIEVEMENT_INDICATORS;

  constructor(
    private readonly catalog: CatalogService,
    private readonly identity: IdentityService,
  ) {}

  async collect(period: ReportingPeriod): Promise<ComputedFigure[]> {
    const rows = await this.catalog.achievementsPublishedBetween(period.from, period.to);
    const owners = await this.identity.findOrganisations([...new Set(rows.map((a) => a.ownerId))]);
    return achievementFigures(rows.map((a) => ({ id: a.id, park: owners.get(a.ownerId)?.parkCode ?? null, industry: a.industry, trl: a.trl })), PARK_CODES);
  }
}
