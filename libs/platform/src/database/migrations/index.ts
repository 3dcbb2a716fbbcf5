import type { MigrationInterface } from 'typeorm';
import { Platform1764000000000 } from './1764000000000-Platform';
import { Identity1764000100000 } from './1764000100000-Identity';
import { Notification1764000150000 } from './1764000150000-Notification';
import { SearchDocuments1764100000000 } from './1764100000000-SearchDocuments';

/** Every migration, in any order (TypeORM sorts by the timestamp in the class name). */
export const migrations: Array<new () => MigrationInterface> = [
  Platform1764000000000,
  Identity1764000100000,
  Notification1764000150000,
  SearchDocuments1764100000000,
];
