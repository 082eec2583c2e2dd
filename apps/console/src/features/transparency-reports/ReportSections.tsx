/**
 * A report's figures, section by section: headline numbers as a table, and each breakdown as a
 * chart with its table. Suppressed counts are drawn as a range bar and written as "min–max".
 */
import type { TransparencyReport } from '@docket/contracts';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure, FigureTable } from '../../ui/charts/ChartFigure';
import { pivot, seriesColour } from '../../ui/charts/series';
import { breakdownOf, bySection, type FigureRow, formatValue, SECTION_TITLES, type SectionFigures } from './figures';

type Breakdown = SectionFigures['breakdowns'][number];

function OneDimension({ definition, rows }: Breakdown) {
  const data = rows.map((row) => ({
    x: breakdownOf(row.by),
    exact: row.status === 'exact' ? row.value : null,
    range: row.status === 'suppressed' && row.range ? [row.range.min, row.range.max] : null,
  }));
  return (
    <BarChart data={data}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="x" />
      <YAxis allowDecimals={definition.unit !== 'count'} />
      <Tooltip />
      <Legend />
      <Bar dataKey="exact" name={definition.label} fill={seriesColour(0)} />
      <Bar dataKey="range" name="Suppressed: range" fill={seriesColour(0)} fillOpacity={0.3} />
    </BarChart>
  );
}

/** Two dimensions (country × instrument, pathway × code): stacked exact values; ranges are in the table. */
function TwoDimensions({ definition, rows }: Breakdown) {
  const [first = '', second = ''] = definition.by;
  const seriesKeys = [...new Set(rows.map((row) => row.by[second] ?? ''))].sort();
  const data = pivot(
    rows.filter((row) => row.status === 'exact'),
    (row) => row.by[first] ?? '',
    (row) => row.by[second] ?? '',
    (row) => row.value ?? 0,
    seriesKeys,
  );
  return (
    <BarChart data={data}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="x" />
      <YAxis allowDecimals={false} />
      <Tooltip />
      <Legend />
      {seriesKeys.map((key, i) => (
        <Bar key={key} dataKey={key} name={key.replaceAll('_', ' ')} stackId="breakdown" fill={seriesColour(i)} />
      ))}
    </BarChart>
  );
}

function BreakdownFigure(breakdown: Breakdown) {
  const { definition, rows } = breakdown;
  const dimensions = definition.by;
  return (
    <ChartFigure<FigureRow>
      title={definition.label}
      description={`${definition.description}${dimensions.length > 1 ? ' Suppressed cells appear in the table as ranges.' : ''}`}
      rows={rows}
      rowKey={(row) => JSON.stringify(row.by)}
      columns={[
        ...dimensions.map((dimension) => ({
          label: dimension,
          value: (row: FigureRow) => (row.by[dimension] ?? '').replaceAll('_', ' '),
        })),
        { label: 'Value', value: (row) => formatValue(row, definition.unit), numeric: true },
      ]}
      empty={{ title: 'None in this period' }}
      chart={dimensions.length > 1 ? <TwoDimensions {...breakdown} /> : <OneDimension {...breakdown} />}
    />
  );
}

export function ReportSections({ report }: { report: TransparencyReport }) {
  return (
    <>
      {bySection(report).map((section) => (
        <section key={section.section} className="report-section" aria-labelledby={`section-${section.section}`}>
          <h2 id={`section-${section.section}`} className="report-section-title">
            {SECTION_TITLES[section.section]}
          </h2>
          <FigureTable
            caption={`${SECTION_TITLES[section.section]}: totals`}
            rows={section.totals}
            rowKey={(total) => total.definition.id}
            columns={[
              { label: 'Figure', value: (total) => total.definition.label },
              {
                label: 'Value',
                value: (total) =>
                  total.row
                    ? formatValue(total.row, total.definition.unit)
                    : total.definition.unit === 'count'
                      ? '0'
                      : 'no data',
                numeric: true,
              },
            ]}
          />
          <div className="chart-grid">
            {section.breakdowns.map((breakdown) => (
              <BreakdownFigure key={breakdown.definition.id} {...breakdown} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
