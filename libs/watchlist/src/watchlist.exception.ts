import { DomainError } from '@techbridge/platform';

export enum WatchlistErrorCode {
  SavedSearchNotFound = 'SAVED_SEARCH_NOT_FOUND',
  FavouriteNotFound = 'FAVOURITE_NOT_FOUND',
  TargetNotFound = 'FAVOURITE_TARGET_NOT_FOUND',
  TooManySavedSearches = 'TOO_MANY_SAVED_SEARCHES',
}

export const WatchlistErrors = {
  savedSearchNotFound: () => DomainError.notFound({ code: WatchlistErrorCode.SavedSearchNotFound, zh: '保存的搜索不存在', en: 'Saved search not found' }),
  favouriteNotFound: () => DomainError.notFound({ code: WatchlistErrorCode.FavouriteNotFound, zh: '收藏不存在', en: 'Favourite not found' }),
  targetNotFound: (subject: string) =>
    DomainError.notFound({ code: WatchlistErrorCode.TargetNotFound, zh: subject === 'demand' ? '技术需求不存在' : '科技成果不存在', en: subject === 'demand' ? 'Demand not found' : 'Achievement not found' }),
  tooManySavedSearches: (max: number) =>
    new DomainError('conflict', WatchlistErrorCode.TooManySavedSearches, { zh: `每位用户最多保存 ${max} 个搜索`, en: `At most ${max} saved searches per user` }),
};
