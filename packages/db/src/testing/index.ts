export { createTemplateDatabase, createTestDatabase, dropDatabase, type TestDatabase } from './databases';
export {
  databaseUrl,
  type EmbeddedServer,
  freePort,
  startEmbeddedServer,
  startTestServer,
  type TestServer,
  withAdminClient,
} from './server';
