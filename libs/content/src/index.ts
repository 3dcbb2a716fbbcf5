export * from './content.module';
export { ContentService } from './content.service';
export { ArticleResponse, ArticleSummaryResponse, ArticleAttachmentResponse, ArticlePageResponse } from './dto/content.dto';
