import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { mapVoucher, VoucherResponse } from './dto/voucher.dto';
import { Voucher } from './entities/voucher.entity';
import { voucherLifecycle } from './voucher.state-machine';
import { VouchersRepository } from './vouchers.repository';

/** A voucher as callers see it: with its claim documents, its claim and the steps its lifecycle allows. */
@Injectable()
export class VoucherViews {
  constructor(private readonly repo: VouchersRepository) {}

  async view(m: EntityManager, v: Voucher): Promise<VoucherResponse> {
    return mapVoucher(v, voucherLifecycle.allowed(v.status), await this.repo.documentsOf(m, v.id), await this.repo.claimOf(m, v.id));
  }
}
