import fc from 'fast-check';
import { InsufficientBalanceError, LedgerBook, Movement, planMovement } from './ledger.rules';

const VOUCHERS = ['v1', 'v2', 'v3', 'v4', 'v5'];

// Amounts a budget holds many of, and issues weighted up, so that sequences reach reserve, pay and the rest with
// money on the accounts (not only refusals and empty moves).
const fen = fc.integer({ min: 1, max: 300_000 });
const movement: fc.Arbitrary<Movement> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('issue' as const), voucherId: fc.constantFrom(...VOUCHERS), amountFen: fen }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('reserve' as const), voucherId: fc.constantFrom(...VOUCHERS), amountFen: fen }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('pay' as const), voucherId: fc.constantFrom(...VOUCHERS), amountFen: fen }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constantFrom('release' as const, 'return' as const, 'expire' as const, 'void' as const), voucherId: fc.constantFrom(...VOUCHERS) }), weight: 2 },
);

describe('voucher ledger rules', () => {
  it('random issue/reserve/pay/release/return/expire/void sequences keep every balance >= 0 and the sum equal to the budget', () => {
    let applied = 0;
    let refused = 0;
    const posted: Record<string, number> = {};
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000_000 }), fc.array(movement, { minLength: 20, maxLength: 80, size: 'max' }), (budget, moves) => {
        const book = new LedgerBook(budget);
        for (const m of moves) {
          const before = book.entries();
          try {
            const entries = book.apply(m);
            applied++;
            for (const e of entries) {
              expect(e.postings.reduce((s, p) => s + p.amountFen, 0)).toBe(0);
              posted[e.kind] = (posted[e.kind] ?? 0) + 1;
            }
          } catch (err) {
            if (!(err instanceof InsufficientBalanceError)) throw err;
            refused++;
            // A refused movement changes nothing.
            expect(book.entries()).toEqual(before);
          }
          for (const [, b] of book.entries()) expect(b).toBeGreaterThanOrEqual(0);
          expect(book.total()).toBe(budget);
        }
      }),
      { numRuns: 500 },
    );
    // The generator must exercise both outcomes, or the property says little.
    expect(applied).toBeGreaterThan(5000);
    expect(refused).toBeGreaterThan(100);
    for (const kind of ['issue', 'reserve', 'release', 'pay', 'return', 'expire', 'void']) expect(posted[kind] ?? 0).toBeGreaterThan(100);
    // 500 sequences of up to 80 movements: about a second alone, longer on a loaded machine.
  }, 60_000);

  it('issues from returned money before the pool', () => {
    const book = new LedgerBook(1000);
    book.apply({ kind: 'issue', voucherId: 'a', amountFen: 600 });
    book.apply({ kind: 'expire', voucherId: 'a' });
    const entries = book.apply({ kind: 'issue', voucherId: 'b', amountFen: 800 });
    expect(entries.map((e) => [e.postings[0].account.kind, e.amountFen])).toEqual([['returned', 600], ['pool', 200]]);
    expect(book.balanceOf({ kind: 'pool', voucherId: null })).toBe(200);
  });

  it('refuses to issue beyond the pool and returned money together', () => {
    const book = new LedgerBook(1000);
    expect(() => planMovement({ kind: 'issue', voucherId: 'a', amountFen: 1001 }, book.balanceOf)).toThrow(InsufficientBalanceError);
  });

  it('void moves issued and reserved money of the voucher to voided; paid stays paid', () => {
    const book = new LedgerBook(1000);
    book.apply({ kind: 'issue', voucherId: 'a', amountFen: 500 });
    book.apply({ kind: 'reserve', voucherId: 'a', amountFen: 300 });
    book.apply({ kind: 'pay', voucherId: 'a', amountFen: 100 });
    book.apply({ kind: 'void', voucherId: 'a' });
    expect(book.balanceOf({ kind: 'voided', voucherId: null })).toBe(400);
    expect(book.balanceOf({ kind: 'paid', voucherId: 'a' })).toBe(100);
    expect(book.total()).toBe(1000);
  });
});
