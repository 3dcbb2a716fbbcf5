import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { VouchersRepository } from './vouchers.repository';

/**
 * 个人信息保护法: the voucher applications a person filed, the claims they submitted and the shareholder relations they
 * recorded are in their download. Nothing is erased: applications and claims are the enterprise's and the provider's
 * funding records (the fraud checks and the ledger need them), and they keep only the user id, which names nobody once
 * identity has pseudonymised the account. The legal representative on an application is the enterprise's, not the user's.
 */
@Injectable()
export class VouchersPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: VouchersRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ name: 'vouchers', collect: (m, { userId }) => this.repo.personalData(m, userId), erase: async () => 0 });
  }
}
