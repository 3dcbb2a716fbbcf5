import { Inject, Injectable } from '@nestjs/common';
import { Actor, ChineseTokenizer, Page, pageOf, SEARCH_INDEX, SearchFilter, SearchIndex, skipTake, TransactionRunner } from '@techbridge/platform';
import { DemandAccessPolicy } from './demand-access.policy';
import { demandCsvHeader, demandCsvRow } from './demand.csv';
import { DEMANDS_INDEX, DemandDocument } from './demand.projection';
import { DemandCriteria, DemandRepository } from './demand.repository';
import { DemandStatus, LISTED_DEMAND_STATUSES } from './demand.state-machine';
import { DemandListQuery, DemandSearchQuery, DemandSearchResponse, DemandView, mapDemand } from './dto/demand.dto';
import { Demand } from './entities/demand.entity';

/** Exports stop here: a bigger extract is an administrator's job, not a download. */
export const MAX_EXPORT_ROWS = 10_000;

/** Reading demands: detail, lists, the CSV export and full-text search, each redacted for the viewer by the one rule. */
@Injectable()
export class DemandQueryService {
  constructor(
    private readonly repo: DemandRepository,
    private readonly tx: TransactionRunner,
    private readonly access: DemandAccessPolicy,
    private readonly tokenizer: ChineseTokenizer,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  async get(actor: Actor | null, id: string): Promise<DemandView> {
    const d = await this.access.requireVisible(this.tx.manager, actor, id);
    return this.access.redact(actor, mapDemand(d));
  }

  async list(actor: Actor | null, q: DemandListQuery): Promise<Page<DemandView>> {
    const criteria = this.criteriaOf(actor, q);
    if (!criteria) return pageOf([], 0, q);
    const [rows, total] = await this.repo.list(this.tx.manager, this.access.viewerScope(actor), criteria, skipTake(q));
    return pageOf(rows.map((d) => this.access.redact(actor, mapDemand(d))), total, q);
  }

  /** CSV lines (header first), each demand redacted for this viewer exactly as in the list. */
  async *exportCsv(actor: Actor | null, q: DemandListQuery): AsyncGenerator<string> {
    yield demandCsvHeader() + '\r\n';
    const criteria = this.criteriaOf(actor, q);
    if (!criteria) return;
    for await (const rows of this.repo.iterate(this.tx.manager, this.access.viewerScope(actor), criteria, MAX_EXPORT_ROWS)) {
      yield rows.map((d) => demandCsvRow(this.access.redact(actor, mapDemand(d))) + '\r\n').join('');
    }
  }

  /**
   * Full-text search over listed demands. Demands the viewer may read are searched by the engine on every field;
   * the others only by title (in PostgreSQL), come back redacted after the readable ones, and count only in the
   * industry and park facets, so neither hits nor facets reveal anything of what the viewer may not read.
   */
  async searchDemands(actor: Actor | null, q: DemandSearchQuery): Promise<DemandSearchResponse> {
    const { skip, take } = skipTake(q);
    const text = q.q?.trim() ?? '';
    const readable = this.access.readableFilter(actor);
    const filters = demandFilters(q, readable);
    const a = await this.search.search<DemandDocument>(DEMANDS_INDEX, {
      q: text || undefined,
      filter: { and: filters },
      facets: ['industry', 'park', 'cooperationModes'],
      sort: text ? undefined : ['publishedAt:desc'],
      offset: skip,
      limit: take,
      attributesToRetrieve: ['id'],
    });
    const hiddenFilterUsed = !!(q.cooperationMode || q.budgetMin !== undefined || q.status);
    let redactedRows: Demand[] = [];
    let redactedTotal = 0;
    let redactedFacets: { industry: Record<string, number>; park: Record<string, number> } = { industry: {}, park: {} };
    if (readable && !hiddenFilterUsed) {
      const bSkip = Math.max(0, skip - a.total);
      const bTake = Math.max(0, take - a.hits.length);
      const b = await this.repo.searchUnreadableByTitle(
        this.tx.manager, this.access.viewerScope(actor),
        { terms: text ? this.tokenizer.queryTerms(text) : [], industry: q.industry, field: q.field, park: q.park },
        { skip: bSkip, take: bTake },
      );
      redactedRows = b.rows;
      redactedTotal = b.total;
      redactedFacets = b.facets;
    }
    const ids = a.hits.map((h) => h.document.id);
    const rows = new Map((await this.repo.findByIds(this.tx.manager, ids)).map((d) => [d.id, d]));
    const items = [
      // Rows read back from PostgreSQL: the index may lag a moment, the database decides what is shown.
      ...ids.map((id) => rows.get(id)).filter((d): d is Demand => !!d && LISTED_DEMAND_STATUSES.includes(d.status)),
      ...redactedRows,
    ].map((d) => this.access.redact(actor, mapDemand(d)));
    return {
      ...pageOf(items, a.total + redactedTotal, q),
      facets: {
        industry: addCounts(a.facets.industry ?? {}, redactedFacets.industry),
        park: addCounts(a.facets.park ?? {}, redactedFacets.park),
        cooperationMode: a.facets.cooperationModes ?? {},
      },
    };
  }

  /**
   * Would this search, run by this viewer, find this listed demand in full (not only redacted)? Every query term must
   * match, as a saved search alerts on what it asks for.
   */
  async findsDemand(actor: Actor, id: string, q: Omit<DemandSearchQuery, 'page' | 'pageSize' | 'status'>): Promise<boolean> {
    const res = await this.search.search<DemandDocument>(DEMANDS_INDEX, {
      q: q.q?.trim() || undefined,
      filter: { and: [{ field: 'id', eq: id }, ...demandFilters(q, this.access.readableFilter(actor))] },
      matchingStrategy: 'all',
      limit: 1,
      attributesToRetrieve: ['id'],
    });
    return res.hits.some((h) => h.document.id === id);
  }

  /** Query → criteria; null when the query cannot match anything for this viewer. */
  private criteriaOf(actor: Actor | null, q: DemandListQuery): DemandCriteria | null {
    let enterpriseId = q.enterpriseId;
    if (q.mine) {
      if (!actor || (enterpriseId && enterpriseId !== actor.orgId)) return null;
      enterpriseId = actor.orgId;
    }
    const ownView = this.access.ownView(actor, enterpriseId);
    // Others see listed demands unless they ask for a status; own demands are listed in every status.
    const statuses: DemandStatus[] | undefined = q.status ? [q.status] : ownView ? undefined : LISTED_DEMAND_STATUSES;
    return {
      statuses, industry: q.industry, field: q.field, park: q.park, visibility: q.visibility, enterpriseId, source: q.source, externalId: q.externalId,
      titleContains: q.q?.trim() || undefined, cooperationMode: q.cooperationMode, budgetMin: q.budgetMin,
    };
  }
}

/** The index filters of a demand search: listed statuses, the query's filters, and what the viewer may read. */
function demandFilters(q: Omit<DemandSearchQuery, 'page' | 'pageSize'>, readable: SearchFilter | null): SearchFilter[] {
  const filters: SearchFilter[] = [{ field: 'status', in: q.status ? [q.status] : LISTED_DEMAND_STATUSES }];
  if (q.industry) filters.push({ field: 'industry', eq: q.industry });
  if (q.field) filters.push({ field: 'field', eq: q.field });
  if (q.park) filters.push({ field: 'park', eq: q.park });
  if (q.cooperationMode) filters.push({ field: 'cooperationModes', eq: q.cooperationMode });
  if (q.budgetMin !== undefined) filters.push({ field: 'budget', gte: q.budgetMin });
  if (readable) filters.push(readable);
  return filters;
}

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}
