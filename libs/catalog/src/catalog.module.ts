import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@techbridge/identity';
import { SearchIndexer } from '@techbridge/platform';
import { AchievementAttachmentController } from './achievement-attachment.controller';
import { AchievementAttachmentService } from './achievement-attachment.service';
import { AchievementController } from './achievement.controller';
import { AchievementRepository } from './achievement.repository';
import { CatalogAccessPolicy } from './catalog-access.policy';
import { CatalogService } from './catalog.service';
import { AchievementAttachment } from './entities/achievement-attachment.entity';
import { AchievementEvent } from './entities/achievement-event.entity';
import { AchievementInterest } from './entities/achievement-interest.entity';
import { Achievement } from './entities/achievement.entity';
import { GuideCatalog, GuideCatalogEntry } from './entities/guide-catalog.entity';
import { ImportJob } from './entities/import-job.entity';
import { TechnologyPackage } from './entities/technology-package.entity';
import { AchievementProjection } from './search/achievement.projection';
import { AchievementImportKind } from './import/achievement-import.kind';
import { ImportController } from './import/import.controller';
import { ImportJobs } from './import/import.jobs';
import { ImportRepository } from './import/import.repository';
import { ImportService } from './import/import.service';
import { CatalogSearchController, GuideCatalogController, PackageController } from './package.controller';
import { PackageRepository } from './package.repository';
import { PackageService } from './package.service';
import { CatalogSearchService } from './search/catalog-search.service';
import { PackageProjection } from './search/package.projection';
import { TaxonomyController } from './taxonomy.controller';
import { TaxonomyRepository } from './taxonomy.repository';
import { TaxonomyService } from './taxonomy.service';
import { CatalogMetrics } from './catalog.metrics';
import { CatalogPrivacy } from './catalog-privacy';

@Module({
  imports: [
    IdentityModule,
    TypeOrmModule.forFeature([Achievement, AchievementEvent, AchievementAttachment, AchievementInterest, TechnologyPackage, GuideCatalog, GuideCatalogEntry, ImportJob]),
  ],
  controllers: [AchievementController, AchievementAttachmentController, TaxonomyController, ImportController, PackageController, GuideCatalogController, CatalogSearchController],
  providers: [CatalogMetrics, CatalogPrivacy, AchievementRepository, CatalogAccessPolicy, CatalogService, AchievementAttachmentService, AchievementProjection, TaxonomyService, TaxonomyRepository, ImportRepository, ImportService, ImportJobs, AchievementImportKind, PackageRepository, PackageService, PackageProjection, CatalogSearchService],
  exports: [CatalogService, ImportService, CatalogSearchService],
})
export class CatalogModule implements OnModuleInit {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly achievements: AchievementProjection,
    private readonly packages: PackageProjection,
  ) {}

  onModuleInit(): void {
    this.indexer.register(this.achievements);
    this.indexer.register(this.packages);
  }
}
