import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { IndexedVersion, IndexSettings, SearchProjection, TransactionRunner } from '@techbridge/platform';
import { AchievementRepository } from '../achievement.repository';
import { packageFigures } from '../package-figures';
import { PackageRepository } from '../package.repository';

import { PACKAGES_INDEX } from '../catalog-indexes';

export { PACKAGES_INDEX };

export interface PackageDocument {
  [key: string]: unknown;
  id: string;
  version: number;
  title: string;
  theme: string;
  industry: string;
  description: string;
  achievementTitles: string[];
  trlMin: number | null;
  trlMax: number | null;
  totalAskingPrice: number;
  negotiableCount: number;
  ownerNames: string[];
  curatorId: string;
  curatorName: string;
  targetParks: string[];
  publishedAt: number;
}

/** Published packages; figures count only achievements that are still published. */
@Injectable()
export class PackageProjection implements SearchProjection<PackageDocument> {
  readonly index = PACKAGES_INDEX;

  constructor(
    private readonly packages: PackageRepository,
    private readonly achievements: AchievementRepository,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
  ) {}

  settings(): IndexSettings {
    return {
      searchableAttributes: ['title', 'theme', 'achievementTitles', 'description', 'ownerNames'],
      filterableAttributes: ['industry', 'targetParks', 'trlMin', 'trlMax', 'curatorId'],
      sortableAttributes: ['publishedAt', 'totalAskingPrice'],
    };
  }

  async load(ids: string[]): Promise<Map<string, PackageDocument | null>> {
    const m = this.tx.manager;
    const pkgs = await this.packages.findPublishedByIds(m, ids);
    const achievements = await this.achievements.findPublishedByIds(m, pkgs.flatMap((p) => p.achievementIds));
    const byId = new Map(achievements.map((a) => [a.id, a]));
    const owners = await this.identity.findOrganisations(achievements.map((a) => a.ownerId));
    const out = new Map<string, PackageDocument | null>();
    for (const p of pkgs) {
      const members = p.achievementIds.map((id) => byId.get(id)).filter((a): a is NonNullable<typeof a> => !!a);
      const figures = packageFigures(members.map((a) => ({ trl: a.trl, askingPrice: a.askingPrice, ownerId: a.ownerId, ownerName: owners.get(a.ownerId)?.name ?? '' })));
      const curator = await this.identity.findUser(p.curatorId);
      out.set(p.id, {
        id: p.id, version: p.version, title: p.title, theme: p.theme, industry: p.industry, description: p.description,
        achievementTitles: members.map((a) => a.title), trlMin: figures.trlMin, trlMax: figures.trlMax,
        totalAskingPrice: figures.totalAskingPrice, negotiableCount: figures.negotiableCount, ownerNames: figures.owners.map((o) => o.name),
        curatorId: p.curatorId, curatorName: curator?.displayName ?? '', targetParks: p.targetParks,
        publishedAt: (p.publishedAt ?? p.updatedAt).getTime(),
      });
    }
    return out;
  }

  listIndexable(): Promise<IndexedVersion[]> {
    return this.packages.listIndexable(this.tx.manager);
  }

  versions(ids: string[]): Promise<Map<string, number>> {
    return this.packages.versionsByIds(this.tx.manager, ids);
  }
}
