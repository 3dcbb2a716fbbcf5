import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '@techbridge/platform';
import { MarketRepository } from './market.repository';

/**
 * 个人信息保护法 in the market: a person's real-name objections, intents, bids and introductions are in their download;
 * deletion erases the objector's phone and a listing contact that gives the person's address. The records themselves
 * (who objected, bid or asked) belong to the notices, auctions and deals and stay.
 */
@Injectable()
export class MarketPrivacy implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly repo: MarketRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'market',
      collect: (m, { userId, email }) => this.repo.personalData(m, userId, email),
      erase: (m, { userId, email }) => this.repo.erasePersonalData(m, userId, email),
    });
  }
}
