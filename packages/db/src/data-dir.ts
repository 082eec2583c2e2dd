import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `DOCKET_DATA_DIR`, or `.data/` at the repository root: local state that git ignores. */
export function dataDir(): string {
  const configured = process.env.DOCKET_DATA_DIR;
  if (configured) return path.resolve(configured);
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../.data');
}
