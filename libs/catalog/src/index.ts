export * from './catalog.module';
export { CatalogService, ACHIEVEMENTS_INDEX } from './catalog.service';
export * from './dto/achievement.dto';
export type { AchievementDocument } from './search/achievement.projection';
export { ImportService } from './import/import.service';
export type { ImportKind, ImportContext, ImportBatchItem, ImportBatchResult, ImportLineFailure, Importer } from './import/import-kind';
export type { AchievementImportRecord } from './import/achievement-record';
export { ImportJobResponse } from './import/import.dto';
