export { type Connection, type ConnectOptions, connect, type DatabaseKind } from './connect';
export { dataDir } from './data-dir';
export { migrateToLatest } from './migrator';
export { PGliteDialect } from './pglite-dialect';
export type * from './schema';
