import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `DOCKET_DATA_DIR`, or `.data/` at the repository root: local state that git ignores. */
export function dataDir(): string {
  const configured = process.env.DOCKET_DATA_DIR;
  if (configured) return path.resolve(configured);
  // Found by walking up, so the API's bundled build (apps/api/dist) finds the same folder as its source.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, '.data');
}
