import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { BrokersRepository } from './brokers.repository';

/**
 * 个人信息保护法: a person's broker training (hours, exam score) and certificates are in their download. They are the
 * training base's register of whom it trained and certified, so deletion keeps them (under the pseudonymised account:
 * a deleted account signs in no more, so its certificate confers nothing).
 */
@Injectable()
export class BrokersPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: BrokersRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ name: 'brokerTraining', collect: (m, { userId }) => this.repo.personalData(m, userId), erase: async () => 0 });
  }
}
