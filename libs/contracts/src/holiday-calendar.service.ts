import { Injectable } from '@nestjs/common';
import { Actor, isCalendarDay, TransactionRunner } from '@techbridge/platform';
import { IdentityService } from '@techbridge/identity';
import { ContractsErrors } from './contracts.exception';
import { ContractsRepository } from './contracts.repository';

export interface HolidayEntry {
  day: string;
  kind: string;
  name: string;
}

/** The official holiday calendar (holidays and make-up working days) that registration deadlines are counted in. */
@Injectable()
export class HolidayCalendarService {
  constructor(
    private readonly repo: ContractsRepository,
    private readonly tx: TransactionRunner,
    private readonly identity: IdentityService,
  ) {}

  async listHolidays(year: number): Promise<HolidayEntry[]> {
    return this.repo.listHolidays(this.tx.manager, year);
  }

  async setHoliday(actor: Actor, day: string, kind: 'holiday' | 'workday', name: string): Promise<HolidayEntry> {
    if (!isCalendarDay(day)) throw ContractsErrors.badHolidayDay();
    await this.tx.run(async (m) => {
      await this.repo.upsertHoliday(m, day, kind, name);
      await this.identity.audit(m, actor, { action: 'set-holiday', entityType: 'holiday', entityId: day, changes: { kind, name } });
    });
    return { day, kind, name };
  }

  async removeHoliday(actor: Actor, day: string): Promise<void> {
    const removed = await this.tx.run(async (m) => {
      const ok = await this.repo.deleteHoliday(m, day);
      if (ok) await this.identity.audit(m, actor, { action: 'remove-holiday', entityType: 'holiday', entityId: day });
      return ok;
    });
    if (!removed) throw ContractsErrors.holidayNotFound();
  }
}
