import { TransactionRunner } from '@techbridge/platform';
import { createTestDatabase, TestDatabase } from '@techbridge/testing';

/** A facade called inside another context's unit of work joins it: it commits with the caller, and its failure undoes only its own part. */
describe('TransactionRunner: units of work that compose (PostgreSQL)', () => {
  let db: TestDatabase;
  let tx: TransactionRunner;
  const rows = async () => (await db.dataSource.query(`SELECT v FROM tx_probe ORDER BY v`)).map((r: { v: string }) => r.v);

  beforeAll(async () => {
    db = await createTestDatabase();
    tx = new TransactionRunner(db.dataSource);
    await db.dataSource.query(`CREATE TABLE tx_probe (v text PRIMARY KEY)`);
  });
  beforeEach(async () => {
    await db.dataSource.query(`DELETE FROM tx_probe`);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('joined work commits with the caller, and is undone with it', async () => {
    await tx.run(async (m) => {
      await m.query(`INSERT INTO tx_probe VALUES ('caller')`);
      await tx.run((inner) => inner.query(`INSERT INTO tx_probe VALUES ('joined')`), m);
      // Not visible outside before the caller commits: it is one transaction, not two.
      expect(await rows()).toEqual([]);
    });
    expect(await rows()).toEqual(['caller', 'joined']);

    await expect(
      tx.run(async (m) => {
        await tx.run((inner) => inner.query(`INSERT INTO tx_probe VALUES ('joined-2')`), m);
        throw new Error('the caller fails after the joined work');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await rows()).toEqual(['caller', 'joined']);
  });

  it('a failing joined part is undone alone and the caller goes on, even after a database error', async () => {
    await tx.run(async (m) => {
      await m.query(`INSERT INTO tx_probe VALUES ('a')`);
      await expect(
        tx.run(async (inner) => {
          await inner.query(`INSERT INTO tx_probe VALUES ('b')`);
          await inner.query(`INSERT INTO tx_probe VALUES ('a')`); // unique violation aborts only the savepoint
        }, m),
      ).rejects.toThrow();
      await m.query(`INSERT INTO tx_probe VALUES ('c')`);
    });
    expect(await rows()).toEqual(['a', 'c']);
  });
});
