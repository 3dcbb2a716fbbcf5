import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One service call = one transaction: the service opens it here and hands the EntityManager
 * to its repositories (and to the outbox), so a domain write and its outbox row commit together.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Outside a transaction, for reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
