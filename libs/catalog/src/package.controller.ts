import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor, Page, Public } from '@techbridge/platform';
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
  list(@CurrentActor() actor: Actor | null, @Query() q: PackageListQuery): Promise<Page<PackageResponse>> {
    return this.packages.list(actor, q);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: PackageResponse })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.packages.get(actor, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PackageResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePackageDto): Promise<PackageResponse> {
    return this.packages.update(actor, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PackageResponse> {
    return this.packages.transition(actor, id, 'publish');
  }

  @Post(':id/archive')
  @HttpCode(200)
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
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGuideCatalogDto): Promise<GuideCatalogResponse> {
    return this.packages.createCatalog(actor, dto);
  }

  @Get()
  @Public()
  list(@CurrentActor() actor: Actor | null, @Query() q: GuideCatalogListQuery): Promise<Page<GuideCatalogResponse>> {
    return this.packages.listCatalogs(actor, q);
  }

  @Get(':id')
  @Public()
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<GuideCatalogResponse> {
    return this.packages.getCatalog(actor, id);
  }

  @Put(':id/entries')
  @ApiOperation({ summary: 'Add (or re-note) a selected published achievement with a recommendation note' })
  putEntry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: GuideCatalogEntryDto): Promise<GuideCatalogResponse> {
    return this.packages.putEntry(actor, id, dto);
  }

  @Delete(':id/entries/:achievementId')
  removeEntry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('achievementId', ParseUUIDPipe) achievementId: string): Promise<GuideCatalogResponse> {
    return this.packages.removeEntry(actor, id, achievementId);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<GuideCatalogResponse> {
    return this.packages.publishCatalog(actor, id);
  }

  @Get(':id/export')
  @Public()
  @ApiOperation({ summary: '导出 CSV / XLSX' })
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
  packages(@Query() q: SearchPackagesQuery): Promise<PackageSearchResponse> {
    return this.search.searchPackages(q);
  }
}
