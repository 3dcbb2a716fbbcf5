import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CONTRACT_LIFECYCLE, ContractStatus, HISTORY_NAME, LifecycleAction } from './contract.state-machine';
import { ContractsRepository } from './contracts.repository';
import { ReasonEntry, TechnologyContract } from './entities/technology-contract.entity';

/** Who took a step, when, and why (reasons are kept in the history). */
export interface StepContext {
  actorUserId: string | null;
  at: Date;
  reasons?: ReasonEntry[];
}

/**
 * The only writer of a contract's status: a step goes through the transition map, the row is saved, then the
 * history entry is written in one place (vendure's onTransitionEnd idea), inside the caller's transaction.
 */
@Injectable()
export class ContractTransitions {
  constructor(private readonly repo: ContractsRepository) {}

  /** Take a step on a locked contract; the caller has set whatever else the step changes on `c`. */
  async apply(m: EntityManager, c: TechnologyContract, action: LifecycleAction, by: StepContext): Promise<TechnologyContract> {
    const from = c.status;
    c.status = CONTRACT_LIFECYCLE.next(from, action, c.id);
    const saved = await this.repo.updateContract(m, c);
    await this.onTransitionEnd(m, c.id, HISTORY_NAME[action] ?? action, from, c.status, by);
    return saved;
  }

  /** A dated history entry that is not a step (a deadline reminder, an escalation). */
  async record(m: EntityManager, c: Pick<TechnologyContract, 'id' | 'status'>, name: string, by: StepContext): Promise<void> {
    await this.onTransitionEnd(m, c.id, name, c.status, c.status, by);
  }

  private async onTransitionEnd(m: EntityManager, contractId: string, name: string, from: ContractStatus, to: ContractStatus, by: StepContext): Promise<void> {
    await this.repo.insertEvent(m, { contractId, action: name, from, to, actorUserId: by.actorUserId, reasons: by.reasons, at: by.at });
  }
}
