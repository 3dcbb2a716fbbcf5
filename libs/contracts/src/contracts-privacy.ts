import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { ContractsRepository } from './contracts.repository';

/**
 * 个人信息保护法 for brokers: the broker's filing (tier, filing number, title) is the person's and goes with the
 * account; the contracts that name them as broker are the organisations' records and stay (listed in the download).
 */
@Injectable()
export class ContractsPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: ContractsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'broker',
      collect: async (m, { userId }) => ({ profile: await this.repo.findBrokerProfile(m, userId), contractsAsBroker: await this.repo.contractsWithBroker(m, userId) }),
      erase: (m, { userId }) => this.repo.deleteBrokerProfile(m, userId),
    });
  }
}
