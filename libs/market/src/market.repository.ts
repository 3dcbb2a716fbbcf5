import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In } from 'typeorm';
import { MarketAuction } from './entities/market-auction.entity';
import { MarketBid } from './entities/market-bid.entity';
import { MarketBidder } from './entities/market-bidder.entity';
import { MarketConfidentialFile } from './entities/market-confidential-file.entity';
import { MarketIntroduction } from './entities/market-introduction.entity';
import { MarketIntent } from './entities/market-intent.entity';
import { MarketListing } from './entities/market-listing.entity';
import { MarketNotice } from './entities/market-notice.entity';
import { MarketObjection } from './entities/market-objection.entity';
import type { ListingStatus } from './listing.state-machine';

export interface ListingFilter {
  statuses: ListingStatus[] | null;
  ownerOrgId?: string;
  parkCode?: string | null;
  industry?: string;
  transferMode?: string;
  q?: string;
  skip: number;
  take: number;
}

/** The only code of the market that touches TypeORM. `lock` takes the row lock that serialises writes to one object. */
@Injectable()
export class MarketRepository {
  // ---- listings ----
  insertListing(m: EntityManager, l: Partial<MarketListing>): Promise<MarketListing> {
    const r = m.getRepository(MarketListing);
    return r.save(r.create(l));
  }

  saveListing(m: EntityManager, l: MarketListing): Promise<MarketListing> {
    return m.getRepository(MarketListing).save(l);
  }

