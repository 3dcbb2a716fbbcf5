import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

/**
 * The port through which identity asks whether brokers are certified (技术经纪人资质), implemented by the brokers
 * context (which sits above identity and owns certificates). Identity never imports that context: it looks the
 * provider up when it first needs it, as the platform does for ActorSource.
 */
export abstract class BrokerCertificationSource {
  /** The users among these who hold a broker certificate in good standing now (active and not expired). */
  abstract certifiedAmong(userIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/** Identity's side of the port: asks only about users who hold the broker grant, and fails closed without a provider. */
@Injectable()
export class BrokerStanding {
  private source?: BrokerCertificationSource | null;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** Certified users among those given; only users granted the broker role are asked about (one query, or none). */
  async certifiedAmong(users: ReadonlyArray<{ id: string; roles: readonly string[] }>): Promise<ReadonlySet<string>> {
    const brokers = users.filter((u) => u.roles.includes('broker')).map((u) => u.id);
    if (!brokers.length) return new Set();
    const source = this.resolve();
    // No certification context composed: nobody is certified, so no broker powers (fail closed).
    return source ? source.certifiedAmong(brokers) : new Set();
  }

  async isCertified(user: { id: string; roles: readonly string[] }): Promise<boolean> {
    return (await this.certifiedAmong([user])).has(user.id);
  }

  private resolve(): BrokerCertificationSource | null {
    if (this.source === undefined) {
      try {
        this.source = this.moduleRef.get(BrokerCertificationSource, { strict: false });
      } catch {
        this.source = null;
      }
    }
    return this.source;
  }
}
