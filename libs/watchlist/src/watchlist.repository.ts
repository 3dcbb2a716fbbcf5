import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import { Favourite } from './entities/favourite.entity';
import { SavedSearch } from './entities/saved-search.entity';
import type { WatchSubject } from './saved-search-criteria';

/** The only code of the watchlist context that touches TypeORM. */
@Injectable()
export class WatchlistRepository {
  listSavedSearches(m: EntityManager, userId: string, subject: WatchSubject | undefined, skip: number, take: number): Promise<[SavedSearch[], number]> {
    return m.getRepository(SavedSearch).findAndCount({ where: { userId, ...(subject ? { subject } : {}) }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  countSavedSearches(m: EntityManager, userId: string): Promise<number> {
    return m.getRepository(SavedSearch).count({ where: { userId } });
  }

  findSavedSearch(m: EntityManager, id: string): Promise<SavedSearch | null> {
    return m.getRepository(SavedSearch).findOne({ where: { id } });
  }

  saveSavedSearch(m: EntityManager, s: Partial<SavedSearch>): Promise<SavedSearch> {
    return m.getRepository(SavedSearch).save(m.getRepository(SavedSearch).create(s));
  }

  async deleteSavedSearch(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(SavedSearch).delete({ id });
  }

  /** One page of the searches that alert on this subject, in id order after `after` (a keyset, so a long pass never skips). */
  alertingSearchesPage(m: EntityManager, subject: WatchSubject, after: string | null, take: number): Promise<SavedSearch[]> {
    return m.getRepository(SavedSearch).find({ where: { subject, alert: true, ...(after ? { id: MoreThan(after) } : {}) }, order: { id: 'ASC' }, take });
  }

  async markAlerted(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.getRepository(SavedSearch).update({ id }, { lastAlertedAt: at });
  }

  listFavourites(m: EntityManager, userId: string, subject: WatchSubject | undefined, skip: number, take: number): Promise<[Favourite[], number]> {
    return m.getRepository(Favourite).findAndCount({ where: { userId, ...(subject ? { subject } : {}) }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  findFavourite(m: EntityManager, id: string): Promise<Favourite | null> {
    return m.getRepository(Favourite).findOne({ where: { id } });
  }

  /** Adds the favourite, or returns the one already there (adding twice is not an error). */
  async addFavourite(m: EntityManager, f: { userId: string; subject: WatchSubject; targetId: string }): Promise<{ favourite: Favourite; created: boolean }> {
    // Copies: TypeORM writes the generated columns back into the values it inserts.
    const inserted = await m.createQueryBuilder().insert().into(Favourite).values({ ...f }).orIgnore().returning(['id']).execute();
    const created = (inserted.raw as unknown[]).length > 0;
    const favourite = await m.getRepository(Favourite).findOneOrFail({ where: { ...f } });
    return { favourite, created };
  }

  async deleteFavourite(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(Favourite).delete({ id });
  }

  // ---- personal data (个人信息保护法) ----

  async personalData(m: EntityManager, userId: string): Promise<{ favourites: Favourite[]; savedSearches: SavedSearch[] }> {
    return {
      favourites: await m.getRepository(Favourite).find({ where: { userId }, order: { createdAt: 'DESC' } }),
      savedSearches: await m.getRepository(SavedSearch).find({ where: { userId }, order: { createdAt: 'DESC' } }),
    };
  }

  async eraseUser(m: EntityManager, userId: string): Promise<number> {
    const f = await m.getRepository(Favourite).delete({ userId });
    const s = await m.getRepository(SavedSearch).delete({ userId });
    return (f.affected ?? 0) + (s.affected ?? 0);
  }
}
