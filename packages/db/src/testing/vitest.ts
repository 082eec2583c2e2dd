import { afterAll, beforeAll, inject } from 'vitest';
import { type Connection, connect } from '../connect';
import { createTestDatabase, type TestDatabase } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
    testDatabaseTemplate: string;
  }
}

/**
 * Gives the calling test file a migrated database of its own on the real test server.
 * Read `.connection` / `.url` inside tests (they are set in beforeAll).
 */
export function useTestDatabase(): { readonly connection: Connection; readonly url: string } {
  let database: TestDatabase | undefined;
  let connection: Connection | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDatabaseAdminUrl'), inject('testDatabaseTemplate'));
    connection = await connect({ databaseUrl: database.url, poolSize: 10 });
  });
  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });
  return {
    get connection() {
      if (!connection) throw new Error('useTestDatabase: read .connection inside a test or hook');
      return connection;
    },
    get url() {
      if (!database) throw new Error('useTestDatabase: read .url inside a test or hook');
      return database.url;
    },
  };
}
