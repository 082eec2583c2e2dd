export { createTemplateDatabase, createTestDatabase, dropDatabase, type TestDatabase } from './databases';
export { databaseUrl, startTestServer, type TestServer, withAdminClient } from './server';
