import { Injectable } from '@nestjs/common';
import { CatalogService } from '@techbridge/catalog';
import { DemandService } from '@techbridge/demand';
import { Actor } from '@techbridge/platform';
import type { WatchSubject } from './saved-search-criteria';

export interface WatchTarget {
  id: string;
  title: string;
  /** The organisation that published it (its own members are not alerted to it). */
  ownerOrgId: string;
  /** Listed for everyone who may see it: a published achievement, a published or in-negotiation demand. */
  listed: boolean;
  /** May this viewer see it (its own drafts included)? */
  visibleTo(actor: Actor): boolean;
}

/** Achievements and demands as the watchlist sees them, through the catalog and demand facades. */
@Injectable()
export class WatchTargets {
  constructor(
    private readonly catalog: CatalogService,
    private readonly demands: DemandService,
  ) {}

  async load(subject: WatchSubject, ids: string[]): Promise<Map<string, WatchTarget>> {
    const out = new Map<string, WatchTarget>();
    if (!ids.length) return out;
    if (subject === 'achievement') {
      for (const a of await this.catalog.getAchievementsByIds(ids)) {
        const listed = a.status === 'published';
        out.set(a.id, { id: a.id, title: a.title, ownerOrgId: a.owner.id, listed, visibleTo: (actor) => listed || actor.orgId === a.owner.id });
      }
    } else {
      for (const d of await this.demands.getDemandsByIds(ids)) {
        const listed = d.status === 'published' || d.status === 'in-negotiation';
        out.set(d.id, { id: d.id, title: d.title, ownerOrgId: d.enterprise.id, listed, visibleTo: (actor) => this.demands.isVisible(actor, d) });
      }
    }
    return out;
  }
}
