import { Injectable } from '@nestjs/common';
import * as ExcelJS from 'exceljs';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import {
  Actor, actsAs, Clock, DomainError, hasRole, industryOf, isPlatformStaff, OrgType, OutboxService, Page, pageOf, Role, skipTake, TransactionRunner,
} from '@techbridge/platform';
import { AchievementRepository } from './achievement.repository';
import { CatalogErrors } from './catalog.exception';
import {
  CreateGuideCatalogDto, CreatePackageDto, GuideCatalogEntryDto, GuideCatalogListQuery, GuideCatalogResponse, PackageListQuery, PackageResponse,
  UpdatePackageDto,
} from './dto/package.dto';
import { Achievement } from './entities/achievement.entity';
import { GuideCatalog } from './entities/guide-catalog.entity';
import { PackageStatus, TechnologyPackage } from './entities/technology-package.entity';
import { packageFigures } from './package-figures';
import { PackageRepository } from './package.repository';
import { PACKAGES_INDEX } from './catalog-indexes';

const PACKAGE_TRANSITIONS: Record<'publish' | 'archive', { from: PackageStatus[]; to: PackageStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  archive: { from: ['published'], to: 'archived' },
};

/** Technology packages (curated bundles) and the yearly guide catalog. */
@Injectable()
export class PackageService {
  constructor(
    private readonly repo: PackageRepository,
    private readonly achievements: AchievementRepository,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Brokers and members of verified transfer institutions curate packages. */
  private canCurate(actor: Actor): boolean {
    return hasRole(actor, Role.Broker, Role.PlatformAdmin) || actsAs(actor, OrgType.TransferInstitution);
  }

  private async published(m: EntityManager, ids: string[]): Promise<void> {
    const found = new Set((await this.achievements.findPublishedByIds(m, ids)).map((a) => a.id));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0) throw CatalogErrors.notPublished(`achievementIds[${missing}]`, ids[missing]);
  }

  private async loadOwn(m: EntityManager, actor: Actor, id: string): Promise<TechnologyPackage> {
    const p = await this.repo.find(m, id, true);
    if (!p || (p.curatorOrgId !== actor.orgId && !hasRole(actor, Role.PlatformAdmin))) throw CatalogErrors.packageNotFound();
    return p;
  }

  async create(actor: Actor, dto: CreatePackageDto): Promise<PackageResponse> {
    if (!this.canCurate(actor)) throw CatalogErrors.notCurator();
    const saved = await this.tx.run(async (m) => {
      const ids = dto.achievementIds ?? [];
      await this.published(m, ids);
      return this.repo.save(m, {
        curatorId: actor.userId, curatorOrgId: actor.orgId, title: dto.title.trim(), theme: dto.theme.trim(), industry: dto.industry,
        description: dto.description ?? '', achievementIds: ids, targetParks: dto.targetParks ?? [], status: 'draft',
      });
    });
    return this.map(saved);
  }

  async update(actor: Actor, id: string, dto: UpdatePackageDto): Promise<PackageResponse> {
    const saved = await this.tx.run(async (m) => {
      const p = await this.loadOwn(m, actor, id);
      if (p.status === 'archived') throw CatalogErrors.notEditable(p.status);
      if (dto.achievementIds) {
        // Items already in the package may stay even if withdrawn since; new ones must be published.
        await this.published(m, dto.achievementIds.filter((a) => !p.achievementIds.includes(a)));
        p.achievementIds = dto.achievementIds;
      }
      if (dto.title !== undefined) p.title = dto.title.trim();
      if (dto.theme !== undefined) p.theme = dto.theme.trim();
      if (dto.industry !== undefined) p.industry = dto.industry;
      if (dto.description !== undefined) p.description = dto.description;
      if (dto.targetParks !== undefined) p.targetParks = dto.targetParks;
      const out = await this.repo.save(m, p);
      if (p.status === 'published') await this.outbox.indexChanged(m, PACKAGES_INDEX, p.id);
      return out;
    });
    return this.map(saved);
  }

