import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { WatchlistRepository } from './watchlist.repository';

/** 个人信息保护法: a person's favourites and saved searches are in their download and go with their account. */
@Injectable()
export class WatchlistPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: WatchlistRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({ name: 'watchlist', collect: (m, userId) => this.repo.personalData(m, userId), erase: (m, userId) => this.repo.eraseUser(m, userId) });
  }
}
