import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Public, receiveFile, Role, Roles } from '@techbridge/platform';
import { ArticleAttachmentService } from './article-attachment.service';
import { ContentService } from './content.service';
import {
  ArticleAttachmentResponse, ArticleListQuery, ArticlePageResponse, ArticleResponse, ArticleTransitionDto, CreateArticleDto, ManagedArticleListQuery,
  UpdateArticleDto,
} from './dto/content.dto';

/** RFC 6266 / 5987, so browsers keep Chinese file names. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('content')
@ApiBearerAuth()
@Controller('content')
export class ContentController {
  constructor(
    private readonly content: ContentService,
    private readonly attachments: ArticleAttachmentService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '政策资讯列表 / Published policies, interpretations, announcements and success stories (by kind; searchable with q)' })
  @ApiOkResponse({ type: ArticlePageResponse })
  list(@Query() q: ArticleListQuery) {
    return this.content.listPublished(q);
  }

  @Get('manage')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Every article in any state, for the editors (platform administrators)' })
  @ApiOkResponse({ type: ArticlePageResponse })
  listManaged(@Query() q: ManagedArticleListQuery) {
    return this.content.listManaged(q);
  }

  @Post()
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Write an article as a draft (platform administrators; rich text is sanitised)' })
  @ApiCreatedResponse({ type: ArticleResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateArticleDto): Promise<ArticleResponse> {
    return this.content.create(actor, dto);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An article: published ones for everyone, drafts and archived ones for administrators' })
  @ApiOkResponse({ type: ArticleResponse })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<ArticleResponse> {
    return this.content.get(actor, id);
  }

  @Patch(':id')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Edit a draft or published article (archived ones are restored first)' })
  @ApiOkResponse({ type: ArticleResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateArticleDto): Promise<ArticleResponse> {
    return this.content.update(actor, id, dto);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Publish, archive or restore an article (draft → published → archived → draft)' })
  @ApiOkResponse({ type: ArticleResponse })
  transition(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ArticleTransitionDto): Promise<ArticleResponse> {
    return this.content.transition(actor, id, dto.action);
  }

  @Post(':id/attachments')
  @Roles(Role.PlatformAdmin)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Attach a PDF, PNG or JPEG (≤ 20 MB; type decided from the content)' })
  @ApiCreatedResponse({ type: ArticleAttachmentResponse })
  async upload(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<ArticleAttachmentResponse> {
    const file = await receiveFile(req);
    return this.attachments.upload(actor, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  @Public()
  @ApiOperation({ summary: 'Download an attachment of an article you may read' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentActor() actor: Actor | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.attachments.download(actor, id, attachmentId);
    reply.header('content-type', file.contentType);
    reply.header('content-length', String(file.size));
    reply.header('content-disposition', contentDisposition(file.filename));
    return new StreamableFile(file.stream);
  }

  @Delete(':id/attachments/:attachmentId')
  @HttpCode(204)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Remove an attachment' })
  @ApiNoContentResponse()
  async removeAttachment(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string): Promise<void> {
    await this.attachments.remove(actor, id, attachmentId);
  }
}
