/** Reviewers' work: decisions per day, time to decision, access requests and grants, break-glass. */
import type { Dashboard } from '@docket/contracts';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../ui/charts/ChartFigure';
import { pivot, seriesColour } from '../../ui/charts/series';
import { formatMinutes, namer } from './format';

export function WorkCharts({ data }: { data: Dashboard }) {
  const name = namer(data.people);
  const personIds = data.people.map((p) => p.id);
  const team = data.scope === 'team';
  const decisionDays = data.reviewerDays.filter((d) => d.decisions > 0);
  const glassDays = data.reviewerDays.filter((d) => d.breakGlass > 0);
  const byReviewer = (rows: typeof data.reviewerDays, value: (row: (typeof rows)[number]) => number) =>
    pivot(
      rows,
      (d) => d.day,
      (d) => d.reviewerId,
      value,
      personIds,
    );
  const stacked = (stackId: string) =>
    personIds.map((id, i) => <Bar key={id} dataKey={id} name={name(id)} stackId={stackId} fill={seriesColour(i)} />);
  const reviewerColumn = { label: 'Reviewer', value: (r: { reviewerId: string }) => name(r.reviewerId) };
  const access = data.reviewers.filter((r) => r.requests + r.grants > 0);
  const glass = data.reviewers.filter((r) => r.breakGlass > 0);

  return (
    <>
      <ChartFigure
        title={team ? 'Decisions per reviewer per day' : 'Your decisions per day'}
        rows={decisionDays}
        rowKey={(d) => `${d.day} ${d.reviewerId}`}
        columns={[
          { label: 'Day (UTC)', value: (d) => d.day },
          ...(team ? [reviewerColumn] : []),
          { label: 'Decisions', value: (d) => d.decisions, numeric: true },
        ]}
        empty={{ title: 'No decisions in this period' }}
        chart={
          <BarChart data={byReviewer(decisionDays, (d) => d.decisions)}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            {team && <Legend />}
            {stacked('decisions')}
          </BarChart>
        }
      />
      <ChartFigure
        title={team ? 'Median time to decision' : 'Your median time to decision'}
        description="From the case opening to the decision, per day (minutes)."
        rows={data.decisionTimes}
        rowKey={(d) => d.day}
        columns={[
          { label: 'Day (UTC)', value: (d) => d.day },
          { label: 'Decisions', value: (d) => d.decisions, numeric: true },
          { label: 'Median', value: (d) => formatMinutes(d.medianMinutes), numeric: true },
        ]}
        empty={{ title: 'No decisions in this period' }}
        chart={
          <LineChart data={data.decisionTimes}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis unit=" min" />
            <Tooltip />
            <Line type="monotone" dataKey="medianMinutes" name="Median minutes" stroke={seriesColour(0)} />
          </LineChart>
        }
      />
      <ChartFigure
        title={team ? 'Access requests and grants per reviewer' : 'Your access requests and grants'}
        description="Requests filed in the period by outcome, and grants (approved by someone else) that started in it."
        rows={access}
        rowKey={(r) => r.reviewerId}
        columns={[
          reviewerColumn,
          { label: 'Requests', value: (r) => r.requests, numeric: true },
          { label: 'Approved', value: (r) => r.approved, numeric: true },
          { label: 'Denied', value: (r) => r.denied, numeric: true },
          { label: 'Lapsed', value: (r) => r.lapsed, numeric: true },
          { label: 'Pending', value: (r) => r.pending, numeric: true },
          { label: 'Grants', value: (r) => r.grants, numeric: true },
        ]}
        empty={{ title: 'No access requests or grants in this period' }}
        chart={
          <BarChart data={access.map((r) => ({ ...r, x: name(r.reviewerId) }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="requests" name="Requests" fill={seriesColour(0)} />
            <Bar dataKey="denied" name="Denied" fill={seriesColour(1)} />
            <Bar dataKey="grants" name="Grants" fill={seriesColour(2)} />
          </BarChart>
        }
      />
      <ChartFigure
        title={team ? 'Break-glass use' : 'Your break-glass use'}
        description="Self-granted windows on urgent cases, per day, and how supervisors judged them."
        rows={glass}
        rowKey={(r) => r.reviewerId}
        columns={[
          reviewerColumn,
          { label: 'Uses', value: (r) => r.breakGlass, numeric: true },
          { label: 'Awaiting review', value: (r) => r.breakGlassUnreviewed, numeric: true },
          { label: 'Judged unjustified', value: (r) => r.breakGlassUnjustified, numeric: true },
        ]}
        empty={{ title: 'No break-glass use in this period' }}
        chart={
          <BarChart data={byReviewer(glassDays, (d) => d.breakGlass)}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            {team && <Legend />}
            {stacked('glass')}
          </BarChart>
        }
      />
    </>
  );
}
