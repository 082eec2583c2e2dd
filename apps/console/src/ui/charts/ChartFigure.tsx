/**
 * One chart with its numbers (ADR 041): a titled figure, the Recharts drawing, and the same
 * figures as a table beneath it, so no number is only a picture. Shared by the dashboard and
 * the transparency report; imported only from lazy pages, so Recharts stays off the first load.
 */
import { type ReactElement, type ReactNode, useId } from 'react';
import { ResponsiveContainer } from 'recharts';
import { EmptyState } from '../EmptyState';
import '../table.css';
import './charts.css';

export interface TableColumn<Row> {
  label: string;
  value: (row: Row) => ReactNode;
  /** Right-aligned, tabular digits. */
  numeric?: boolean;
}

export interface ChartFigureProps<Row> {
  title: string;
  description?: ReactNode;
  /** The chart itself (a Recharts chart element); left out when there is nothing to draw. */
  chart: ReactElement;
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  rowKey: (row: Row) => string;
  /** What the empty figure says, and what would fill it. */
  empty: { title: string; body?: ReactNode };
  height?: number;
  /** Show the table open (a report prints its numbers). */
  tableOpen?: boolean;
}

export function ChartFigure<Row>({
  title,
  description,
  chart,
  rows,
  columns,
  rowKey,
  empty,
  height = 240,
  tableOpen = false,
}: ChartFigureProps<Row>) {
  const headingId = useId();
  return (
    <figure className="chart-figure" aria-labelledby={headingId}>
      <figcaption>
        <h2 id={headingId} className="chart-title">
          {title}
        </h2>
        {description && <p className="chart-description">{description}</p>}
      </figcaption>
      {rows.length === 0 ? (
        <EmptyState title={empty.title}>{empty.body}</EmptyState>
      ) : (
        <>
          <div className="chart-frame" style={{ height }} aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              {chart}
            </ResponsiveContainer>
          </div>
          <details className="chart-numbers" open={tableOpen}>
            <summary>Numbers</summary>
            <FigureTable caption={title} rows={rows} columns={columns} rowKey={rowKey} />
          </details>
        </>
      )}
    </figure>
  );
}

/** The figures of a chart as a plain table: readable by a screen reader, copyable, printable. */
export function FigureTable<Row>({
  caption,
  rows,
  columns,
  rowKey,
}: {
  caption: string;
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  rowKey: (row: Row) => string;
}) {
  return (
    <div className="chart-table-wrap">
      <table className="data-table chart-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'column column-number' : 'column'}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="row">
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.label} scope="row" className="cell">
                    {column.value(row)}
                  </th>
                ) : (
                  <td key={column.label} className={column.numeric ? 'cell cell-number' : 'cell'}>
                    {column.value(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
