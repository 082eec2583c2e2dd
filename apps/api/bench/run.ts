/** `pnpm bench`: runs every scenario against a real API server and prints its figures. */
import { startBenchServer } from './harness';
import { benchSessionLookup } from './session-lookup';

const server = await startBenchServer();
try {
  console.log(`docket bench — node ${process.version}, ${new Date().toISOString()}\n`);
  await benchSessionLookup(server);
} finally {
  await server.close();
}