  async transition(actor: Actor, id: string, action: 'publish' | 'archive'): Promise<PackageResponse> {
    const saved = await this.tx.run(async (m) => {
      const p = await this.loadOwn(m, actor, id);
      const t = PACKAGE_TRANSITIONS[action];
      if (!t.from.includes(p.status)) throw DomainError.illegalTransition('technology package', p.status, action);
      if (action === 'publish') {
        if (!p.achievementIds.length) throw DomainError.validation('achievementIds', { zh: '技术包至少包含一项已发布成果', en: 'A package needs at least one published achievement' });
        await this.published(m, p.achievementIds);
        p.publishedAt = this.clock.now();
      } else p.archivedAt = this.clock.now();
      p.status = t.to;
      const out = await this.repo.save(m, p);
      await this.outbox.indexChanged(m, PACKAGES_INDEX, p.id);
      return out;
    });
    return this.map(saved);
  }

  async get(actor: Actor | null, id: string): Promise<PackageResponse> {
    const p = await this.repo.find(this.tx.manager, id);
    if (!p || (p.status === 'draft' && p.curatorOrgId !== actor?.orgId && !hasRole(actor, Role.PlatformAdmin))) throw CatalogErrors.packageNotFound();
    return this.map(p);
  }

  /** For other contexts (through CatalogService): a published package with its achievements, else 404. */
  async getPublished(id: string): Promise<PackageResponse> {
    const [p] = await this.repo.findPublishedByIds(this.tx.manager, [id]);
    if (!p) throw CatalogErrors.packageNotFound();
    return this.map(p);
  }

  async list(actor: Actor | null, q: PackageListQuery): Promise<Page<PackageResponse>> {
    const mine = q.mine === 'true' && !!actor;
    const [rows, total] = await this.repo.list(this.tx.manager, { status: q.status, curatorOrgId: mine ? actor!.orgId : undefined, publicOnly: !mine, ...skipTake(q) });
    return pageOf(await Promise.all(rows.map((p) => this.map(p))), total, q);
  }

  private async map(p: TechnologyPackage): Promise<PackageResponse> {
    const rows = await this.achievements.findMany(this.tx.manager, p.achievementIds);
    const byId = new Map(rows.map((a) => [a.id, a]));
    const owners = await this.identity.findOrganisations(rows.map((a) => a.ownerId));
    const items = p.achievementIds.map((id) => byId.get(id)).filter((a): a is Achievement => !!a);
    const live = items.filter((a) => a.status === 'published');
    const figures = packageFigures(live.map((a) => ({ trl: a.trl, askingPrice: a.askingPrice, ownerId: a.ownerId, ownerName: owners.get(a.ownerId)?.name ?? '' })));
    return {
      id: p.id, version: p.version, title: p.title, theme: p.theme, industry: p.industry, description: p.description, status: p.status,
      targetParks: p.targetParks,
      achievements: items.map((a, i) => ({
        position: i + 1, id: a.id, title: a.title, status: a.status, trl: a.trl, askingPrice: a.askingPrice, negotiable: a.askingPrice === null,
        ownerId: a.ownerId, ownerName: owners.get(a.ownerId)?.name ?? '',
      })),
      ...figures,
      curatorId: p.curatorId, curatorOrgId: p.curatorOrgId, publishedAt: p.publishedAt?.toISOString() ?? null, updatedAt: p.updatedAt.toISOString(),
    };
  }

  // ---- guide catalog (先进适用技术指导目录) ----

  private requireStaff(actor: Actor): void {
    if (!isPlatformStaff(actor)) throw new DomainError('forbidden', 'NOT_PLATFORM_STAFF', { zh: '只有平台工作人员可以编制指导目录', en: 'Only platform staff compile the guide catalog' });
  }

  private async loadCatalog(actor: Actor | null, id: string): Promise<GuideCatalog> {
    const c = await this.repo.findCatalog(this.tx.manager, id);
    if (!c || (c.status !== 'published' && !isPlatformStaff(actor))) throw CatalogErrors.guideCatalogNotFound();
    return c;
  }

  async createCatalog(actor: Actor, dto: CreateGuideCatalogDto): Promise<GuideCatalogResponse> {
    this.requireStaff(actor);
    const c = await this.tx.run(async (m) => {
      if (await this.repo.findCatalogByYearIndustry(m, dto.year, dto.industry)) throw CatalogErrors.guideCatalogExists();
      return this.repo.saveCatalog(m, {
        year: dto.year, industry: dto.industry, title: dto.title ?? `${dto.year}年${industryOf(dto.industry)?.zh ?? dto.industry}先进适用技术指导目录`,
        status: 'draft', createdBy: actor.userId,
      });
    });
    return this.mapCatalog(c);
  }

