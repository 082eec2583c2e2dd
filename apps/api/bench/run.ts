/**
 * `pnpm bench [scenario …]`: runs the named scenarios (default: all) and prints their figures.
 * Server scenarios run against a real API process on a fresh database.
 */
import { benchAudit } from './audit';
import { benchClaims } from './claims';
import { benchConversationRead } from './conversation-read';
import { benchDemoGeneration } from './demo-generation';
import { type BenchServer, startBenchServer } from './harness';
import { benchIntake } from './intake';
import { benchLegalRead } from './legal-read';
import { benchOutbox } from './outbox';
import { benchSealer } from './sealer';
import { benchSessionLookup } from './session-lookup';
import { benchShred } from './shred';
import { benchTransparency } from './transparency';

// Memory-measuring scenarios run first, before server scenarios have grown this process.
const SCENARIOS: Record<string, { server: boolean; run: (server: BenchServer) => Promise<void> }> = {
  'demo-generation': { server: false, run: () => benchDemoGeneration() },
  session: { server: true, run: benchSessionLookup },
  intake: { server: true, run: benchIntake },
  claims: { server: true, run: benchClaims },
  'conversation-read': { server: true, run: benchConversationRead },
  'legal-read': { server: true, run: benchLegalRead },
  sealer: { server: true, run: benchSealer },
  shred: { server: true, run: benchShred },
  transparency: { server: true, run: benchTransparency },
  // Starts a server of its own, with sealing on.
  audit: { server: false, run: () => benchAudit() },
  // Starts a server of its own, with background jobs off.
  outbox: { server: false, run: () => benchOutbox() },
};

const asked = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = asked.filter((name) => !(name in SCENARIOS));
if (unknown.length > 0) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const chosen = asked.length > 0 ? asked : Object.keys(SCENARIOS);

console.log(`docket bench — node ${process.version}, ${new Date().toISOString()}`);
const server = chosen.some((name) => SCENARIOS[name]?.server) ? await startBenchServer() : undefined;
try {
  for (const name of chosen) {
    console.log();
    await SCENARIOS[name]?.run(server as BenchServer);
  }
} finally {
  await server?.close();
}
