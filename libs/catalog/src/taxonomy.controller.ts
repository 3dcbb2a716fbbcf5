import { Body, Controller, Get, Injectable, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString } from 'class-validator';
import { IdentityService } from '@techbridge/identity';
import { Actor, CurrentActor, DomainError, INDUSTRY_CODES, Public, Role, Roles, TransactionRunner } from '@techbridge/platform';
import { AchievementRepository } from './achievement.repository';

export class NamedResponse {
  @ApiProperty() code!: string;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}
export class IndustryResponse extends NamedResponse {
  @ApiProperty({ type: [NamedResponse] }) fields!: NamedResponse[];
}
export class ParkResponse extends NamedResponse {
  @ApiProperty() city!: string;
  @ApiProperty({ type: [String] }) keyIndustries!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

/** A platform administrator's edit of a park's key industries (the seed file is only the starting configuration). */
export class UpdateParkKeyIndustriesDto {
  @ApiProperty({ type: [String], enum: INDUSTRY_CODES, description: '重点产业代码（可为空） / industry codes, may be empty' })
  @IsArray()
  @ArrayMaxSize(INDUSTRY_CODES.length)
  @ArrayUnique()
  @IsString({ each: true })
  @IsIn(INDUSTRY_CODES, { each: true, message: 'keyIndustries must contain only industry codes from the taxonomy' })
  keyIndustries!: string[];
}
export class TrlLevelResponse {
  @ApiProperty() level!: number;
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
  @ApiProperty() stage!: string;
}
export class ContractTypeResponse extends NamedResponse {
  @ApiProperty() category!: string;
  @ApiProperty() registrant!: string;
}
export class TaxonomyResponse {
  @ApiProperty({ type: [IndustryResponse] }) industries!: IndustryResponse[];
  @ApiProperty({ type: [ParkResponse] }) parks!: ParkResponse[];
  @ApiProperty({ type: [TrlLevelResponse] }) trlLevels!: TrlLevelResponse[];
  @ApiProperty({ type: [NamedResponse] }) stages!: NamedResponse[];
  @ApiProperty({ type: [NamedResponse] }) transferModes!: NamedResponse[];
  @ApiProperty({ type: [NamedResponse] }) cooperationModes!: NamedResponse[];
  @ApiProperty({ type: [NamedResponse] }) pricingMethods!: NamedResponse[];
  @ApiProperty({ type: [ContractTypeResponse] }) contractTypes!: ContractTypeResponse[];
}

const STAGES: NamedResponse[] = [
  { code: 'lab', zh: '实验室阶段', en: 'Laboratory' },
  { code: 'bench', zh: '小试阶段', en: 'Bench scale' },
  { code: 'pilot', zh: '中试阶段', en: 'Pilot scale' },
  { code: 'industrial', zh: '产业化阶段', en: 'Industrialisation' },
];

/** Reads the ref_* tables (the editable copy: a park's key industries may have been changed by an administrator). */
@Injectable()
export class TaxonomyService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: AchievementRepository,
    private readonly identity: IdentityService,
  ) {}

  /** Park-priority matching, park-scoped search and park reviewers all read ref_park per request, so an edit applies at once. */
  async updateParkKeyIndustries(actor: Actor, parkCode: string, dto: UpdateParkKeyIndustriesDto): Promise<ParkResponse> {
    // Keep the taxonomy's order so lists read the same everywhere.
    const industries = INDUSTRY_CODES.filter((c) => dto.keyIndustries.includes(c));
    await this.tx.run(async (m) => {
      const before = await this.repo.replaceParkKeyIndustries(m, parkCode, industries);
      if (before === null) throw DomainError.notFound({ code: 'PARK_NOT_FOUND', zh: '园区不存在', en: 'Park not found' });
      await this.identity.audit(m, actor, { action: 'update-park-key-industries', entityType: 'park', entityId: parkCode, changes: { before, after: industries } });
    });
    const park = (await this.taxonomy()).parks.find((p) => p.code === parkCode);
    if (!park) throw DomainError.notFound({ code: 'PARK_NOT_FOUND', zh: '园区不存在', en: 'Park not found' });
    return park;
  }

  async taxonomy(): Promise<TaxonomyResponse> {
    const m = this.tx.manager;
    const [industries, fields, parks, trl, modes, contractTypes] = await Promise.all([
      m.query(`SELECT code, zh, en FROM ref_industry ORDER BY position`),
      m.query(`SELECT code, industry_code, zh, en FROM ref_field ORDER BY position`),
      m.query(`SELECT code, zh, en, city, key_industries, updated_at FROM ref_park ORDER BY position`),
      m.query(`SELECT level, zh, en, stage FROM ref_trl ORDER BY level`),
      m.query(`SELECT code, kind, zh, en FROM ref_transfer_mode ORDER BY position`),
      m.query(`SELECT code, category, zh, en, registrant FROM ref_contract_type ORDER BY position`),
    ]);
    type Row = Record<string, string> & { key_industries?: string[]; level?: number; updated_at?: Date };
    const named = (r: Row): NamedResponse => ({ code: r.code, zh: r.zh, en: r.en });
    return {
      industries: (industries as Row[]).map((i) => ({ ...named(i), fields: (fields as Row[]).filter((f) => f.industry_code === i.code).map(named) })),
      parks: (parks as Row[]).map((p) => ({ ...named(p), city: p.city, keyIndustries: p.key_industries ?? [], updatedAt: (p.updated_at ?? new Date(0)).toISOString() })),
      trlLevels: (trl as Array<{ level: number; zh: string; en: string; stage: string }>).map((l) => ({ level: l.level, zh: l.zh, en: l.en, stage: l.stage })),
      stages: STAGES,
      transferModes: (modes as Row[]).filter((x) => x.kind === 'transfer').map(named),
      cooperationModes: (modes as Row[]).filter((x) => x.kind === 'transfer' || x.kind === 'cooperation').map(named),
      pricingMethods: (modes as Row[]).filter((x) => x.kind === 'pricing').map(named),
      contractTypes: (contractTypes as Row[]).map((c) => ({ ...named(c), category: c.category, registrant: c.registrant })),
    };
  }
}

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
  async industries(): Promise<IndustryResponse[]> {
    return (await this.taxonomy.taxonomy()).industries;
  }

  @Get('parks')
  @Public()
  @ApiOkResponse({ type: [ParkResponse] })
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
