import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { ChineseTokenizer, IndexedVersion, IndexSettings, SearchProjection, TransactionRunner } from '@techbridge/platform';
import { AchievementRepository } from '../achievement.repository';
import { ACHIEVEMENTS_INDEX } from '../catalog-indexes';
import { FISCAL_FUNDING_SOURCES } from '../dto/achievement.dto';
import type { Achievement } from '../entities/achievement.entity';
import { taxonomySynonyms } from './taxonomy-labels';
import { AchievementListing, listingOf } from '../achievement-listing';

/** The `achievements` document, exactly as agreed with matching and roadshow (see the lead's contract). */
export interface AchievementDocument extends AchievementListing {
  [key: string]: unknown;
  id: string;
  version: number;
  transferModes: string[];
  pricingMethod: string | null;
  askingPrice: number | null;
  negotiable: boolean;
  fundingSource: string | null;
  fiscallyFunded: boolean;
  patents: string[];
  hasPatent: boolean;
  award: string | null;
  ownerId: string;
  ownerName: string;
  ownerType: string;
  ownerRegion: string;
  source: string;
  publishedAt: number;
}

export const ACHIEVEMENT_INDEX_SETTINGS: IndexSettings = {
  searchableAttributes: ['title', 'keywords', 'summary', 'ownerName'],
  // id: a saved search asks whether one newly published achievement is among its results.
  filterableAttributes: ['id', 'industry', 'field', 'trl', 'stage', 'transferModes', 'ownerRegion', 'ownerType', 'ownerId', 'askingPrice', 'negotiable', 'fundingSource', 'fiscallyFunded', 'source', 'hasPatent'],
  sortableAttributes: ['publishedAt', 'askingPrice', 'trl'],
};

export function projectAchievement(a: Achievement, owner: { name: string; type: string; region: string } | undefined): AchievementDocument {
  return {
    id: a.id,
    version: a.version,
    ...listingOf(a),
    transferModes: a.transferModes,
    pricingMethod: a.pricingMethod,
    askingPrice: a.askingPrice,
    negotiable: a.askingPrice === null,
    fundingSource: a.fundingSource,
    fiscallyFunded: !!a.fundingSource && FISCAL_FUNDING_SOURCES.includes(a.fundingSource),
    patents: a.patents,
    hasPatent: a.patents.length > 0,
    award: a.award,
    ownerId: a.ownerId,
    ownerName: owner?.name ?? '',
    ownerType: a.ownerType,
    ownerRegion: owner?.region ?? 'other',
    source: a.source,
    publishedAt: (a.publishedAt ?? a.updatedAt).getTime(),
  };
}

/** Only published achievements are in the public index. */
@Injectable()
export class AchievementProjection implements SearchProjection<AchievementDocument> {
  readonly index = ACHIEVEMENTS_INDEX;

  constructor(
    private readonly repo: AchievementRepository,
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityService,
    private readonly tokenizer: ChineseTokenizer,
  ) {}

  /** With the taxonomy's English labels as synonyms: an English query finds the Chinese listings. */
  settings(): IndexSettings {
    return { ...ACHIEVEMENT_INDEX_SETTINGS, synonyms: taxonomySynonyms(this.tokenizer) };
  }

  async load(ids: string[]): Promise<Map<string, AchievementDocument | null>> {
    const rows = await this.repo.findPublishedByIds(this.tx.manager, ids);
    const owners = await this.identity.findOrganisations(rows.map((r) => r.ownerId));
    return new Map(rows.map((a) => [a.id, projectAchievement(a, owners.get(a.ownerId))]));
  }

  listIndexable(): Promise<IndexedVersion[]> {
    return this.repo.listIndexable(this.tx.manager);
  }

  versions(ids: string[]): Promise<Map<string, number>> {
    return this.repo.versionsByIds(this.tx.manager, ids);
  }
}
