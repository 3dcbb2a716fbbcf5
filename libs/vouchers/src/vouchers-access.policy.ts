import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, isPlatformStaff, OrgType } from '@techbridge/platform';
import { VoucherProgramme } from './entities/programme.entity';
import { Voucher } from './entities/voucher.entity';
import { VoucherErrors } from './vouchers.exception';
import { VouchersRepository } from './vouchers.repository';

export enum VoucherPermission {
  /** The holder, the provider it is reserved with, the programme's administrators. */
  Read = 'read',
  /** The enterprise holding it: reserve, release, rate. */
  Hold = 'hold',
  /** The provider it is reserved with: deliver, upload documents, claim. */
  Serve = 'serve',
  /** The programme's administrators: issue, refuse, audit, pay. */
  Administer = 'administer',
}

/**
 * Who may do what with programmes and vouchers. A programme is administered by platform staff or by the verified park
 * administration that created it (verification read from the database, so a revocation takes effect at once). A
 * voucher is seen by its holder, its provider and its programme's administrators; anyone else gets a 404.
 */
@Injectable()
export class VouchersAccessPolicy {
  constructor(private readonly repo: VouchersRepository, private readonly identity: IdentityService) {}

  /** May create programmes at all: platform staff or a verified park administration. */
  async assertProgrammeCreator(m: EntityManager, actor: Actor): Promise<void> {
    if (isPlatformStaff(actor)) return;
    if (actor.orgType !== OrgType.ParkAdministration) throw VoucherErrors.notAllowed('仅平台或园区管理机构可设立创新券计划', 'Only the platform or a park administration may set up voucher programmes');
    await this.identity.assertVerified(actor, m);
  }

  async administers(m: EntityManager, actor: Actor, p: VoucherProgramme): Promise<boolean> {
    if (isPlatformStaff(actor)) return true;
    if (actor.orgId !== p.ownerOrgId) return false;
    return this.identity.isOrganisationVerified(actor.orgId, m);
  }

  async requireProgrammeAdmin(m: EntityManager, actor: Actor, id: string, lock = false): Promise<VoucherProgramme> {
    const p = await this.repo.findProgramme(m, id, lock);
    if (!p) throw VoucherErrors.programmeNotFound();
    if (!(await this.administers(m, actor, p))) throw VoucherErrors.notAllowed('仅计划管理机构可执行此操作', "Only the programme's administrators may do this");
    return p;
  }

  async requireVoucher(m: EntityManager, actor: Actor, id: string, permission: VoucherPermission, lock = false): Promise<{ voucher: Voucher; programme: VoucherProgramme }> {
    const voucher = await this.repo.findVoucher(m, id, lock);
    if (!voucher) throw VoucherErrors.voucherNotFound();
    const programme = (await this.repo.findProgramme(m, voucher.programmeId))!;
    const holder = voucher.enterpriseOrgId === actor.orgId;
    const provider = voucher.providerId ? (await this.repo.findProvider(m, voucher.providerId))?.orgId === actor.orgId : false;
    const admin = await this.administers(m, actor, programme);
    if (!holder && !provider && !admin) throw VoucherErrors.voucherNotFound();
    const ok = { read: true, hold: holder, serve: provider, administer: admin }[permission];
    if (!ok) throw VoucherErrors.notAllowed('无权对该创新券执行此操作', 'You may not do this with this voucher');
    return { voucher, programme };
  }
}
