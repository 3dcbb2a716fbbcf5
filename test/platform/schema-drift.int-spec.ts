import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@techbridge/platform';
import { createTestDatabase, TestDatabase } from '@techbridge/testing';

/**
 * The entities describe the schema the migrations build: `npm run migration:generate` on a migrated database finds
 * nothing to do. A new index, check, foreign key or default goes into a migration AND into the entity's decorators;
 * this test lists what differs when one side is missing.
 */
describe('schema: entities and migrations agree', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(db.url, { entities: [path.resolve(__dirname, '../../libs/*/src/**/*.entity.ts')] }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  it('migration:generate finds no difference on a migrated database', async () => {
    const diff = await ds.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
    // The glob found the entities (an empty glob would agree with anything).
    expect(ds.entityMetadatas.length).toBeGreaterThan(40);
  });
});
