import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, BeijingCalendar, isPlatformStaff, OrgType } from '@techbridge/platform';
import { CrossRegionFlowResponse, ParkVoucherFiguresResponse, VoucherStatisticsResponse } from './dto/statistics.dto';
import { VoucherFlowRecord, VoucherService } from './voucher.service';
import { VoucherErrors } from './vouchers.exception';

/** Whether a redemption crossed the regions: a Beijing or Tianjin programme, or a Beijing or Tianjin provider. */
export function isCrossRegion(r: Pick<VoucherFlowRecord, 'programmeRegion' | 'providerRegion'>): boolean {
  return r.programmeRegion !== 'HE' || (r.providerRegion !== null && r.providerRegion !== 'HE');
}

/** Yearly figures for administrators: issued and redeemed by park, cross-region flows. */
@Injectable()
export class VoucherStatisticsService {
  constructor(private readonly vouchers: VoucherService, private readonly identity: IdentityService) {}

  async yearly(actor: Actor, year: number): Promise<VoucherStatisticsResponse> {
    if (!isPlatformStaff(actor)) {
      if (actor.orgType !== OrgType.ParkAdministration) throw VoucherErrors.notAllowed('仅平台或园区管理机构可查看创新券统计', 'Only the platform or park administrations see voucher statistics');
      await this.identity.assertVerified(actor);
    }
    const { from, to } = BeijingCalendar.yearBounds(year);
    const { issued, redeemed } = await this.vouchers.flowsBetween(from, to);
    const parks = new Map<string | null, ParkVoucherFiguresResponse>();
    const park = (code: string | null) => {
      let p = parks.get(code);
      if (!p) parks.set(code, (p = { parkCode: code, issuedCount: 0, issuedFen: 0, redeemedCount: 0, redeemedFen: 0 }));
      return p;
    };
    for (const r of issued) Object.assign(park(r.parkCode), { issuedCount: park(r.parkCode).issuedCount + 1, issuedFen: park(r.parkCode).issuedFen + r.amountFen });
    for (const r of redeemed) Object.assign(park(r.parkCode), { redeemedCount: park(r.parkCode).redeemedCount + 1, redeemedFen: park(r.parkCode).redeemedFen + r.amountFen });
    const flows = new Map<string, CrossRegionFlowResponse>();
    for (const r of redeemed.filter(isCrossRegion)) {
      const key = `${r.programmeRegion}>${r.providerRegion}`;
      const f = flows.get(key) ?? { programmeRegion: r.programmeRegion, providerRegion: r.providerRegion ?? 'HE', count: 0, amountFen: 0 };
      f.count += 1;
      f.amountFen += r.amountFen;
      flows.set(key, f);
    }
    return { year, parks: [...parks.values()], crossRegion: [...flows.values()] };
  }
}
