export { type Connection, type ConnectOptions, connect, type DatabaseKind } from './connect';
export { dataDir } from './data-dir';
export type { ListenHandlers } from './listen';
export { migrateToLatest } from './migrator';
export { isDatabaseOutage } from './outage';
export { PGliteDialect } from './pglite-dialect';
export type * from './schema';
