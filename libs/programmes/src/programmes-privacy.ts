import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { ProgrammesRepository } from './programmes.repository';

/** 个人信息保护法: a person's real-name objections to major projects are in their download; deletion erases their phone. */
@Injectable()
export class ProgrammesPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: ProgrammesRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'projectObjections',
      collect: (m, { userId }) => this.repo.objectionsBy(m, userId),
      erase: (m, { userId }) => this.repo.eraseObjectorPhones(m, userId),
    });
  }
}
