/**
 * `pnpm staff:create --username ada --name "Ada Lovelace" --roles admin`
 * Creates a staff account directly in the database (the first admin of a real deployment). The
 * operator already holds the database, so roles apply at once; admins use enrolment links instead.
 * The password is read from DOCKET_STAFF_PASSWORD or prompted for, never taken from argv,
 * so it does not land in shell history or the process list.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { OperatorStaffBody } from '@docket/contracts';
import { connect, migrateToLatest } from '@docket/db';
import { runSystemAction } from '../actions/context';
import { loadConfig } from '../config';
import { AppError } from '../http/problem';
import { createStaffAsOperator } from './staff';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    roles: { type: 'string', default: 'admin' },
  },
});

async function readPassword(): Promise<string> {
  if (process.env.DOCKET_STAFF_PASSWORD) return process.env.DOCKET_STAFF_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question('Password (12+ characters): ');
  } finally {
    rl.close();
  }
}

const parsed = OperatorStaffBody.safeParse({
  username: values.username,
  displayName: values.name ?? values.username,
  roles: values.roles?.split(',').map((role) => role.trim()),
  password: await readPassword(),
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
  console.error('usage: pnpm staff:create --username NAME [--name "Display Name"] [--roles admin,reviewer]');
  process.exit(2);
}

const config = loadConfig();
const connection = await connect({ databaseUrl: config.databaseUrl, poolSize: 1 });
try {
  await migrateToLatest(connection.db);
  const user = await runSystemAction(connection.db, (ctx) => createStaffAsOperator(ctx, parsed.data), 'staff:create');
  console.log(`created ${user.username} (${user.roles.join(', ')}) id ${user.id}`);
} catch (error) {
  console.error(error instanceof AppError ? error.detail : error);
  process.exitCode = 1;
} finally {
  await connection.close();
}
