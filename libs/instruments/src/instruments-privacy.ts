import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { InstrumentsRepository } from './instruments.repository';

/**
 * 个人信息保护法: a person's instrument bookings and training records are in their download. Deletion removes the training
 * records (they are about the person alone, and a deleted account books nothing) and blanks the notes the person wrote
 * on bookings; the bookings stay, as the owner's usage record behind post-use subsidy claims, pointing at the
 * pseudonymised account.
 */
@Injectable()
export class InstrumentsPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: InstrumentsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'instruments',
      collect: (m, { userId }) => this.repo.personalData(m, userId),
      erase: (m, { userId }) => this.repo.erasePersonalData(m, userId),
    });
  }
}
