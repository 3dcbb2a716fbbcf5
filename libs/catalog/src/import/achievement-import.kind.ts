import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { JobName, OrgType, OutboxService, trlStage } from '@techbridge/platform';
import { AchievementRepository, ImportedAchievementRow } from '../achievement.repository';
import { ACHIEVEMENTS_INDEX, PACKAGES_INDEX } from '../catalog-indexes';
import { listingQualityWarnings } from '../listing-quality';
import { PackageRepository } from '../package.repository';
import { AchievementImportRecord, achievementFromRow, validateAchievementRecord } from './achievement-record';
import { ImportBatchItem, ImportBatchResult, ImportContext, ImportKind } from './import-kind';
import { ImportService } from './import.service';

/** Identity has no organisation kind for individuals: they are held as unclaimed enterprise-type records, the achievement keeps the declared type. */
const ORG_TYPE_OF_OWNER: Record<AchievementImportRecord['owner']['type'], OrgType> = {
  university: OrgType.University,
  institute: OrgType.Institute,
  enterprise: OrgType.Enterprise,
  individual: OrgType.Enterprise,
  other: OrgType.Enterprise,
};

/** The `achievements` kind of the import framework. */
@Injectable()
export class AchievementImportKind implements ImportKind<AchievementImportRecord>, OnModuleInit {
  readonly kind = 'achievements';

  constructor(
    private readonly imports: ImportService,
    private readonly repo: AchievementRepository,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly packages: PackageRepository,
  ) {}

  onModuleInit(): void {
    this.imports.registerKind(this);
  }

  validate(raw: unknown) {
    const r = validateAchievementRecord(raw);
    if ('errors' in r) return r;
    return { record: r.record, key: `${r.record.source ?? 'manual'}\u0000${r.record.externalId}` };
  }

  fromRow(row: Record<string, string>): unknown {
    return achievementFromRow(row);
  }

  private async ownerId(m: EntityManager, rec: AchievementImportRecord, ctx: ImportContext): Promise<string | { field: string; message: string }> {
    if (!ctx.importer.isPlatformAdmin) {
      // Organisations import their own achievements; registries feeding others' records go through a platform administrator.
      const key = `self:${ctx.importer.orgId}`;
      let name = ctx.cache.get(key) as string | undefined;
      if (name === undefined) {
        name = (await this.identity.findOrganisation(ctx.importer.orgId, m))?.name ?? '';
        ctx.cache.set(key, name);
      }
      if (rec.owner.name.trim() !== name) return { field: 'owner.name', message: 'you may only import achievements owned by your own organisation' };
      return ctx.importer.orgId;
    }
    const type = ORG_TYPE_OF_OWNER[rec.owner.type];
    const key = `owner:${rec.owner.name.trim()}\u0000${type}`;
    const cached = ctx.cache.get(key) as string | undefined;
    if (cached) return cached;
    const { organisation } = await this.identity.resolveOrganisation(m, { name: rec.owner.name, type, region: rec.owner.region });
    ctx.cache.set(key, organisation.id);
    return organisation.id;
  }

  /** Published records get their matches from one batch job, not one job per line (a 100,000-line import would flood the queue). */
  async finished(m: EntityManager, ctx: ImportContext, stored: number): Promise<void> {
    if (!ctx.publish || stored === 0) return;
    await this.outbox.enqueue(m, JobName.ComputeMatchesForImport, { importJobId: ctx.importJobId }, { jobId: `import:${ctx.importJobId}:matches` });
  }

  async upsertBatch(m: EntityManager, items: Array<ImportBatchItem<AchievementImportRecord>>, ctx: ImportContext): Promise<ImportBatchResult> {
    const rows: ImportedAchievementRow[] = [];
    const failures: NonNullable<ImportBatchResult['failures']> = [];
    const status = ctx.publish ? 'published' : 'submitted';
    for (const [index, { record: r }] of items.entries()) {
      const owner = await this.ownerId(m, r, ctx);
      if (typeof owner !== 'string') {
        failures.push({ index, ...owner });
        continue;
      }
      rows.push({
        source: r.source ?? 'manual',
        external_id: r.externalId,
        owner_id: owner,
        owner_type: r.owner.type,
        title: r.title.trim(),
        summary: r.summary.trim(),
        keywords: r.keywords ?? [],
        industry: r.industry,
        field: r.field ?? null,
        trl: r.trl,
        stage: trlStage(r.trl) ?? 'lab',
        transfer_modes: r.transferModes ?? [],
        asking_price: r.askingPrice ?? null,
        patents: r.patents ?? [],
        funding_source: r.fundingSource ?? null,
        award: r.award ?? null,
        contact: r.contact ?? null,
        status,
        quality_warnings: listingQualityWarnings({ summary: r.summary, patents: r.patents ?? [] }),
        created_by: ctx.importer.userId,
      });
    }
    const stored = await this.repo.upsertImported(m, rows);
    const ids = stored.map((s) => s.id);
    await this.repo.insertImportEvents(m, ids, status, ctx.importer.userId, ctx.importJobId);
    await this.outbox.indexChanged(m, ACHIEVEMENTS_INDEX, ids);
    // Re-imported members change the packages that list them (titles, figures): new version, re-projected.
    await this.outbox.indexChanged(m, PACKAGES_INDEX, await this.packages.touchPublishedContaining(m, ids));
    const created = stored.filter((s) => s.inserted).length;
    return { created, updated: stored.length - created, failures };
  }
}