  findListing(m: EntityManager, id: string, lock = false): Promise<MarketListing | null> {
    const qb = m.getRepository(MarketListing).createQueryBuilder('l').where('l.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  listListings(m: EntityManager, f: ListingFilter): Promise<[MarketListing[], number]> {
    const qb = m.getRepository(MarketListing).createQueryBuilder('l');
    if (f.statuses) qb.andWhere('l.status IN (:...st)', { st: f.statuses });
    if (f.ownerOrgId) qb.andWhere('l.owner_org_id = :o', { o: f.ownerOrgId });
    if (f.parkCode !== undefined) qb.andWhere(f.parkCode === null ? 'TRUE' : 'l.park_code = :p', { p: f.parkCode });
    if (f.industry) qb.andWhere('l.industry = :i', { i: f.industry });
    if (f.transferMode) qb.andWhere('l.transfer_mode = :tm', { tm: f.transferMode });
    if (f.q) qb.andWhere(new Brackets((w) => w.where(`l.title ILIKE :q ESCAPE '\\'`, { q: `%${f.q!.replace(/[\\%_]/g, (c) => `\\${c}`)}%` })));
    return qb.orderBy('l.created_at', 'DESC').addOrderBy('l.id', 'ASC').skip(f.skip).take(f.take).getManyAndCount();
  }

  // ---- intents ----
  insertIntent(m: EntityManager, i: Partial<MarketIntent>): Promise<MarketIntent> {
    const r = m.getRepository(MarketIntent);
    return r.save(r.create(i));
  }

  saveIntent(m: EntityManager, i: MarketIntent): Promise<MarketIntent> {
    return m.getRepository(MarketIntent).save(i);
  }

  findIntent(m: EntityManager, id: string): Promise<MarketIntent | null> {
    return m.getRepository(MarketIntent).findOne({ where: { id } });
  }

  findLiveIntent(m: EntityManager, listingId: string, buyerOrgId: string): Promise<MarketIntent | null> {
    return m.getRepository(MarketIntent).findOne({ where: { listingId, buyerOrgId, status: In(['open', 'accepted']) } });
  }

  intentsOfListing(m: EntityManager, listingId: string, buyerOrgId?: string): Promise<MarketIntent[]> {
    return m.getRepository(MarketIntent).find({ where: { listingId, ...(buyerOrgId ? { buyerOrgId } : {}) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  intentsOfBuyer(m: EntityManager, buyerOrgId: string, skip: number, take: number): Promise<[MarketIntent[], number]> {
    return m.getRepository(MarketIntent).findAndCount({ where: { buyerOrgId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  async declineOpenIntents(m: EntityManager, listingId: string, exceptId: string | null): Promise<void> {
    const qb = m.createQueryBuilder().update(MarketIntent).set({ status: 'declined' }).where('listing_id = :l AND status = :s', { l: listingId, s: 'open' });
    if (exceptId) qb.andWhere('id <> :x', { x: exceptId });
    await qb.execute();
  }

  // ---- notices and objections ----
  insertNotice(m: EntityManager, n: Partial<MarketNotice>): Promise<MarketNotice> {
    const r = m.getRepository(MarketNotice);
    return r.save(r.create(n));
  }

  saveNotice(m: EntityManager, n: MarketNotice): Promise<MarketNotice> {
    return m.getRepository(MarketNotice).save(n);
  }

  findNotice(m: EntityManager, id: string, lock = false): Promise<MarketNotice | null> {
    const qb = m.getRepository(MarketNotice).createQueryBuilder('n').where('n.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  listNotices(m: EntityManager, statuses: string[], skip: number, take: number): Promise<[MarketNotice[], number]> {
    return m.getRepository(MarketNotice).findAndCount({ where: { status: In(statuses) }, order: { startedAt: 'DESC', id: 'ASC' }, skip, take });
  }

  insertObjection(m: EntityManager, o: Partial<MarketObjection>): Promise<MarketObjection> {
    const r = m.getRepository(MarketObjection);
    return r.save(r.create(o));
  }

  saveObjection(m: EntityManager, o: MarketObjection): Promise<MarketObjection> {
    return m.getRepository(MarketObjection).save(o);
  }

  findObjection(m: EntityManager, id: string): Promise<MarketObjection | null> {
    return m.getRepository(MarketObjection).findOne({ where: { id } });
  }

  objectionsOf(m: EntityManager, noticeId: string): Promise<MarketObjection[]> {
    return m.getRepository(MarketObjection).find({ where: { noticeId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  // ---- auctions ----
  insertAuction(m: EntityManager, a: Partial<MarketAuction>): Promise<MarketAuction> {
    const r = m.getRepository(MarketAuction);
    return r.save(r.create(a));
  }

  saveAuction(m: EntityManager, a: MarketAuction): Promise<MarketAuction> {
    return m.getRepository(MarketAuction).save(a);
  }

  /** With `lock`: SELECT … FOR UPDATE on the auction row, which serialises bids, the close and confirmations. */
  findAuction(m: EntityManager, id: string, lock = false): Promise<MarketAuction | null> {
    const qb = m.getRepository(MarketAuction).createQueryBuilder('a').where('a.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  auctionsOfListing(m: EntityManager, listingId: string): Promise<MarketAuction[]> {
    return m.getRepository(MarketAuction).find({ where: { listingId }, order: { createdAt: 'DESC' } });
  }

  auctionsOfRoadshow(m: EntityManager, roadshowEventId: string): Promise<MarketAuction[]> {
    return m.getRepository(MarketAuction).find({ where: { roadshowEventId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  insertBidder(m: EntityManager, b: Partial<MarketBidder>): Promise<MarketBidder> {
    const r = m.getRepository(MarketBidder);
    return r.save(r.create(b));
  }

  saveBidder(m: EntityManager, b: MarketBidder): Promise<MarketBidder> {
    return m.getRepository(MarketBidder).save(b);
  }

  findBidder(m: EntityManager, id: string): Promise<MarketBidder | null> {
    return m.getRepository(MarketBidder).findOne({ where: { id } });
  }

  bidderOf(m: EntityManager, auctionId: string, orgId: string): Promise<MarketBidder | null> {
    return m.getRepository(MarketBidder).findOne({ where: { auctionId, orgId } });
  }

  biddersOf(m: EntityManager, auctionId: string): Promise<MarketBidder[]> {
    return m.getRepository(MarketBidder).find({ where: { auctionId }, order: { paddle: 'ASC' } });
  }

  async nextPaddle(m: EntityManager, auctionId: string): Promise<number> {
    const [row] = await m.query(`SELECT COALESCE(MAX(paddle), 100) + 1 AS n FROM market_bidder WHERE auction_id = $1`, [auctionId]);
    return Number(row.n);
  }

  async releaseDeposits(m: EntityManager, auctionId: string, exceptOrgIds: string[]): Promise<number> {
    const res = await m.query(
      `UPDATE market_bidder SET deposit_status = 'released', updated_at = now() WHERE auction_id = $1 AND deposit_status = 'confirmed' AND NOT (org_id = ANY($2::uuid[]))`,
      [auctionId, exceptOrgIds],
    );
    return Number(res[1] ?? 0);
  }

  insertBid(m: EntityManager, b: Partial<MarketBid>): Promise<MarketBid> {
    const r = m.getRepository(MarketBid);
    return r.save(r.create(b));
  }

  bidsOf(m: EntityManager, auctionId: string, skip = 0, take = 100_000): Promise<MarketBid[]> {
    return m.getRepository(MarketBid).find({ where: { auctionId }, order: { seq: 'ASC' }, skip, take });
  }

  findBid(m: EntityManager, id: string): Promise<MarketBid | null> {
    return m.getRepository(MarketBid).findOne({ where: { id } });
  }

  // ---- introductions and confidential files ----
  insertIntroduction(m: EntityManager, i: Partial<MarketIntroduction>): Promise<MarketIntroduction> {
    const r = m.getRepository(MarketIntroduction);
    return r.save(r.create(i));
  }

  saveIntroduction(m: EntityManager, i: MarketIntroduction): Promise<MarketIntroduction> {
    return m.getRepository(MarketIntroduction).save(i);
  }

  findIntroduction(m: EntityManager, id: string): Promise<MarketIntroduction | null> {
    return m.getRepository(MarketIntroduction).findOne({ where: { id } });
  }

  listIntroductions(m: EntityManager, f: { ownerOrgId?: string; requesterOrgId?: string; brokerage?: boolean; skip: number; take: number }): Promise<[MarketIntroduction[], number]> {
    const qb = m.getRepository(MarketIntroduction).createQueryBuilder('i');
    if (f.ownerOrgId) qb.andWhere('i.owner_org_id = :o', { o: f.ownerOrgId });
    if (f.requesterOrgId) qb.andWhere('i.requester_org_id = :r', { r: f.requesterOrgId });
    if (f.brokerage) qb.andWhere(`i.status IN ('requested', 'accepted')`);
    return qb.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'ASC').skip(f.skip).take(f.take).getManyAndCount();
  }

  /** An accepted introduction of the organisation to this achievement's owner, its NDA accepted where one is required. */
  async hasDisclosure(m: EntityManager, orgId: string, achievementId: string): Promise<boolean> {
    const [row] = await m.query(
      `SELECT 1 FROM market_introduction WHERE requester_org_id = $1 AND achievement_id = $2 AND status = 'accepted' AND (NOT requires_nda OR nda_accepted_at IS NOT NULL) LIMIT 1`,
      [orgId, achievementId],
    );
    return !!row;
  }

  /**
   * The broker who took the buyer's introduction to this listing or its achievement (accepted ones first, then the
   * newest): the deal's contract names it, so the introduction protects the broker's role.
   */
  async brokerOfDeal(m: EntityManager, q: { listingId: string; achievementId: string | null; ownerOrgId: string; buyerOrgId: string }): Promise<{ brokerUserId: string; brokerOrgId: string | null } | null> {
    const [row] = await m.query(
      `SELECT broker_user_id AS "brokerUserId", broker_org_id AS "brokerOrgId" FROM market_introduction
        WHERE requester_org_id = $1 AND owner_org_id = $2 AND broker_user_id IS NOT NULL AND status IN ('requested', 'accepted')
          AND (listing_id = $3 OR achievement_id = $4)
        ORDER BY (status = 'accepted') DESC, created_at DESC, id LIMIT 1`,
      [q.buyerOrgId, q.ownerOrgId, q.listingId, q.achievementId],
    );
    return row ?? null;
  }

  insertConfidentialFile(m: EntityManager, f: Partial<MarketConfidentialFile>): Promise<MarketConfidentialFile> {
    const r = m.getRepository(MarketConfidentialFile);
    return r.save(r.create(f));
  }

  confidentialFilesOf(m: EntityManager, listingId: string): Promise<MarketConfidentialFile[]> {
    return m.getRepository(MarketConfidentialFile).find({ where: { listingId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findConfidentialFile(m: EntityManager, listingId: string, id: string): Promise<MarketConfidentialFile | null> {
    return m.getRepository(MarketConfidentialFile).findOne({ where: { id, listingId } });
  }

  // ---- personal data (个人信息保护法) ----

  async personalData(m: EntityManager, userId: string, email: string): Promise<Record<string, unknown[]>> {
    return {
      objections: await m.query(`SELECT id, notice_id AS "noticeId", real_name AS "realName", contact_phone AS "contactPhone", created_at AS "createdAt" FROM market_objection WHERE objector_user_id = $1`, [userId]),
      intents: await m.query(`SELECT id, listing_id AS "listingId", created_at AS "createdAt" FROM market_intent WHERE buyer_user_id = $1`, [userId]),
      bids: await m.query(`SELECT id, auction_id AS "auctionId", amount, placed_at AS "placedAt" FROM market_bid WHERE user_id = $1`, [userId]),
      introductions: await m.query(`SELECT id, status, created_at AS "createdAt" FROM market_introduction WHERE requester_user_id = $1 OR broker_user_id = $1`, [userId]),
      listingContacts: await m.query(`SELECT id, status, contact FROM market_listing WHERE lower(contact->>'email') = lower($1)`, [email]),
    };
  }

  /** The objector's phone and a listing contact giving the person's address go; the records (who objected, intents, bids) stay. */
  async erasePersonalData(m: EntityManager, userId: string, email: string): Promise<number> {
    const [, phones]: [unknown, number] = await m.query(`UPDATE market_objection SET contact_phone = '' WHERE objector_user_id = $1 AND contact_phone <> ''`, [userId]);
    const [, contacts]: [unknown, number] = await m.query(`UPDATE market_listing SET contact = '{}'::jsonb WHERE lower(contact->>'email') = lower($1)`, [email]);
    return phones + contacts;
  }
}
