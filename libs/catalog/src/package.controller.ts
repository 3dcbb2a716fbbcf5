import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, ApiFileResponse, CurrentActor, Page, PageResponseOf, Public } from '@techbridge/platform';
import {
  AchievementSearchResponse, PackageSearchResponse, SearchAchievementsQuery, SearchPackagesQuery,
} from './dto/search.dto';
import {
  CreateGuideCatalogDto, CreatePackageDto, ExportQuery, GuideCatalogEntryDto, GuideCatalogListQuery, GuideCatalogResponse, PackageListQuery,
  PackageResponse, UpdatePackageDto,
} from './dto/package.dto';
import { PackageService } from './package.service';
import { CatalogSearchService } from './search/catalog-search.service';

@ApiTags('packages')
@ApiBearerAuth()
@Controller('packages')
export class PackageController {
  constructor(private readonly packages: PackageService) {}

  @Post()
  @ApiOperation({ summary: '策划技术包 / Curate a technology package (brokers, transfer institutions)' })
  @ApiOkResponse({ type: PackageResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePackageDto): Promise<PackageResponse> {
    return this.packages.create(actor, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: '技术包列表 / List technology packages (published for everyone; the curator also sees its drafts)' })
  @ApiOkResponse({ type: PageResponseOf(PackageResponse) })
  list(@CurrentActor() actor: Actor | null, @Query() q: PackageListQuery): Promise<Page<PackageResponse>> {
    return this.packages.list(actor, q);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: PackageResponse })
  @ApiOperation({ summary: '技术包详情 / One technology package with its achievements' })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.packages.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PackageResponse })
  @ApiOperation({ summary: '修改技术包 / Edit a technology package (its curator)' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePackageDto): Promise<PackageResponse> {
    return this.packages.update(actor, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布技术包 / Publish a technology package (its curator)' })
  @ApiOkResponse({ type: PackageResponse })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.packages.transition(actor, id, 'publish');
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: '下架技术包 / Archive a technology package (its curator)' })
  @ApiOkResponse({ type: PackageResponse })
  archive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.packages.transition(actor, id, 'archive');
  }
}

@ApiTags('guide-catalogs')
@ApiBearerAuth()
@Controller('guide-catalogs')
export class GuideCatalogController {
  constructor(private readonly packages: PackageService) {}

  @Post()
  @ApiOperation({ summary: '新建年度产业指导目录 / Create a guide catalog for a year and industry (platform staff)' })
  @ApiCreatedResponse({ type: GuideCatalogResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGuideCatalogDto): Promise<GuideCatalogResponse> {
    return this.packages.createCatalog(actor, dto);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: '产业指导目录列表 / List guide catalogs (published for everyone; drafts for platform staff)' })
  @ApiOkResponse({ type: PageResponseOf(GuideCatalogResponse) })
  list(@CurrentActor() actor: Actor | null, @Query() q: GuideCatalogListQuery): Promise<Page<GuideCatalogResponse>> {
    return this.packages.listCatalogs(actor, q);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: '产业指导目录详情 / One guide catalog with its recommended achievements' })
  @ApiOkResponse({ type: GuideCatalogResponse })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<GuideCatalogResponse> {
    return this.packages.getCatalog(actor, id);
  }

  @Put(':id/entries')
  @ApiOperation({ summary: 'Add (or re-note) a selected published achievement with a recommendation note' })
  @ApiOkResponse({ type: GuideCatalogResponse })
  putEntry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: GuideCatalogEntryDto): Promise<GuideCatalogResponse> {
    return this.packages.putEntry(actor, id, dto);
  }

  @Delete(':id/entries/:achievementId')
  @ApiOperation({ summary: '移出目录 / Remove an achievement from a guide catalog' })
  @ApiOkResponse({ type: GuideCatalogResponse })
  removeEntry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('achievementId', ParseUUIDPipe) achievementId: string): Promise<GuideCatalogResponse> {
    return this.packages.removeEntry(actor, id, achievementId);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布产业指导目录 / Publish a guide catalog (platform staff)' })
  @ApiOkResponse({ type: GuideCatalogResponse })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<GuideCatalogResponse> {
    return this.packages.publishCatalog(actor, id);
  }

  @Get(':id/export')
  @Public()
  @ApiOperation({ summary: '导出 CSV / XLSX' })
  @ApiFileResponse('The guide catalog as CSV or XLSX', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string, @Query() q: ExportQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.packages.exportCatalog(actor, id, q.format ?? 'xlsx');
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    return new StreamableFile(file.content);
  }
}

@ApiTags('search')
@Controller('search')
export class CatalogSearchController {
  constructor(private readonly search: CatalogSearchService) {}

  @Get('achievements')
  @Public()
  @ApiOperation({ summary: '成果检索 / Search published achievements with facets and highlights' })
  @ApiOkResponse({ type: AchievementSearchResponse })
  achievements(@Query() q: SearchAchievementsQuery): Promise<AchievementSearchResponse> {
    return this.search.searchAchievements(q);
  }

  @Get('packages')
  @Public()
  @ApiOkResponse({ type: PackageSearchResponse })
  @ApiOperation({ summary: '技术包检索 / Search published technology packages' })
  packages(@Query() q: SearchPackagesQuery): Promise<PackageSearchResponse> {
    return this.search.searchPackages(q);
  }
}
