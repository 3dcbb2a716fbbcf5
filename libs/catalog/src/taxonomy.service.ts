import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, DomainError, INDUSTRY_CODES, TransactionRunner, TRL_STAGES, ZONE_CITIES } from '@techbridge/platform';
import { NamedResponse, ParkResponse, TaxonomyResponse, UpdateParkKeyIndustriesDto } from './dto/taxonomy.dto';
import { TaxonomyRepository } from './taxonomy.repository';

/** Reads the ref_* tables (the editable copy: a park's key industries may have been changed by an administrator). */
@Injectable()
export class TaxonomyService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: TaxonomyRepository,
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
    const { industries, fields, parks, trl, modes, contractTypes } = await this.repo.readAll(this.tx.manager);
    const named = (r: { code: string; zh: string; en: string }): NamedResponse => ({ code: r.code, zh: r.zh, en: r.en });
    return {
      industries: industries.map((i) => ({ ...named(i), fields: fields.filter((f) => f.industry_code === i.code).map(named) })),
      parks: parks.map((p) => ({ ...named(p), city: p.city, keyIndustries: p.key_industries ?? [], updatedAt: (p.updated_at ?? new Date(0)).toISOString() })),
      cities: ZONE_CITIES.map(named),
      trlLevels: trl.map((l) => ({ level: l.level, zh: l.zh, en: l.en, stage: l.stage })),
      stages: TRL_STAGES.map(named),
      transferModes: modes.filter((x) => x.kind === 'transfer').map(named),
      cooperationModes: modes.filter((x) => x.kind === 'transfer' || x.kind === 'cooperation').map(named),
      pricingMethods: modes.filter((x) => x.kind === 'pricing').map(named),
      contractTypes: contractTypes.map((c) => ({ ...named(c), category: c.category, registrant: c.registrant })),
    };
  }
}
