import { Injectable } from '@nestjs/common';
import { ContractsService } from '@techbridge/contracts';
import { IdentityService } from '@techbridge/identity';
import { Actor, isPlatformStaff, TransactionRunner } from '@techbridge/platform';
import { CompletionResponse, CreateListItemDto, ListItemResponse, ListItemStepDto, ThreeListsResponse } from './dto/three-lists.dto';
import { ParkListItem } from './entities/park-list-item.entity';
import { ProgrammesAccessPolicy } from './programmes-access.policy';
import { ProgrammesErrors } from './programmes.exception';
import { ProgrammesRepository } from './programmes.repository';
import { completion, counts, LIST_ITEM_LIFECYCLE } from './three-lists.rules';

/** Each park's three lists per year, kept by its park administration; public with their completion. */
@Injectable()
export class ThreeListsService {
  constructor(
    private readonly repo: ProgrammesRepository,
    private readonly access: ProgrammesAccessPolicy,
    private readonly identity: IdentityService,
    private readonly contracts: ContractsService,
    private readonly tx: TransactionRunner,
  ) {}

  async add(actor: Actor, parkCode: string, year: number, dto: CreateListItemDto): Promise<ListItemResponse> {
    if (dto.kind === 'measure' && (!dto.owner || !dto.dueDate)) throw ProgrammesErrors.measureNeedsOwner(!dto.owner ? 'owner' : 'dueDate');
    const saved = await this.tx.run(async (m) => {
      await this.requireKeeper(actor, parkCode);
      const item = await this.repo.saveListItem(m, {
        parkCode, year, kind: dto.kind, title: dto.title.trim(), description: dto.description?.trim() ?? '', status: 'planned', owner: dto.owner?.trim() ?? null, dueDate: dto.dueDate ?? null,
        achievementId: dto.achievementId ?? null, contractId: dto.kind === 'landing' ? dto.contractId ?? null : null, projectId: dto.kind === 'landing' ? dto.projectId ?? null : null,
        createdBy: actor.userId,
      });
      await this.identity.audit(m, actor, { action: 'add-three-list-item', entityType: 'park-list-item', entityId: item.id, changes: { parkCode, year, kind: dto.kind, title: item.title } });
      return item;
    });
    return (await this.views([saved]))[0];
  }

  /** A step (start, complete, drop) or a quarterly update, with the landing's proof linked on the way. */
  async step(actor: Actor, id: string, dto: ListItemStepDto): Promise<ListItemResponse> {
    const saved = await this.tx.run(async (m) => {
      const item = await this.repo.findListItem(m, id, true);
      if (!item) throw ProgrammesErrors.listItemNotFound();
      await this.requireKeeper(actor, item.parkCode, true);
      const from = item.status;
      item.status = LIST_ITEM_LIFECYCLE.next(item.status, dto.action, item.id);
      if (dto.quarter) item.lastQuarter = dto.quarter;
      if (dto.note !== undefined) item.lastNote = dto.note.trim();
      if (item.kind === 'landing') {
        if (dto.contractId) item.contractId = dto.contractId;
        if (dto.projectId) item.projectId = dto.projectId;
      }
      const s = await this.repo.saveListItem(m, item);
      await this.identity.audit(m, actor, { action: `${dto.action}-three-list-item`, entityType: 'park-list-item', entityId: item.id, changes: { from, to: s.status, quarter: dto.quarter ?? null } });
      return s;
    });
    return (await this.views([saved]))[0];
  }

  async lists(parkCode: string, year: number): Promise<ThreeListsResponse> {
    const items = await this.views(await this.repo.listItems(this.tx.manager, parkCode, year));
    return { parkCode, year, ...completion(items), items };
  }

  async completion(parkCode: string, year: number): Promise<CompletionResponse> {
    const { items: _items, ...rest } = await this.lists(parkCode, year);
    return rest;
  }

  /** Every park's completion for a year, with the items behind it (parks with no items are left out), and the zone's. */
  async completionOfYear(year: number): Promise<{ parks: Map<string, { overall: number | null; itemIds: string[] }>; zone: number | null }> {
    const items = await this.views(await this.repo.listItemsOfYear(this.tx.manager, year));
    const byPark = new Map<string, ListItemResponse[]>();
    for (const i of items) byPark.set(i.parkCode, [...(byPark.get(i.parkCode) ?? []), i]);
    return {
      parks: new Map([...byPark].map(([park, list]) => [park, { overall: completion(list).overall, itemIds: list.map((i) => i.id) }])),
      zone: completion(items).overall,
    };
  }

  /** The park's verified administration keeps its lists (404 to other administrations for an item, 403 otherwise). */
  private async requireKeeper(actor: Actor, parkCode: string, forItem = false): Promise<void> {
    if (isPlatformStaff(actor)) return;
    if (actor.parkCode !== parkCode) {
      if (forItem) throw ProgrammesErrors.listItemNotFound();
      throw ProgrammesErrors.notAParkAdministration();
    }
    await this.access.requireParkAdministration(this.tx.manager, actor);
  }

  /** Items as shown, a landing's proof checked now: a registered contract of the park, or an accepted project of the park. */
  private async views(items: ParkListItem[]): Promise<ListItemResponse[]> {
    const landing = items.filter((i) => i.kind === 'landing');
    const contracts = await this.contracts.registeredContracts([...new Set(landing.flatMap((i) => (i.contractId ? [i.contractId] : [])))]);
    const contractPark = new Map(contracts.map((c) => [c.id, c.parkCode]));
    const projectIds = [...new Set(landing.flatMap((i) => (i.projectId ? [i.projectId] : [])))];
    const accepted = new Set<string>();
    for (const park of new Set(landing.map((i) => i.parkCode))) {
      for (const p of await this.repo.findAcceptedInPark(this.tx.manager, projectIds, park)) accepted.add(`${park}|${p.id}`);
    }
    return items.map((i) => {
      const linked = i.kind === 'landing' && ((!!i.contractId && contractPark.get(i.contractId) === i.parkCode) || (!!i.projectId && accepted.has(`${i.parkCode}|${i.projectId}`)));
      return {
        id: i.id, parkCode: i.parkCode, year: i.year, kind: i.kind, title: i.title, description: i.description, status: i.status, owner: i.owner, dueDate: i.dueDate,
        achievementId: i.achievementId, contractId: i.contractId, projectId: i.projectId, linked, counts: counts({ kind: i.kind, status: i.status, linked }),
        lastQuarter: i.lastQuarter, lastNote: i.lastNote,
      };
    });
  }
}
