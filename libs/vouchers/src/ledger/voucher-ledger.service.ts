import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LedgerAccount, LedgerEntry, LedgerPosting } from '../entities/ledger.entity';
import { AccountKind, AccountRef, accountKey, InsufficientBalanceError, Movement, PlannedEntry, planMovement, PROGRAMME_ACCOUNTS, VOUCHER_ACCOUNTS } from './ledger.rules';

/**
 * Writes the ledger: locks the accounts a movement touches (one statement, id order, so two movements never wait on
 * each other crosswise), plans the entries with the pure rules, and writes each as a balanced pair of postings with the
 * balances moved in the caller's transaction. The balance check and the deferred balance trigger are the database's
 * second line: a plan that slipped would fail the commit, not corrupt the books.
 */
@Injectable()
export class VoucherLedgerService {
  async openProgramme(m: EntityManager, programmeId: string, budgetFen: number, actorUserId: string | null): Promise<void> {
    const accounts = m.getRepository(LedgerAccount);
    const rows = await accounts.save(PROGRAMME_ACCOUNTS.map((kind) => accounts.create({ programmeId, voucherId: null, kind, balanceFen: 0 })));
    const pool = rows.find((a) => a.kind === 'pool')!;
    const entry = await m.getRepository(LedgerEntry).save(m.getRepository(LedgerEntry).create({ programmeId, voucherId: null, kind: 'open', amountFen: budgetFen, actorUserId }));
    await m.getRepository(LedgerPosting).insert({ entryId: entry.id, accountId: pool.id, amountFen: budgetFen });
    await m.query(`UPDATE voucher_ledger_account SET balance_fen = balance_fen + $1 WHERE id = $2`, [budgetFen, pool.id]);
  }

  async openVoucherAccounts(m: EntityManager, programmeId: string, voucherId: string): Promise<void> {
    await m.getRepository(LedgerAccount).insert(VOUCHER_ACCOUNTS.map((kind) => ({ programmeId, voucherId, kind, balanceFen: 0 })));
  }

  /** Post one movement; InsufficientBalanceError when the balances do not allow it (nothing written). */
  async post(m: EntityManager, programmeId: string, move: Movement, actorUserId: string | null): Promise<PlannedEntry[]> {
    const locked: LedgerAccount[] = await m
      .getRepository(LedgerAccount)
      .createQueryBuilder('a')
      .where('a.programmeId = :programmeId', { programmeId })
      .andWhere('(a.voucherId IS NULL OR a.voucherId = :voucherId)', { voucherId: move.voucherId })
      .orderBy('a.id')
      .setLock('pessimistic_write')
      .getMany();
    const byKey = new Map(locked.map((a) => [accountKey({ kind: a.kind, voucherId: a.voucherId }), a]));
    const balanceOf = (ref: AccountRef) => byKey.get(accountKey(ref))?.balanceFen ?? 0;
    const entries = planMovement(move, balanceOf);
    for (const e of entries) {
      const entry = await m.getRepository(LedgerEntry).save(m.getRepository(LedgerEntry).create({ programmeId, voucherId: e.voucherId, kind: e.kind, amountFen: e.amountFen, actorUserId }));
      for (const p of e.postings) {
        const account = byKey.get(accountKey(p.account));
        if (!account) throw new Error(`ledger account ${accountKey(p.account)} of programme ${programmeId} is missing`);
        await m.getRepository(LedgerPosting).insert({ entryId: entry.id, accountId: account.id, amountFen: p.amountFen });
        await m.query(`UPDATE voucher_ledger_account SET balance_fen = balance_fen + $1 WHERE id = $2`, [p.amountFen, account.id]);
        account.balanceFen += p.amountFen;
      }
    }
    return entries;
  }

  /** Balances of a programme by account kind (vouchers' accounts summed), and their total. */
  async balances(m: EntityManager, programmeId: string): Promise<Record<AccountKind, number>> {
    const rows: Array<{ kind: AccountKind; total: string }> = await m.query(
      `SELECT kind, SUM(balance_fen)::bigint AS total FROM voucher_ledger_account WHERE programme_id = $1 GROUP BY kind`, [programmeId]);
    const out = { pool: 0, issued: 0, reserved: 0, paid: 0, returned: 0, voided: 0 } as Record<AccountKind, number>;
    for (const r of rows) out[r.kind] = Number(r.total);
    return out;
  }

  async voucherBalances(m: EntityManager, voucherId: string): Promise<Record<'issued' | 'reserved' | 'paid', number>> {
    const rows: Array<{ kind: 'issued' | 'reserved' | 'paid'; balance_fen: string }> = await m.query(
      `SELECT kind, balance_fen FROM voucher_ledger_account WHERE voucher_id = $1`, [voucherId]);
    const out = { issued: 0, reserved: 0, paid: 0 };
    for (const r of rows) out[r.kind] = Number(r.balance_fen);
    return out;
  }

  async entries(m: EntityManager, programmeId: string, skip: number, take: number): Promise<[LedgerEntry[], number]> {
    return m.getRepository(LedgerEntry).findAndCount({ where: { programmeId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }
}

export { InsufficientBalanceError };
