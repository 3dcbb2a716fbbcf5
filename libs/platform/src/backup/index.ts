export { backup, MANIFEST } from './backup';
export type { BackupManifest, BackupOptions } from './backup';
export { restore, RestoreRefused, verifyBackup } from './restore';
export type { RestoreOptions, RestoreReport } from './restore';
export { tableFigures, compareFigures } from './table-checksums';
export type { TableFigures } from './table-checksums';
