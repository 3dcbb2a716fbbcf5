/** The catalog's search index names, in a file of their own so services and projections share them without an import cycle. */
export const ACHIEVEMENTS_INDEX = 'achievements';
export const PACKAGES_INDEX = 'packages';
