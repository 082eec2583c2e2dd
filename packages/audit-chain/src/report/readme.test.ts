import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { FIGURE_TABLE_END, FIGURE_TABLE_START, figureTableMarkdown } from './table';

it('has the README table of figures exactly as the one definition in code gives it', () => {
  const readme = readFileSync(resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
  const start = readme.indexOf(FIGURE_TABLE_START);
  const end = readme.indexOf(FIGURE_TABLE_END);
  expect(start, 'README has the generated table').toBeGreaterThan(-1);
  // Regenerate with: pnpm --filter @docket/audit-chain exec tsx -e "import('./src/report/table.ts').then(m => console.log(m.figureTableMarkdown()))"
  expect(readme.slice(start, end + FIGURE_TABLE_END.length)).toBe(figureTableMarkdown());
});
