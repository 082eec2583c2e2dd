export { type Connection, type ConnectOptions, connect, type DatabaseKind, type PoolStats } from './connect';
export { dataDir } from './data-dir';
export type { ListenHandlers } from './listen';
export { migrateToLatest, pendingMigrations } from './migrator';
export { isDatabaseOutage } from './outage';
export { PGliteDialect } from './pglite-dialect';
export { PREPARED } from './prepared';
export type * from './schema';
