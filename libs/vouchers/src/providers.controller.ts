import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PageQuery, Public, Role, Roles } from '@techbridge/platform';
import {
  BlacklistDto, ProviderPageResponse, ProviderResponse, ProviderSearchQuery, RecordRelationDto, RegisterProviderDto, RelationPageResponse, RelationResponse,
} from './dto/provider.dto';
import { ProviderDirectoryService } from './provider-directory.service';

@ApiTags('vouchers')
@ApiBearerAuth()
@Controller('service-providers')
export class ProvidersController {
  constructor(private readonly directory: ProviderDirectoryService) {}

  @Post()
  @ApiOperation({ summary: 'Register my organisation as a service provider (Hebei, Beijing or Tianjin)' })
  @ApiCreatedResponse({ type: ProviderResponse })
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterProviderDto): Promise<ProviderResponse> {
    return this.directory.register(actor, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Search the service-provider directory by category, park and voucher acceptance (public; best rated first)' })
  @ApiOkResponse({ type: ProviderPageResponse })
  search(@Query() q: ProviderSearchQuery) {
    return this.directory.search(q);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A service provider with its rating (public)' })
  @ApiOkResponse({ type: ProviderResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ProviderResponse> {
    return this.directory.get(id);
  }

  @Post(':id/blacklist')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Blacklist a provider (platform administrators)' })
  @ApiOkResponse({ type: ProviderResponse })
  blacklist(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BlacklistDto): Promise<ProviderResponse> {
    return this.directory.blacklist(actor, id, dto);
  }

  @Post(':id/blacklist-lifting')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a provider blacklisting, with a reason (programme administrators: platform staff, verified park administrations); 409 when not blacklisted' })
  @ApiOkResponse({ type: ProviderResponse })
  liftBlacklist(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BlacklistDto): Promise<ProviderResponse> {
    return this.directory.liftBlacklist(actor, id, dto);
  }
}

@ApiTags('vouchers')
@ApiBearerAuth()
@Controller('voucher-party-relations')
export class PartyRelationsController {
  constructor(private readonly directory: ProviderDirectoryService) {}

  @Post()
  @ApiOperation({ summary: 'Record that one organisation is a shareholder of another (platform or verified park administration)' })
  @ApiCreatedResponse({ type: RelationResponse })
  record(@CurrentActor() actor: Actor, @Body() dto: RecordRelationDto): Promise<RelationResponse> {
    return this.directory.recordRelation(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Recorded shareholder relations (platform or verified park administration)' })
  @ApiOkResponse({ type: RelationPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.directory.listRelations(actor, q);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a recorded shareholder relation (programme administrators; audited); the deleted relation is returned' })
  @ApiOkResponse({ type: RelationResponse })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RelationResponse> {
    return this.directory.deleteRelation(actor, id);
  }
}
