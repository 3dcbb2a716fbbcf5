import { Inject, Injectable } from '@nestjs/common';
import { DomainError, SEARCH_INDEX, SearchFilter, SearchIndex, TransactionRunner } from '@techbridge/platform';
import { AchievementRepository } from '../achievement.repository';
import { ACHIEVEMENTS_INDEX } from '../catalog-indexes';
import {
  AchievementSearchResponse, PackageSearchResponse, SearchAchievementsQuery, SearchPackagesQuery,
} from '../dto/search.dto';
import type { AchievementDocument } from './achievement.projection';
import { PACKAGES_INDEX, PackageDocument } from './package.projection';
import { languageHint } from './taxonomy-labels';

const SORTS: Record<string, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  'price-asc': ['askingPrice:asc'],
  'price-desc': ['askingPrice:desc'],
  'trl-desc': ['trl:desc'],
  'trl-asc': ['trl:asc'],
};

/** Public search over the catalog's indexes: the index holds only published objects, so no visibility filter is needed. */
@Injectable()
export class CatalogSearchService {
  constructor(
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
    private readonly repo: AchievementRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async achievementFilter(q: SearchAchievementsQuery): Promise<SearchFilter | undefined> {
    const and: SearchFilter[] = [];
    if (q.industry) and.push({ field: 'industry', eq: q.industry });
    if (q.field) and.push({ field: 'field', eq: q.field });
    if (q.trlMin !== undefined || q.trlMax !== undefined) {
      if (q.trlMin !== undefined && q.trlMax !== undefined && q.trlMin > q.trlMax) {
        throw DomainError.validation('trlMin', { zh: 'trlMin 不能大于 trlMax', en: 'trlMin must not exceed trlMax' });
      }
      and.push({ field: 'trl', ...(q.trlMin !== undefined ? { gte: q.trlMin } : {}), ...(q.trlMax !== undefined ? { lte: q.trlMax } : {}) });
    }
    if (q.transferMode) and.push({ field: 'transferModes', eq: q.transferMode });
    if (q.region) and.push({ field: 'ownerRegion', eq: q.region });
    if (q.priceMax !== undefined) and.push({ field: 'askingPrice', lte: q.priceMax });
    if (q.park) {
      // The park's key industries as administrators maintain them in ref_park.
      const industries = (await this.repo.parkKeyIndustries(this.tx.manager, q.park)) ?? [];
      and.push({ field: 'industry', in: industries.length ? industries : ['-'] });
    }
    return and.length ? { and } : undefined;
  }

  async searchAchievements(q: SearchAchievementsQuery): Promise<AchievementSearchResponse> {
    const res = await this.search.search<AchievementDocument>(ACHIEVEMENTS_INDEX, {
      q: q.q?.trim() || undefined,
      filter: await this.achievementFilter(q),
      facets: ['industry', 'trl', 'ownerRegion', 'transferModes'],
      sort: SORTS[q.sort ?? 'relevance'],
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
      highlight: ['title', 'summary', 'keywords'],
    });
    return {
      items: res.hits.map(({ document: d, highlights }) => ({
        id: d.id, title: d.title, summary: d.summary, keywords: d.keywords, industry: d.industry, field: d.field, trl: d.trl, stage: d.stage,
        transferModes: d.transferModes, askingPrice: d.askingPrice, negotiable: d.negotiable, ownerId: d.ownerId, ownerName: d.ownerName,
        ownerType: d.ownerType, ownerRegion: d.ownerRegion, fiscallyFunded: d.fiscallyFunded, hasPatent: d.hasPatent,
        publishedAt: new Date(d.publishedAt).toISOString(), highlights,
      })),
      total: res.total,
      page: q.page,
      pageSize: q.pageSize,
      facets: {
        industry: res.facets.industry ?? {},
        trl: res.facets.trl ?? {},
        region: res.facets.ownerRegion ?? {},
        transferMode: res.facets.transferModes ?? {},
      },
      processingTimeMs: res.processingTimeMs,
      ...(res.total === 0 ? { languageHint: languageHint(q.q) } : {}),
    };
  }

  /**
   * Would this search find this published achievement? Every query term must match (a saved search alerts on what
   * it asks for, not on what remains after dropping terms), with the search's filters.
   */
  async findsAchievement(id: string, q: Omit<SearchAchievementsQuery, 'page' | 'pageSize' | 'sort'>): Promise<boolean> {
    const filter = await this.achievementFilter({ ...q, page: 1, pageSize: 1 });
    const res = await this.search.search<AchievementDocument>(ACHIEVEMENTS_INDEX, {
      q: q.q?.trim() || undefined,
      filter: { and: [{ field: 'id', eq: id }, ...(filter ? [filter] : [])] },
      matchingStrategy: 'all',
      limit: 1,
      attributesToRetrieve: ['id'],
    });
    return res.hits.some((h) => h.document.id === id);
  }

  async searchPackages(q: SearchPackagesQuery): Promise<PackageSearchResponse> {
    const and: SearchFilter[] = [];
    if (q.industry) and.push({ field: 'industry', eq: q.industry });
    if (q.park) and.push({ field: 'targetParks', eq: q.park });
    const res = await this.search.search<PackageDocument>(PACKAGES_INDEX, {
      q: q.q?.trim() || undefined,
      filter: and.length ? { and } : undefined,
      facets: ['industry'],
      sort: q.q ? undefined : ['publishedAt:desc'],
      offset: (q.page - 1) * q.pageSize,
      limit: q.pageSize,
      highlight: ['title', 'theme', 'description'],
    });
    return {
      items: res.hits.map(({ document: d, highlights }) => ({
        id: d.id, title: d.title, theme: d.theme, industry: d.industry, description: d.description, achievementTitles: d.achievementTitles,
        trlMin: d.trlMin, trlMax: d.trlMax, totalAskingPrice: d.totalAskingPrice, negotiableCount: d.negotiableCount, ownerNames: d.ownerNames,
        targetParks: d.targetParks, highlights,
      })),
      total: res.total,
      page: q.page,
      pageSize: q.pageSize,
      facets: { industry: res.facets.industry ?? {} },
      processingTimeMs: res.processingTimeMs,
    };
  }
}
