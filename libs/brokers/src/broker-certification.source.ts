import { Injectable } from '@nestjs/common';
import { BrokerCertificationSource } from '@techbridge/identity';
import { Clock, TransactionRunner } from '@techbridge/platform';
import { BrokersRepository } from './brokers.repository';

/** Identity's port, answered from the certificates: active and unexpired now (so an expiry needs no job to take effect). */
@Injectable()
export class BrokerCertificationFromCertificates extends BrokerCertificationSource {
  constructor(
    private readonly repo: BrokersRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {
    super();
  }

  certifiedAmong(userIds: readonly string[]): Promise<ReadonlySet<string>> {
    return this.repo.certifiedAmong(this.tx.manager, userIds, this.clock.now());
  }
}
