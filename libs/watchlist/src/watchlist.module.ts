import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { DemandModule } from '@techbridge/demand';
import { IdentityModule } from '@techbridge/identity';
import { NotificationModule } from '@techbridge/notification';
import { Favourite } from './entities/favourite.entity';
import { SavedSearch } from './entities/saved-search.entity';
import { FavouriteService } from './favourite.service';
import { SavedSearchAlertService } from './saved-search-alerts.service';
import { SavedSearchService } from './saved-search.service';
import { WatchTargets } from './watch-targets';
import { WatchlistAccessPolicy } from './watchlist-access.policy';
import { FavouriteController, SavedSearchController } from './watchlist.controller';
import { WatchlistJobs } from './watchlist.jobs';
import { WatchlistRepository } from './watchlist.repository';
import { WatchlistPrivacy } from './watchlist-privacy';

/** Favourites and saved searches of each user, and the alerts saved searches raise when a new listing matches. */
@Module({
  imports: [IdentityModule, NotificationModule, CatalogModule, DemandModule, TypeOrmModule.forFeature([SavedSearch, Favourite])],
  controllers: [SavedSearchController, FavouriteController],
  providers: [WatchlistRepository, WatchlistAccessPolicy, WatchTargets, SavedSearchService, FavouriteService, SavedSearchAlertService, WatchlistJobs, WatchlistPrivacy],
  exports: [SavedSearchService, FavouriteService],
})
export class WatchlistModule {}
