/** The README's table of figures, generated from `FIGURES` so the two never disagree (readme.test.ts). */
import { FIGURES } from './figures';

export const FIGURE_TABLE_START = '<!-- transparency figures: generated from FIGURES, do not edit -->';
export const FIGURE_TABLE_END = '<!-- end of transparency figures -->';

export function figureTableMarkdown(): string {
  const rows = FIGURES.map(
    (figure) =>
      `| \`${figure.id}\` | ${figure.label} | ${figure.unit} | ${figure.by.join(' × ') || '—'} | ${figure.description} |`,
  );
  return [
    FIGURE_TABLE_START,
    '| id | figure | unit | by | what it counts |',
    '|---|---|---|---|---|',
    ...rows,
    FIGURE_TABLE_END,
  ].join('\n');
}
