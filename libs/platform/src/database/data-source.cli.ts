import 'reflect-metadata';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * For `npm run migration:generate` only: globs every context's entities so TypeORM can diff them
 * against the database. The database URL comes from DATABASE_URL (a scratch database is best).
 */
const libs = path.resolve(__dirname, '../../..');
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/techbridge_dev', {
    entities: [path.join(libs, '*/src/**/*.entity.{ts,js}')],
  }),
);
