import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACHIEVEMENTS_INDEX, CatalogSearchService } from '@techbridge/catalog';
import { DEMANDS_INDEX, DemandQueryService } from '@techbridge/demand';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Clock, SEARCH_INDEX, SearchIndex, TransactionRunner } from '@techbridge/platform';
import { SavedSearch } from './entities/saved-search.entity';
import type { WatchSubject } from './saved-search-criteria';
import { WatchTarget, WatchTargets } from './watch-targets';
import { WatchlistRepository } from './watchlist.repository';

const PAGE = 200;

/** A listing published before the index has it: the job fails and BullMQ retries once the outbox has delivered it. */
export class NotYetIndexedError extends Error {
  override name = 'NotYetIndexedError';
}

/**
 * When an achievement or demand is published, every saved search of its kind runs against it through the search port
 * (the same filters and readability rules as the search page, every term required); the owners of those that find
 * it are notified in-app, and by e-mail as they chose. One notification per search and listing (its dedupe key),
 * however often the job runs or the listing is published again.
 */
@Injectable()
export class SavedSearchAlertService {
  private readonly logger = new Logger('SavedSearchAlerts');

  constructor(
    private readonly repo: WatchlistRepository,
    private readonly targets: WatchTargets,
    private readonly catalogSearch: CatalogSearchService,
    private readonly demandQuery: DemandQueryService,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  async alert(subject: WatchSubject, id: string): Promise<{ searches: number; alerted: number; outcome: string }> {
    const target = (await this.targets.load(subject, [id])).get(id);
    if (!target || !target.listed) return { searches: 0, alerted: 0, outcome: 'not-listed' };
    const indexed = await this.search.search(subject === 'achievement' ? ACHIEVEMENTS_INDEX : DEMANDS_INDEX, { filter: { field: 'id', eq: id }, limit: 1, attributesToRetrieve: ['id'] });
    if (!indexed.hits.length) throw new NotYetIndexedError(`${subject} ${id} is not in the index yet`);
    let searches = 0;
    let alerted = 0;
    for (let after: string | null = null; ; ) {
      const page = await this.repo.alertingSearchesPage(this.tx.manager, subject, after, PAGE);
      for (const s of page) {
        searches++;
        if (await this.finds(s, target)) {
          await this.notify(s, subject, target);
          alerted++;
        }
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    if (alerted) this.logger.log({ subject, id, searches, alerted }, 'saved searches alerted');
    return { searches, alerted, outcome: 'done' };
  }

  private async finds(s: SavedSearch, target: WatchTarget): Promise<boolean> {
    const actor = await this.identity.actorOfUser(s.userId);
    // Disabled users get nothing; an organisation is not alerted to what it published itself.
    if (!actor || actor.orgId === target.ownerOrgId) return false;
    return s.subject === 'achievement'
      ? this.catalogSearch.findsAchievement(target.id, s.criteria)
      : this.demandQuery.findsDemand(actor, target.id, s.criteria as Parameters<DemandQueryService['findsDemand']>[2]);
  }

  private async notify(s: SavedSearch, subject: WatchSubject, target: WatchTarget): Promise<void> {
    await this.tx.run(async (m) => {
      const what = subject === 'achievement' ? { zh: '科技成果', en: 'achievement' } : { zh: '技术需求', en: 'demand' };
      await this.notifications.notify({
        userId: s.userId,
        kind: 'watch.saved-search',
        title: { zh: `订阅“${s.name}”有新的${what.zh}：${target.title}`, en: `New ${what.en} for "${s.name}": ${target.title}` },
        body: { zh: `新发布的${what.zh}“${target.title}”符合您保存的搜索“${s.name}”。`, en: `The newly published ${what.en} "${target.title}" matches your saved search "${s.name}".` },
        link: subject === 'achievement' ? `/achievements/${target.id}` : `/demands/${target.id}`,
        data: { savedSearchId: s.id, subject, targetId: target.id },
        dedupeKey: `watch:${s.id}:${subject}:${target.id}`,
      }, m);
      await this.repo.markAlerted(m, s.id, this.clock.now());
    });
  }
}
