import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { DirectoryAccessPolicy, ExpertPermission, mayRegisterExperts } from './directory-access.policy';
import { DirectoryErrors } from './directory.exception';
import { DirectoryRepository } from './directory.repository';
import {
  ContactExpertDto, ContactRequestResponse, ExpertListQuery, ExpertResponse, mapExpert, RegisterExpertDto, UpdateExpertDto,
} from './dto/directory.dto';
import { Expert } from './entities/expert.entity';

/**
 * The expert directory (专家库): verified universities, institutes and transfer institutions register their experts
 * with the fields they know; anyone browses it by field; a signed-in user asks for contact through the platform, and
 * the registering organisation receives the request. No personal contact data of an expert is stored or shown.
 */
@Injectable()
export class ExpertService {
  constructor(
    private readonly repo: DirectoryRepository,
    private readonly access: DirectoryAccessPolicy,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
  ) {}

  async register(actor: Actor, dto: RegisterExpertDto): Promise<ExpertResponse> {
    if (!mayRegisterExperts(actor)) throw DirectoryErrors.notAnInstitution();
    return this.tx.run(async (m) => {
      const e = await this.repo.saveExpert(m, {
        organisationId: actor.orgId, name: dto.name, title: dto.title, fields: dto.fields, bio: dto.bio?.trim() ?? '', listed: true, createdBy: actor.userId,
      });
      await this.identity.audit(m, actor, { action: 'expert.register', entityType: 'expert', entityId: e.id, changes: { name: e.name, fields: e.fields } });
      return this.view([e]).then(([v]) => v);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateExpertDto): Promise<ExpertResponse> {
    return this.tx.run(async (m) => {
      const e = await this.access.requireExpert(m, actor, ExpertPermission.Manage, id, true);
      if (dto.name !== undefined) e.name = dto.name;
      if (dto.title !== undefined) e.title = dto.title;
      if (dto.fields !== undefined) e.fields = dto.fields;
      if (dto.bio !== undefined) e.bio = dto.bio.trim();
      if (dto.listed !== undefined) e.listed = dto.listed;
      const saved = await this.repo.saveExpert(m, e);
      await this.identity.audit(m, actor, { action: 'expert.update', entityType: 'expert', entityId: e.id, changes: { fields: Object.keys(dto) } });
      return this.view([saved]).then(([v]) => v);
    });
  }

  async list(q: ExpertListQuery): Promise<Page<ExpertResponse>> {
    const [rows, total] = await this.repo.listExperts(this.tx.manager, { field: q.field, organisationId: q.organisationId, listedOnly: true }, skipTake(q).skip, skipTake(q).take);
    return pageOf(await this.view(rows), total, q);
  }

  async get(actor: Actor | null, id: string): Promise<ExpertResponse> {
    const e = await this.access.requireExpert(this.tx.manager, actor, ExpertPermission.Read, id);
    return this.view([e]).then(([v]) => v);
  }

  /** The request goes to the expert's organisation (its members' notifications, and e-mail where they chose it). */
  async contact(actor: Actor, id: string, dto: ContactExpertDto): Promise<ContactRequestResponse> {
    return this.tx.run(async (m) => {
      const e = await this.access.requireExpert(m, actor, ExpertPermission.Contact, id);
      const from = await this.identity.findOrganisation(actor.orgId, m);
      const fromName = from?.name ?? '';
      await this.notifications.notify(
        {
          orgId: e.organisationId,
          kind: 'expert.contact-request',
          title: { zh: `${fromName}希望联系专家${e.name}`, en: `${fromName} would like to contact ${e.name}` },
          body: { zh: dto.message, en: dto.message },
          link: `/experts/${e.id}`,
          data: { expertId: e.id, fromOrgId: actor.orgId, fromUserId: actor.userId },
        },
        m,
      );
      await this.identity.audit(m, actor, { action: 'expert.contact', entityType: 'expert', entityId: e.id, changes: { toOrgId: e.organisationId } });
      return { expertId: e.id, organisationId: e.organisationId, sent: true };
    });
  }

  private async view(rows: Expert[]): Promise<ExpertResponse[]> {
    const orgs = await this.identity.findOrganisations([...new Set(rows.map((e) => e.organisationId))]);
    return rows.map((e) => mapExpert(e, orgs.get(e.organisationId)?.name ?? ''));
  }
}
