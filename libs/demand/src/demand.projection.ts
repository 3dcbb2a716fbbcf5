import { Injectable, OnModuleInit } from '@nestjs/common';
import { IndexedVersion, IndexSettings, SearchIndexer, SearchProjection, TransactionRunner } from '@techbridge/platform';
import { DemandRepository } from './demand.repository';
import { DemandStatus, LISTED_DEMAND_STATUSES } from './demand.state-machine';
import { DemandVisibility } from './demand.visibility';
import { Demand } from './entities/demand.entity';

export const DEMANDS_INDEX = 'demands';

/** The `demands` index document (the cross-context contract): full text; the service redacts per viewer. */
export interface DemandDocument {
  [key: string]: unknown;
  id: string;
  version: number;
  title: string;
  description: string;
  keywords: string[];
  industry: string;
  field: string | null;
  minTrl: number | null;
  budget: number | null;
  cooperationModes: string[];
  park: string | null;
  enterpriseId: string;
  enterpriseName: string;
  enterpriseRegion: string;
  qualifications: string[];
  visibility: DemandVisibility;
  status: DemandStatus;
  /** epoch ms, or null */
  deadline: number | null;
  /** epoch ms */
  publishedAt: number;
}

export const DEMANDS_INDEX_SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'keywords', 'description', 'enterpriseName'],
  // id: a saved search asks whether one newly published demand is among its results.
  filterableAttributes: [
    'id', 'industry', 'field', 'park', 'cooperationModes', 'status', 'visibility', 'enterpriseId', 'enterpriseRegion', 'minTrl', 'budget', 'deadline',
    'qualifications',
  ],
  sortableAttributes: ['publishedAt', 'budget', 'deadline'],
};

/** Only published and in-negotiation demands belong in the index. */
export function isIndexable(d: Pick<Demand, 'status'>): boolean {
  return LISTED_DEMAND_STATUSES.includes(d.status);
}

/** What a demand says and how it is classified: the fields its api response and its search document both repeat. */
export function demandWordsOf(d: Pick<Demand, 'title' | 'description' | 'keywords' | 'industry' | 'field' | 'minTrl'>) {
  return { title: d.title, description: d.description, keywords: d.keywords, industry: d.industry, field: d.field, minTrl: d.minTrl };
}

export function projectDemand(d: Demand): DemandDocument {
  return {
    id: d.id,
    version: d.version,
    ...demandWordsOf(d),
    budget: d.budget === null ? null : Number(d.budget),
    cooperationModes: d.cooperationModes,
    park: d.park,
    enterpriseId: d.enterpriseId,
    enterpriseName: d.enterpriseName,
    enterpriseRegion: d.enterpriseRegion,
    qualifications: d.qualifications,
    visibility: d.visibility,
    status: d.status,
    deadline: d.deadlineAt ? d.deadlineAt.getTime() : null,
    publishedAt: (d.publishedAt ?? d.createdAt).getTime(),
  };
}

@Injectable()
export class DemandProjection implements SearchProjection<DemandDocument>, OnModuleInit {
  readonly index = DEMANDS_INDEX;

  constructor(
    private readonly indexer: SearchIndexer,
    private readonly repo: DemandRepository,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.indexer.register(this);
  }

  settings(): IndexSettings {
    return DEMANDS_INDEX_SETTINGS;
  }

  async load(ids: string[]): Promise<Map<string, DemandDocument | null>> {
    const rows = await this.repo.findByIds(this.tx.manager, ids);
    return new Map(rows.map((d) => [d.id, isIndexable(d) ? projectDemand(d) : null]));
  }

  listIndexable(): Promise<IndexedVersion[]> {
    return this.repo.listIndexable(this.tx.manager);
  }

  versions(ids: string[]): Promise<Map<string, number>> {
    return this.repo.versionsByIds(this.tx.manager, ids);
  }
}
