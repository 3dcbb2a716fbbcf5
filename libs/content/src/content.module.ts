import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@techbridge/identity';
import { ArticleAttachmentService } from './article-attachment.service';
import { ContentAccessPolicy } from './content-access.policy';
import { ContentController } from './content.controller';
import { ContentProjection } from './content.projection';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';
import { ArticleAttachment } from './entities/article-attachment.entity';
import { Article } from './entities/article.entity';

/** Policies and news (政策资讯): policy texts, interpretations, announcements and success stories. */
@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([Article, ArticleAttachment])],
  controllers: [ContentController],
  providers: [ContentRepository, ContentAccessPolicy, ContentService, ArticleAttachmentService, ContentProjection],
  exports: [ContentService],
})
export class ContentModule {}
