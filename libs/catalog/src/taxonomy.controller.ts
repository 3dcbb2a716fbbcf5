import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Public, Role, Roles } from '@techbridge/platform';
import { IndustryResponse, ParkResponse, TaxonomyResponse, UpdateParkKeyIndustriesDto } from './dto/taxonomy.dto';
import { TaxonomyService } from './taxonomy.service';

@ApiTags('taxonomy')
@Controller('taxonomy')
export class TaxonomyController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '产业、子领域、园区、技术成熟度、转化方式、合同类型（中英文） / Industries, fields, parks, TRL, transfer modes, contract types (zh+en)' })
  @ApiOkResponse({ type: TaxonomyResponse })
  all(): Promise<TaxonomyResponse> {
    return this.taxonomy.taxonomy();
  }

  @Get('industries')
  @Public()
  @ApiOkResponse({ type: [IndustryResponse] })
  @ApiOperation({ summary: '产业目录 / The industries with their fields (zh+en)' })
  async industries(): Promise<IndustryResponse[]> {
    return (await this.taxonomy.taxonomy()).industries;
  }

  @Get('parks')
  @Public()
  @ApiOkResponse({ type: [ParkResponse] })
  @ApiOperation({ summary: '园区目录 / The eleven parks of the zone with their key industries' })
  async parks(): Promise<ParkResponse[]> {
    return (await this.taxonomy.taxonomy()).parks;
  }

  @Patch('parks/:code')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '修改园区重点产业（平台管理员，留痕） / Edit a park\'s key industries (platform administrators, audited)' })
  @ApiOkResponse({ type: ParkResponse })
  updatePark(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateParkKeyIndustriesDto): Promise<ParkResponse> {
    return this.taxonomy.updateParkKeyIndustries(actor, code, dto);
  }
}
