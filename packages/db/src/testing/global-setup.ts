import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, dropDatabase } from './databases';
import { startTestServer } from './server';

/** Once per run: a Postgres server and a migrated template that each test file clones. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = await createTemplateDatabase(server.adminUrl);
  project.provide('testDatabaseAdminUrl', server.adminUrl);
  project.provide('testDatabaseTemplate', template);
  return async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
