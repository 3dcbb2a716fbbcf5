import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ApiFileResponse, CurrentActor, Public, receiveFile, Role, Roles } from '@techbridge/platform';
import { AchievementAttachmentService } from './achievement-attachment.service';
import { contentDisposition } from './attachment-content';
import { AchievementAttachmentResponse } from './dto/achievement-attachment.dto';

@ApiTags('achievements')
@ApiBearerAuth()
@Controller('achievements/:id/attachments')
export class AchievementAttachmentController {
  constructor(private readonly attachments: AchievementAttachmentService) {}

  @Post()
  @Roles(Role.Member, Role.OrgAdmin)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传附件 / Attach a PDF, PNG, JPEG or WebP (≤ 20 MB; type decided from the content) — owner organisation' })
  @ApiCreatedResponse({ type: AchievementAttachmentResponse })
  async upload(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<AchievementAttachmentResponse> {
    // A refusal before the body is read is answered at once; the global filter closes the connection behind it.
    const file = await receiveFile(req);
    return this.attachments.upload(actor, id, file);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: '附件列表 / Attachments of an achievement you may read' })
  @ApiOkResponse({ type: [AchievementAttachmentResponse] })
  list(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<AchievementAttachmentResponse[]> {
    return this.attachments.list(actor, id);
  }

  @Get(':attachmentId')
  @Public()
  @ApiOperation({ summary: '下载附件 / Download (streams the file with its content type and UTF-8 file name)' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg', 'image/webp')
  @ApiFileResponse('The attachment file', 'application/pdf', 'image/png', 'image/jpeg', 'image/webp')
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
    // Unpublished achievements' files are private; never let a shared cache keep them.
    reply.header('cache-control', 'private, no-cache');
    return new StreamableFile(file.stream);
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: '删除附件 / Remove an attachment (owner organisation)' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string): Promise<void> {
    await this.attachments.remove(actor, id, attachmentId);
  }
}
