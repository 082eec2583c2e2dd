/** The team's queues: depth and oldest case over time (from snapshots), and SLA breaches by day. */
import type { Dashboard } from '@docket/contracts';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../ui/charts/ChartFigure';
import { pivot, seriesColour } from '../../ui/charts/series';
import { formatBucket, formatMinutes, namer } from './format';

type Point = Dashboard['queueHistory'][number];

export function QueueCharts({ data }: { data: Dashboard }) {
  const queueName = namer(data.queues);
  const queueIds = data.queues.map((q) => q.id);
  const at = (p: Point) => formatBucket(p.at, data.queueBucket);
  const since = data.queueHistorySince
    ? `Snapshots since ${data.queueHistorySince.slice(0, 16).replace('T', ' ')} UTC.`
    : 'No snapshot recorded yet: the first is taken within minutes of the API starting.';
  const depth = pivot(
    data.queueHistory,
    at,
    (p) => p.queueId,
    (p) => p.openCases,
    queueIds,
  );
  const age = pivot(
    data.queueHistory,
    at,
    (p) => p.queueId,
    (p) => Math.round((p.oldestAgeMinutes ?? 0) / 6) / 10,
    queueIds,
  );
  const breaches = pivot(
    data.slaBreaches,
    (d) => d.day,
    (d) => d.queueId,
    (d) => d.breached,
    queueIds,
  );
  const lines = (unit: string) =>
    queueIds.map((id, i) => (
      <Line
        key={id}
        type="monotone"
        dataKey={id}
        name={`${queueName(id)}${unit}`}
        stroke={seriesColour(i)}
        dot={false}
      />
    ));
  const queueColumn = { label: 'Queue', value: (p: { queueId: string }) => queueName(p.queueId) };

  return (
    <>
      <ChartFigure
        title="Queue depth"
        description={`Most open cases per ${data.queueBucket} in each queue. ${since}`}
        rows={data.queueHistory}
        rowKey={(p) => `${p.at} ${p.queueId}`}
        columns={[
          { label: 'Time (UTC)', value: at },
          queueColumn,
          { label: 'Open', value: (p) => p.openCases, numeric: true },
          { label: 'In review', value: (p) => p.inReview, numeric: true },
          { label: 'Past SLA', value: (p) => p.slaBreached, numeric: true },
        ]}
        empty={{ title: 'No queue history in this period', body: since }}
        chart={
          <LineChart data={depth}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {lines('')}
          </LineChart>
        }
      />
      <ChartFigure
        title="Oldest open case"
        description={`Age of the oldest open case in each queue (hours), at its largest per ${data.queueBucket}.`}
        rows={data.queueHistory}
        rowKey={(p) => `${p.at} ${p.queueId}`}
        columns={[
          { label: 'Time (UTC)', value: at },
          queueColumn,
          { label: 'Oldest open case', value: (p) => formatMinutes(p.oldestAgeMinutes), numeric: true },
        ]}
        empty={{ title: 'No queue history in this period', body: since }}
        chart={
          <LineChart data={age}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" />
            <YAxis unit=" h" />
            <Tooltip />
            <Legend />
            {lines(' (h)')}
          </LineChart>
        }
      />
      <ChartFigure
        title="SLA breaches"
        description="Cases whose SLA fell due each day with no decision by then, by queue."
        rows={data.slaBreaches}
        rowKey={(d) => `${d.day} ${d.queueId}`}
        columns={[
          { label: 'Day (UTC)', value: (d) => d.day },
          queueColumn,
          { label: 'Fell due', value: (d) => d.due, numeric: true },
          { label: 'Breached', value: (d) => d.breached, numeric: true },
        ]}
        empty={{ title: 'No SLA fell due in this period' }}
        chart={
          <BarChart data={breaches}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {queueIds.map((id, i) => (
              <Bar key={id} dataKey={id} name={queueName(id)} stackId="queues" fill={seriesColour(i)} />
            ))}
          </BarChart>
        }
      />
    </>
  );
}
