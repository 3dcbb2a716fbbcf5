/**
 * The voucher ledger's rules, pure: which accounts a movement debits and credits, and whether the balances allow it.
 * Amounts are integer fen. A programme's accounts (pool, returned, voided) and each voucher's (issued, reserved, paid)
 * sum to the programme's budget at every instant, because every entry but the opening one nets to zero and no
 * balance may go below zero (the database enforces both; this module decides the postings).
 */
export const ACCOUNT_KINDS = ['pool', 'issued', 'reserved', 'paid', 'returned', 'voided'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export const PROGRAMME_ACCOUNTS: readonly AccountKind[] = ['pool', 'returned', 'voided'];
export const VOUCHER_ACCOUNTS: readonly AccountKind[] = ['issued', 'reserved', 'paid'];

export const ENTRY_KINDS = ['open', 'issue', 'reserve', 'release', 'pay', 'return', 'expire', 'void'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface AccountRef {
  kind: AccountKind;
  /** null for a programme's own accounts. */
  voucherId: string | null;
}

export interface Posting {
  account: AccountRef;
  /** Positive credits the account, negative debits it. */
  amountFen: number;
}

export interface PlannedEntry {
  kind: EntryKind;
  voucherId: string | null;
  amountFen: number;
  postings: Posting[];
}

/**
 * issue: from the returned money first, then the pool, to the voucher; reserve/release: between the voucher's issued
 * and reserved; pay: reserved → paid; return: what a voucher still holds (issued and reserved) → returned, available
 * to issue again; expire: the unused issued amount → returned; void: what a voucher still holds → voided (lost to
 * fraud, never issued again).
 */
export type Movement =
  | { kind: 'issue'; voucherId: string; amountFen: number }
  | { kind: 'reserve'; voucherId: string; amountFen: number }
  | { kind: 'release'; voucherId: string }
  | { kind: 'pay'; voucherId: string; amountFen: number }
  | { kind: 'return'; voucherId: string }
  | { kind: 'expire'; voucherId: string }
  | { kind: 'void'; voucherId: string };

export class InsufficientBalanceError extends Error {
  constructor(readonly account: AccountRef, readonly balanceFen: number, readonly neededFen: number) {
    super(`${account.kind}${account.voucherId ? `:${account.voucherId}` : ''} holds ${balanceFen} fen, ${neededFen} needed`);
  }
}

export function accountKey(a: AccountRef): string {
  return `${a.kind}:${a.voucherId ?? ''}`;
}

export function isFen(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}

const programme = (kind: AccountKind): AccountRef => ({ kind, voucherId: null });
const voucher = (kind: AccountKind, voucherId: string): AccountRef => ({ kind, voucherId });

function transfer(kind: EntryKind, voucherId: string, from: AccountRef, to: AccountRef, amountFen: number, balanceOf: (a: AccountRef) => number): PlannedEntry {
  if (!isFen(amountFen)) throw new RangeError(`amount must be a positive integer of fen, got ${amountFen}`);
  const have = balanceOf(from);
  if (have < amountFen) throw new InsufficientBalanceError(from, have, amountFen);
  return { kind, voucherId, amountFen, postings: [{ account: from, amountFen: -amountFen }, { account: to, amountFen }] };
}

/** The entries one movement writes (none when there is nothing to move), or InsufficientBalanceError. */
export function planMovement(move: Movement, balanceOf: (a: AccountRef) => number): PlannedEntry[] {
  const v = move.voucherId;
  switch (move.kind) {
    case 'issue': {
      if (!isFen(move.amountFen)) throw new RangeError(`amount must be a positive integer of fen, got ${move.amountFen}`);
      const returned = balanceOf(programme('returned'));
      const pool = balanceOf(programme('pool'));
      if (returned + pool < move.amountFen) throw new InsufficientBalanceError(programme('pool'), returned + pool, move.amountFen);
      const fromReturned = Math.min(returned, move.amountFen);
      const out: PlannedEntry[] = [];
      if (fromReturned > 0) out.push(transfer('issue', v, programme('returned'), voucher('issued', v), fromReturned, balanceOf));
      if (move.amountFen > fromReturned) out.push(transfer('issue', v, programme('pool'), voucher('issued', v), move.amountFen - fromReturned, balanceOf));
      return out;
    }
    case 'reserve':
      return [transfer('reserve', v, voucher('issued', v), voucher('reserved', v), move.amountFen, balanceOf)];
    case 'release': {
      const held = balanceOf(voucher('reserved', v));
      return held > 0 ? [transfer('release', v, voucher('reserved', v), voucher('issued', v), held, balanceOf)] : [];
    }
    case 'pay':
      return [transfer('pay', v, voucher('reserved', v), voucher('paid', v), move.amountFen, balanceOf)];
    case 'expire': {
      const held = balanceOf(voucher('issued', v));
      return held > 0 ? [transfer('expire', v, voucher('issued', v), programme('returned'), held, balanceOf)] : [];
    }
    case 'return':
    case 'void': {
      const to = programme(move.kind === 'return' ? 'returned' : 'voided');
      return (['issued', 'reserved'] as const)
        .map((k) => ({ from: voucher(k, v), held: balanceOf(voucher(k, v)) }))
        .filter((x) => x.held > 0)
        .map((x) => transfer(move.kind, v, x.from, to, x.held, balanceOf));
    }
  }
}

/** What the entries moved out of a voucher back to its programme (returned, expired or voided): no longer held by the enterprise. */
export function leftVoucher(entries: PlannedEntry[]): number {
  return entries.filter((e) => e.kind === 'return' || e.kind === 'expire' || e.kind === 'void').reduce((s, e) => s + e.amountFen, 0);
}

/** Balances in memory: what the property test and the ledger view's consistency check apply entries to. */
export class LedgerBook {
  private readonly balances = new Map<string, number>();

  constructor(readonly budgetFen: number) {
    if (!isFen(budgetFen)) throw new RangeError('budget must be a positive integer of fen');
    this.balances.set(accountKey(programme('pool')), budgetFen);
  }

  balanceOf = (a: AccountRef): number => this.balances.get(accountKey(a)) ?? 0;

  /** Plan and apply a movement; nothing changes when it is refused. */
  apply(move: Movement): PlannedEntry[] {
    const entries = planMovement(move, this.balanceOf);
    for (const e of entries) this.post(e);
    return entries;
  }

  post(entry: PlannedEntry): void {
    const net = entry.postings.reduce((s, p) => s + p.amountFen, 0);
    if (net !== 0) throw new Error(`entry ${entry.kind} does not balance`);
    for (const p of entry.postings) {
      const next = this.balanceOf(p.account) + p.amountFen;
      if (next < 0) throw new InsufficientBalanceError(p.account, this.balanceOf(p.account), -p.amountFen);
      this.balances.set(accountKey(p.account), next);
    }
  }

  entries(): Array<[string, number]> {
    return [...this.balances.entries()];
  }

  total(): number {
    let s = 0;
    for (const v of this.balances.values()) s += v;
    return s;
  }
}
