import { Injectable } from '@nestjs/common';
import { AccessTokenClaims, Actor, ActorSource, TransactionRunner } from '@techbridge/platform';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';
import { BrokerStanding } from './broker-certification.port';
import { IdentityRepository } from './identity.repository';
import { mayExercisePowers } from './organisation-verification';
import { effectiveRoles, ineligibleRoles } from './role-eligibility';

/**
 * The actor of each request from the user and organisation as they are now (one query by primary key): roles in
 * effect per the role rule, the organisation's type, park and verification. The token only names the user.
 */
@Injectable()
export class IdentityActorSource extends ActorSource {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly tx: TransactionRunner,
    private readonly brokers: BrokerStanding,
  ) {
    super();
  }

  async actorFor(claims: AccessTokenClaims): Promise<Actor | null> {
    const user = await this.repo.findUserWithOrganisation(this.tx.manager, claims.sub);
    if (!user || user.organisationId !== claims.org) return null;
    // A broker's certificate is asked about on every request, so a suspension or revocation takes effect at once.
    return actorOf(user, await this.brokers.isCertified(user));
  }
}

/** The actor a user is now, or null when disabled: the roles in effect, the organisation's type, park and standing. */
export function actorOf(user: User & { organisation: Organisation }, brokerCertified: boolean): Actor | null {
  if (user.status !== 'active') return null;
  const org = user.organisation;
  return {
    userId: user.id,
    orgId: org.id,
    orgType: org.type,
    roles: effectiveRoles(user.roles, org, { brokerCertified }),
    voidedRoles: ineligibleRoles(user.roles, org, { brokerCertified }),
    parkCode: org.parkCode,
    verified: mayExercisePowers(org.verificationStatus),
  };
}
