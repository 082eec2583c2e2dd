/** `pnpm bench`: runs every scenario against a real API server and prints its figures. */
import { startBenchServer } from './harness';
import { benchIntake } from './intake';
import { benchSessionLookup } from './session-lookup';

const server = await startBenchServer();
try {
  console.log(`docket bench — node ${process.version}, ${new Date().toISOString()}\n`);
  await benchSessionLookup(server);
  console.log();
  await benchIntake(server);
} finally {
  await server.close();
}
