export * from './watchlist.module';
export { SavedSearchService } from './saved-search.service';
export { FavouriteService } from './favourite.service';
export { SavedSearchResponse, FavouriteResponse } from './dto/watchlist.dto';
