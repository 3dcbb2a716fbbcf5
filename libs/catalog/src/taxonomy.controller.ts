import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public, TransactionRunner } from '@techbridge/platform';

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
  constructor(private readonly tx: TransactionRunner) {}

  async taxonomy(): Promise<TaxonomyResponse> {
    const m = this.tx.manager;
    const [industries, fields, parks, trl, modes, contractTypes] = await Promise.all([
      m.query(`SELECT code, zh, en FROM ref_industry ORDER BY position`),
      m.query(`SELECT code, industry_code, zh, en FROM ref_field ORDER BY position`),
      m.query(`SELECT code, zh, en, city, key_industries FROM ref_park ORDER BY position`),
      m.query(`SELECT level, zh, en, stage FROM ref_trl ORDER BY level`),
      m.query(`SELECT code, kind, zh, en FROM ref_transfer_mode ORDER BY position`),
      m.query(`SELECT code, category, zh, en, registrant FROM ref_contract_type ORDER BY position`),
    ]);
    type Row = Record<string, string> & { key_industries?: string[]; level?: number };
    const named = (r: Row): NamedResponse => ({ code: r.code, zh: r.zh, en: r.en });
    return {
      industries: (industries as Row[]).map((i) => ({ ...named(i), fields: (fields as Row[]).filter((f) => f.industry_code === i.code).map(named) })),
      parks: (parks as Row[]).map((p) => ({ ...named(p), city: p.city, keyIndustries: p.key_industries ?? [] })),
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
}
