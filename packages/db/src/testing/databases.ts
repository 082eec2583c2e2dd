import { randomBytes } from 'node:crypto';
import { connect } from '../connect';
import { migrateToLatest } from '../migrator';
import { databaseUrl, withAdminClient } from './server';

/**
 * Creates a migrated template database once; every test file then clones it, which takes
 * milliseconds instead of re-running migrations.
 */
export async function createTemplateDatabase(adminUrl: string): Promise<string> {
  const name = `docket_template_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
  const connection = await connect({ databaseUrl: databaseUrl(adminUrl, name), poolSize: 1 });
  try {
    await migrateToLatest(connection.db);
  } finally {
    await connection.close();
  }
  return name;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database of its own for one test file, cloned from the migrated template. */
export async function createTestDatabase(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `docket_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name} template ${template}`));
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => dropDatabase(adminUrl, name),
  };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}
