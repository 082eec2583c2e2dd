export { createTemplateDatabase, createTestDatabase, dropDatabase, type TestDatabase } from './databases';
export { databaseUrl, freePort, startTestServer, type TestServer, withAdminClient } from './server';
