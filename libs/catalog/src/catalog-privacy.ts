import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { AchievementRepository } from './achievement.repository';

/**
 * 个人信息保护法: an achievement's contact block that gives the person's own address names them (name, phone, e-mail):
 * it is in their download, and erased with their account. The achievement stays the organisation's; it shows no
 * contact until the organisation enters another. Contacts are not in the search index, so nothing is re-projected.
 */
@Injectable()
export class CatalogPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: AchievementRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'achievementContacts',
      collect: (m, { email }) => this.repo.listingsWithContactEmail(m, email),
      erase: (m, { email }) => this.repo.clearContactWithEmail(m, email),
    });
  }
}
