import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@techbridge/platform';
import { Favourite } from './entities/favourite.entity';
import { SavedSearch } from './entities/saved-search.entity';
import { WatchlistErrors } from './watchlist.exception';
import { WatchlistRepository } from './watchlist.repository';

/**
 * Saved searches and favourites are personal: only the user who made them sees or changes them, not even colleagues
 * or platform staff (a search says what someone is looking for). Anything else is a 404.
 */
@Injectable()
export class WatchlistAccessPolicy {
  constructor(private readonly repo: WatchlistRepository) {}

  async requireOwnSavedSearch(m: EntityManager, actor: Actor, id: string): Promise<SavedSearch> {
    const s = await this.repo.findSavedSearch(m, id);
    if (!s || s.userId !== actor.userId) throw WatchlistErrors.savedSearchNotFound();
    return s;
  }

  async requireOwnFavourite(m: EntityManager, actor: Actor, id: string): Promise<Favourite> {
    const f = await this.repo.findFavourite(m, id);
    if (!f || f.userId !== actor.userId) throw WatchlistErrors.favouriteNotFound();
    return f;
  }
}
