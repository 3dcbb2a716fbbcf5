import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One service call = one transaction: the service opens it here and hands the EntityManager
 * to its repositories (and to the outbox), so a domain write and its outbox row commit together.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A unit of work. Given the caller's transaction (`within`, e.g. another context's service passing its manager to a
   * facade) the work joins it as a savepoint: it commits with the caller, and a failure undoes only this part.
   */
  run<T>(work: (tx: EntityManager) => Promise<T>, within?: EntityManager): Promise<T> {
    if (within?.queryRunner?.isTransactionActive) return within.transaction(work);
    return this.dataSource.transaction(work);
  }

  /** Outside a transaction, for reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
