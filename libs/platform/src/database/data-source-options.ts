import type { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';

/**
 * Options shared by the Nest connection, the migration command and the test template.
 * Migrations are an explicit list (not a glob) so the same code runs from ts (jest) and from dist.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migration',
    extra: { max: 10 },
    ...extra,
  } as DataSourceOptions;
}
