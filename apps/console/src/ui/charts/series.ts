/** Chart colours (SVG attributes take plain colours) and the pivot most charts need. */

/** Distinct, colour-blind-friendly hues (Okabe–Ito, darkened for contrast on white). */
export const SERIES_COLOURS = ['#1f5fbf', '#d55e00', '#0b7a46', '#8a3ffc', '#b8860b', '#cc79a7', '#009e9e', '#596270'];

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length] as string;

/**
 * Long rows (one per x and series) to wide ones (one per x, a field per series), as Recharts
 * draws them; a missing pair is 0, so stacked bars and lines do not break.
 */
export function pivot<Row>(
  rows: readonly Row[],
  x: (row: Row) => string,
  series: (row: Row) => string,
  value: (row: Row) => number,
  seriesKeys: readonly string[],
): Record<string, string | number>[] {
  const wide = new Map<string, Record<string, string | number>>();
  for (const row of rows) {
    const key = x(row);
    let entry = wide.get(key);
    if (!entry) {
      entry = { x: key, ...Object.fromEntries(seriesKeys.map((s) => [s, 0])) };
      wide.set(key, entry);
    }
    entry[series(row)] = ((entry[series(row)] as number | undefined) ?? 0) + value(row);
  }
  return [...wide.values()].sort((a, b) => String(a.x).localeCompare(String(b.x)));
}
