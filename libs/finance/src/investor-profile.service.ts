import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, TransactionRunner } from '@techbridge/platform';
import { InvestorProfileDto, InvestorProfileResponse, mapProfile } from './dto/financing.dto';
import { FinanceErrors } from './finance.exception';
import { isInvestor } from './finance-access.policy';
import { FinancingRepository } from './financing.repository';
import { FinancingMatchService } from './financing-match.service';

/** An investment fund's profile: what it invests in. Only a verified fund keeps one; the park comes from the fund. */
@Injectable()
export class InvestorProfileService {
  constructor(
    private readonly repo: FinancingRepository,
    private readonly identity: IdentityService,
    private readonly matches: FinancingMatchService,
    private readonly tx: TransactionRunner,
  ) {}

  async save(actor: Actor, dto: InvestorProfileDto): Promise<InvestorProfileResponse> {
    if (!isInvestor(actor)) throw FinanceErrors.notAnInvestor();
    if (dto.ticketMin != null && dto.ticketMax != null && dto.ticketMin > dto.ticketMax) {
      throw FinanceErrors.amountField('ticketMax', { zh: '最大单笔投资额不能小于最小单笔投资额', en: 'ticketMax must not be below ticketMin' });
    }
    return this.tx.run(async (m) => {
      await this.identity.assertVerified(actor, m);
      const org = await this.identity.findOrganisation(actor.orgId, m);
      // A park sub-fund is a fund organisation registered with its park; the mandate needs that park.
      const parkCode = org?.parkCode ?? null;
      const saved = await this.repo.saveProfile(m, {
        organisationId: actor.orgId, displayName: dto.displayName, stages: dto.stages, industries: dto.industries, ticketMin: dto.ticketMin ?? null,
        ticketMax: dto.ticketMax ?? null, regions: dto.regions, parkCode, parkMandate: !!parkCode && !!dto.parkMandate, fundSize: dto.fundSize ?? null,
      });
      await this.identity.audit(m, actor, { action: 'investor-profile.save', entityType: 'organisation', entityId: actor.orgId, changes: { ...dto } });
      // Its deal flow is rescored by the worker, once per saved version of the profile.
      await this.matches.profileChanged(m, (await this.repo.findProfile(m, actor.orgId))!);
      return mapProfile(saved);
    });
  }

  async mine(actor: Actor): Promise<InvestorProfileResponse> {
    if (!isInvestor(actor)) throw FinanceErrors.notAnInvestor();
    const p = await this.repo.findProfile(this.tx.manager, actor.orgId);
    if (!p) throw FinanceErrors.profileNotFound();
    return mapProfile(p);
  }
}
