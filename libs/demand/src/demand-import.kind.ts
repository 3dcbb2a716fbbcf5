import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ImportBatchItem, ImportBatchResult, ImportContext, ImportKind, ImportService } from '@techbridge/catalog';
import { IdentityService, OrganisationResponse } from '@techbridge/identity';
import { DomainError, OrgType } from '@techbridge/platform';
import { demandFromRow, regionOfCreditCode, validateDemandRecord } from './demand-import.record';
import { DemandImportRecord, DemandService } from './demand.service';

type Failure = { field: string; message: string };

/** The `demands` kind of the catalog's generic import framework: same endpoint, status resource and per-line errors. */
@Injectable()
export class DemandImportKind implements ImportKind<DemandImportRecord>, OnModuleInit {
  readonly kind = 'demands';

  constructor(
    private readonly imports: ImportService,
    private readonly demands: DemandService,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.imports.registerKind(this);
  }

  validate(raw: unknown) {
    const r = validateDemandRecord(raw);
    if ('errors' in r) return r;
    return { record: r.record, key: `${r.record.source ?? 'manual'}\u0000${r.record.externalId}` };
  }

  fromRow(row: Record<string, string>): unknown {
    return demandFromRow(row);
  }

  async upsertBatch(m: EntityManager, items: Array<ImportBatchItem<DemandImportRecord>>, ctx: ImportContext): Promise<ImportBatchResult> {
    let created = 0;
    let updated = 0;
    const failures: NonNullable<ImportBatchResult['failures']> = [];
    for (const [index, { record }] of items.entries()) {
      const enterprise = await this.enterpriseOf(m, record, ctx);
      if ('field' in enterprise) {
        failures.push({ index, ...enterprise });
        continue;
      }
      try {
        const r = await this.demands.upsertImported(m, record, {
          id: enterprise.id, name: enterprise.name, creditCode: enterprise.creditCode ?? null, region: enterprise.region ?? 'other', parkCode: enterprise.parkCode ?? null,
        }, { userId: ctx.importer.userId, publish: ctx.publish });
        if (r.created) created++;
        else updated++;
      } catch (err) {
        // Rule checks (past deadline, a demand in negotiation, a taken externalId) run before any write of the line.
        if (!(err instanceof DomainError)) throw err;
        failures.push({ index, field: err.details[0]?.field ?? '', message: err.text.en + (err.extra.currentState ? ` (state ${String(err.extra.currentState)})` : '') });
      }
    }
    return { created, updated, failures };
  }

  /**
   * Platform administrators import for any enterprise: resolved by credit code, then name (created unclaimed if new).
   * Anyone else imports only their own enterprise's demands.
   */
  private async enterpriseOf(m: EntityManager, r: DemandImportRecord, ctx: ImportContext): Promise<OrganisationResponse | Failure> {
    if (!ctx.importer.isPlatformAdmin) {
      const own = await this.cached(ctx, `self:${ctx.importer.orgId}`, () => this.identity.findOrganisation(ctx.importer.orgId, m));
      if (!own || own.type !== OrgType.Enterprise) return { field: 'enterprise', message: 'only enterprises import demands' };
      const sameCode = r.enterprise.creditCode ? r.enterprise.creditCode === own.creditCode : r.enterprise.name.trim() === own.name;
      if (!sameCode) return { field: r.enterprise.creditCode ? 'enterprise.creditCode' : 'enterprise.name', message: "you may only import your own enterprise's demands" };
      return own;
    }
    const key = `ent:${r.enterprise.creditCode ?? ''}\u0000${r.enterprise.name.trim()}`;
    const org = await this.cached(ctx, key, async () =>
      (await this.identity.resolveOrganisation(m, { name: r.enterprise.name, type: OrgType.Enterprise, creditCode: r.enterprise.creditCode ?? null, region: regionOfCreditCode(r.enterprise.creditCode) })).organisation,
    );
    if (org.type !== OrgType.Enterprise) return { field: 'enterprise.creditCode', message: `the credit code belongs to a ${org.type}, not an enterprise` };
    return org;
  }

  private async cached<T>(ctx: ImportContext, key: string, load: () => Promise<T>): Promise<T> {
    if (ctx.cache.has(key)) return ctx.cache.get(key) as T;
    const v = await load();
    ctx.cache.set(key, v);
    return v;
  }
}
