import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { VoucherIssuingService } from './voucher-issuing.service';

/** Worker handlers of the vouchers context. */
@Injectable()
export class VouchersJobs {
  constructor(private readonly issuing: VoucherIssuingService) {}

  /** At its expiry an unused voucher returns its money; a voucher that moved on is skipped (idempotent). */
  @JobHandler(JobName.VoucherExpire)
  async expire(payload: JobPayload<JobName.VoucherExpire>): Promise<{ outcome: string }> {
    return { outcome: await this.issuing.expire(payload.voucherId) };
  }
}
