import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, hasRole, isPlatformStaff, Role } from '@techbridge/platform';
import { Match } from './entities/match.entity';
import { MatchRepository, MatchScope } from './match.repository';
import { MatchingErrors } from './matching.exception';

/** What a caller asks to do with a stored match (the service names it, the policy decides). */
export enum MatchPermission {
  /** Brokers and platform staff see every match; the enterprise and the achievement's owner the matches that concern them. */
  Read = 'match.read',
  /** Pipeline steps, notes and introductions: the broker who took the match (platform staff may step in). */
  Follow = 'match.follow',
}

/** The one place that decides who sees and works a match in the broker pipeline. */
@Injectable()
export class MatchAccessPolicy {
  constructor(private readonly repo: MatchRepository) {}

  /** Brokers and platform staff curate matches. */
  isCurator(actor: Actor): boolean {
    return isPlatformStaff(actor) || hasRole(actor, Role.Broker);
  }

  listScope(actor: Actor): MatchScope {
    return { all: this.isCurator(actor), orgId: actor.orgId };
  }

  /** Notes (prices, positions) are the following institution's working record: other brokers and the parties see steps and introductions only. */
  seesNotes(actor: Actor, row: Pick<Match, 'brokerOrgId'>): boolean {
    return isPlatformStaff(actor) || (hasRole(actor, Role.Broker) && !!row.brokerOrgId && row.brokerOrgId === actor.orgId);
  }

  /**
   * Load a match for a permission (`lock` takes its row lock). A match the caller may not see is a 404; following
   * one nobody took, or another broker's, is a 409 or 403 with the reason.
   */
  async requireMatch(m: EntityManager, actor: Actor, permission: MatchPermission, id: string, opts: { lock?: boolean } = {}): Promise<Match> {
    const row = await this.repo.find(m, id, opts.lock ?? false);
    if (!row) throw MatchingErrors.matchNotFound();
    if (!this.isCurator(actor) && row.enterpriseId !== actor.orgId && row.ownerId !== actor.orgId) throw MatchingErrors.matchNotFound();
    if (permission === MatchPermission.Follow) this.assertFollower(actor, row);
    return row;
  }

  /** Pipeline steps belong to the broker who took the match (platform staff may step in). */
  assertFollower(actor: Actor, row: Match): void {
    if (!this.isCurator(actor)) throw MatchingErrors.matchNotFound();
    if (isPlatformStaff(actor)) return;
    if (!row.brokerUserId) throw MatchingErrors.notTaken(row.status);
    if (row.brokerUserId !== actor.userId) throw MatchingErrors.takenByAnotherBroker();
  }
}
