import { createTestApp, Session, signUpOrganisation, TestApp } from '../support/test-app';
import { applyFor, createProgramme, DAY, ledgerOf, verifiedParkAdmin } from './voucher-helpers';

/** First come, first served under load: 100 enterprises racing for the last vouchers of a round. */
describe('vouchers: 100 enterprises racing for the last vouchers', () => {
  let t: TestApp;
  let park: Session;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
    park = await verifiedParkAdmin(t.api);
  });
  afterAll(() => t.close());

  it('never screens more than the round holds, never issues more than the budget', async () => {
    const now = t.clock.now().getTime();
    // Budget and round for 12 vouchers of 500,000 fen; 9 already taken, 3 left for the race.
    const p = await createProgramme(t, park, {
      budgetFen: 6_000_000, yearlyCapFen: 1_000_000, faceValuesFen: [500_000],
      rounds: [{ opensAt: new Date(now - DAY).toISOString(), closesAt: new Date(now + DAY).toISOString(), quotaFen: 6_000_000 }],
    });
    const early: string[] = [];
    for (let i = 0; i < 9; i++) {
      const e = await signUpOrganisation(t.api, 'enterprise');
      const res = await applyFor(t.api, e, p.id);
      expect(res.body.status).toBe('screened');
      early.push(res.body.id);
    }
    const racers: Session[] = [];
    for (let i = 0; i < 100; i++) racers.push(await signUpOrganisation(t.api, 'enterprise'));

    const results = await Promise.all(racers.map((e) => applyFor(t.api, e, p.id)));
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status !== 201);
    expect(won).toHaveLength(3);
    expect(won.every((r) => r.body.status === 'screened')).toBe(true);
    expect(lost).toHaveLength(97);
    expect(new Set(lost.map((r) => `${r.status}:${r.body.code}`))).toEqual(new Set(['409:VOUCHER_ROUND_EXHAUSTED']));
    const [round] = await t.db.dataSource.query(`SELECT quota_fen, issued_fen FROM voucher_round WHERE programme_id = $1`, [p.id]);
    expect(Number(round.issued_fen)).toBe(6_000_000);

    // Staff issue all twelve at once: the ledger's row locks serialise them; the budget is exactly spent.
    const ids = [...early, ...won.map((r) => r.body.id)];
    const issued = await Promise.all(ids.map((id) => t.api.post(`vouchers/${id}/issue`, {}, { token: park.accessToken })));
    expect(issued.map((r) => r.status)).toEqual(ids.map(() => 200));
    const ledger = await ledgerOf(t.api, park, p.id);
    expect(ledger.balances).toMatchObject({ pool: 0, issued: 6_000_000 });
    expect(ledger.totalFen).toBe(6_000_000);
    const [{ n }] = await t.db.dataSource.query(`SELECT COUNT(*)::int AS n FROM voucher WHERE programme_id = $1 AND status = 'issued'`, [p.id]);
    expect(n).toBe(12);
  }, 180_000);
});
