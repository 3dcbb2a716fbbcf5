import { Injectable } from '@nestjs/common';
import { Actor, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { AddFavouriteDto, FavouriteResponse, mapFavourite, WatchListQuery } from './dto/watchlist.dto';
import { WatchTargets } from './watch-targets';
import { WatchlistAccessPolicy } from './watchlist-access.policy';
import { WatchlistErrors } from './watchlist.exception';
import { WatchlistRepository } from './watchlist.repository';

/** A user's favourites (收藏): achievements and demands they may see, listed with their current title. */
@Injectable()
export class FavouriteService {
  constructor(
    private readonly repo: WatchlistRepository,
    private readonly access: WatchlistAccessPolicy,
    private readonly targets: WatchTargets,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, q: WatchListQuery): Promise<Page<FavouriteResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listFavourites(this.tx.manager, actor.userId, q.subject, skip, take);
    const achievements = await this.targets.load('achievement', rows.filter((f) => f.subject === 'achievement').map((f) => f.targetId));
    const demands = await this.targets.load('demand', rows.filter((f) => f.subject === 'demand').map((f) => f.targetId));
    return pageOf(
      rows.map((f) => {
        const target = (f.subject === 'achievement' ? achievements : demands).get(f.targetId);
        // Withdrawn since it was kept: the user sees it went away, not what it has become.
        const available = !!target && target.visibleTo(actor);
        return mapFavourite(f, { title: available ? target.title : '', available });
      }),
      total,
      q,
    );
  }

  /** Only what the caller may see can be kept (else 404, as the listing itself would answer); adding twice returns the first. */
  async add(actor: Actor, dto: AddFavouriteDto): Promise<{ favourite: FavouriteResponse; created: boolean }> {
    const target = (await this.targets.load(dto.subject, [dto.targetId])).get(dto.targetId);
    if (!target || !target.visibleTo(actor)) throw WatchlistErrors.targetNotFound(dto.subject);
    const { favourite, created } = await this.tx.run((m) => this.repo.addFavourite(m, { userId: actor.userId, subject: dto.subject, targetId: dto.targetId }));
    return { favourite: mapFavourite(favourite, { title: target.title, available: true }), created };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (m) => {
      await this.access.requireOwnFavourite(m, actor, id);
      await this.repo.deleteFavourite(m, id);
    });
  }
}
