import { connect } from './connect';
import { migrateToLatest } from './migrator';

// Migrations run as the schema's owner; the application may log in as a role that cannot.
const connection = await connect({ databaseUrl: process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL });
try {
  const results = await migrateToLatest(connection.db);
  for (const result of results) console.log(`${result.status.toLowerCase()}: ${result.migrationName}`);
  console.log(`database at ${connection.location} is up to date (${results.length} applied)`);
} finally {
  await connection.close();
}