  async putEntry(actor: Actor, id: string, dto: GuideCatalogEntryDto): Promise<GuideCatalogResponse> {
    this.requireStaff(actor);
    const c = await this.loadCatalog(actor, id);
    await this.tx.run(async (m) => {
      const [a] = await this.achievements.findPublishedByIds(m, [dto.achievementId]);
      if (!a) throw CatalogErrors.notPublished('achievementId', dto.achievementId);
      if (a.industry !== c.industry) throw DomainError.validation('achievementId', { zh: '该成果不属于本目录的产业', en: "The achievement is not of this catalog's industry" });
      await this.repo.upsertEntry(m, c.id, a.id, dto.note.trim());
    });
    return this.mapCatalog(c);
  }

  async removeEntry(actor: Actor, id: string, achievementId: string): Promise<GuideCatalogResponse> {
    this.requireStaff(actor);
    const c = await this.loadCatalog(actor, id);
    await this.tx.run((m) => this.repo.removeEntry(m, c.id, achievementId));
    return this.mapCatalog(c);
  }

  async publishCatalog(actor: Actor, id: string): Promise<GuideCatalogResponse> {
    this.requireStaff(actor);
    const c = await this.loadCatalog(actor, id);
    if (c.status !== 'draft') throw DomainError.illegalTransition('guide catalog', c.status, 'publish');
    c.status = 'published';
    c.publishedAt = this.clock.now();
    return this.mapCatalog(await this.tx.run((m) => this.repo.saveCatalog(m, c)));
  }

  async getCatalog(actor: Actor | null, id: string): Promise<GuideCatalogResponse> {
    return this.mapCatalog(await this.loadCatalog(actor, id));
  }

  async listCatalogs(actor: Actor | null, q: GuideCatalogListQuery): Promise<Page<GuideCatalogResponse>> {
    const [rows, total] = await this.repo.listCatalogs(this.tx.manager, { year: q.year, industry: q.industry, publicOnly: !isPlatformStaff(actor), ...skipTake(q) });
    return pageOf(await Promise.all(rows.map((c) => this.mapCatalog(c))), total, q);
  }

  private async mapCatalog(c: GuideCatalog): Promise<GuideCatalogResponse> {
    const entries = await this.repo.entries(this.tx.manager, c.id);
    const rows = await this.achievements.findMany(this.tx.manager, entries.map((e) => e.achievementId));
    const byId = new Map(rows.map((a) => [a.id, a]));
    const owners = await this.identity.findOrganisations(rows.map((a) => a.ownerId));
    return {
      id: c.id, year: c.year, industry: c.industry, title: c.title, status: c.status, publishedAt: c.publishedAt?.toISOString() ?? null,
      entries: entries.map((e, i) => {
        const a = byId.get(e.achievementId)!;
        const o = owners.get(a.ownerId);
        return {
          position: i + 1, achievementId: a.id, title: a.title, ownerName: o?.name ?? '', ownerRegion: o?.region ?? 'other', trl: a.trl,
          askingPrice: a.askingPrice, transferModes: a.transferModes, patents: a.patents, note: e.note,
        };
      }),
    };
  }

  /** The catalog as a file: CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX. */
  async exportCatalog(actor: Actor | null, id: string, format: 'csv' | 'xlsx'): Promise<{ content: Buffer; filename: string; contentType: string }> {
    const c = await this.getCatalog(actor, id);
    const header = ['序号 No.', '成果名称 Title', '持有单位 Owner', '地区 Region', '技术成熟度 TRL', '转化方式 Transfer modes', '参考价格（元） Asking price (yuan)', '专利 Patents', '推荐理由 Recommendation'];
    const rows = c.entries.map((e) => [e.position, e.title, e.ownerName, e.ownerRegion, e.trl, e.transferModes.join('; '), e.askingPrice === null ? '面议' : e.askingPrice, e.patents.join('; '), e.note]);
    const base = `guide-catalog-${c.year}-${c.industry}`;
    if (format === 'csv') {
      const esc = (v: unknown) => {
        const s = String(v ?? '');
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      };
      const text = [header, ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
      return { content: Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(text, 'utf8')]), filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8' };
    }
    const wb = new ExcelJS.Workbook();
    wb.creator = 'TechBridge';
    const ws = wb.addWorksheet(`${c.year}`);
    ws.addRow([c.title]).font = { bold: true, size: 14 };
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((col, i) => (col.width = [6, 40, 28, 8, 10, 24, 18, 28, 50][i]));
    return { content: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  }
}
