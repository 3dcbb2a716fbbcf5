import { Injectable } from '@nestjs/common';
import { Actor, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { CreateSavedSearchDto, mapSavedSearch, SavedSearchResponse, UpdateSavedSearchDto, WatchListQuery } from './dto/watchlist.dto';
import { criteriaFor } from './saved-search-criteria';
import { WatchlistAccessPolicy } from './watchlist-access.policy';
import { WatchlistErrors } from './watchlist.exception';
import { WatchlistRepository } from './watchlist.repository';

/** Enough for anyone's standing interests; more would make every publication's alert pass a scan of junk. */
export const MAX_SAVED_SEARCHES_PER_USER = 50;

/** A user's saved searches: kept, renamed, alerts on or off, removed. */
@Injectable()
export class SavedSearchService {
  constructor(
    private readonly repo: WatchlistRepository,
    private readonly access: WatchlistAccessPolicy,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, q: WatchListQuery): Promise<Page<SavedSearchResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listSavedSearches(this.tx.manager, actor.userId, q.subject, skip, take);
    return pageOf(rows.map(mapSavedSearch), total, q);
  }

  async create(actor: Actor, dto: CreateSavedSearchDto): Promise<SavedSearchResponse> {
    const { subject, name, alert, ...criteria } = dto;
    const kept = criteriaFor(subject, criteria);
    return this.tx.run(async (m) => {
      if ((await this.repo.countSavedSearches(m, actor.userId)) >= MAX_SAVED_SEARCHES_PER_USER) throw WatchlistErrors.tooManySavedSearches(MAX_SAVED_SEARCHES_PER_USER);
      return mapSavedSearch(await this.repo.saveSavedSearch(m, { userId: actor.userId, subject, name: name.trim(), criteria: kept, alert: alert ?? true }));
    });
  }

  async update(actor: Actor, id: string, dto: UpdateSavedSearchDto): Promise<SavedSearchResponse> {
    return this.tx.run(async (m) => {
      const s = await this.access.requireOwnSavedSearch(m, actor, id);
      if (dto.name !== undefined) s.name = dto.name.trim();
      if (dto.alert !== undefined) s.alert = dto.alert;
      return mapSavedSearch(await this.repo.saveSavedSearch(m, s));
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (m) => {
      await this.access.requireOwnSavedSearch(m, actor, id);
      await this.repo.deleteSavedSearch(m, id);
    });
  }
}
