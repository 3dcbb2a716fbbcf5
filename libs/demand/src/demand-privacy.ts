import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { DemandRepository } from './demand.repository';

/**
 * 个人信息保护法: a demand's contact (name, phone, e-mail) that gives the person's own address names them: it is in
 * their download and erased with their account; the demand stays the enterprise's. Contacts are not in the index.
 */
@Injectable()
export class DemandPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: DemandRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'demandContacts',
      collect: (m, { email }) => this.repo.listingsWithContactEmail(m, email),
      erase: (m, { email }) => this.repo.clearContactWithEmail(m, email),
    });
  }
}
