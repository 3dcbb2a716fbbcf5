import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { FinancingRepository } from './financing.repository';

/**
 * 个人信息保护法: the financing requests a person drafted and the data room documents they opened are in their download.
 * Nothing is erased here: requests belong to the organisation, and the data room log is the owner's record of which
 * organisation looked; both keep only the user id, which names nobody once identity has pseudonymised the account.
 */
@Injectable()
export class FinancePrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: FinancingRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ name: 'finance', collect: (m, userId) => this.repo.personalData(m, userId), erase: async () => 0 });
  }
}
