import { useIsFetching } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { hasPermission } from '../auth/permissions';
import { useSession } from '../auth/session-query';
import { useDashboard } from './dashboard-query';
import { dashboardKeys } from './keys';
import { PeriodPicker } from './PeriodPicker';
import { type DashboardPeriod, periodFromParams } from './period';
import { QueueCharts } from './QueueCharts';
import { WorkCharts } from './WorkCharts';
import '../../ui/charts/charts.css';
import './dashboard.css';

function Figures({ period }: { period: DashboardPeriod }) {
  const { data } = useDashboard(useSession(), period);
  return (
    <div className="chart-grid">
      {data.scope === 'team' && <QueueCharts data={data} />}
      <WorkCharts data={data} />
    </div>
  );
}

/** Supervisors watch the team; a reviewer sees their own figures (the API allows nothing else). */
export function DashboardPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const period = periodFromParams(params);
  const team = hasPermission(session, 'read:team_dashboard');
  const fetching = useIsFetching({ queryKey: dashboardKeys.all }) > 0;

  return (
    <div className="page">
      <PageHeader
        title={team ? 'Team dashboard' : 'My figures'}
        description={`${period.from} to ${period.to} (UTC days)${team ? '' : ' · only your own work'}`}
        actions={<PeriodPicker key={`${period.from} ${period.to}`} period={period} />}
      />
      <p className="dashboard-status" role="status">
        {fetching && (
          <>
            <Spinner /> Loading figures…
          </>
        )}
      </p>
      <Suspense fallback={null}>
        <Figures period={period} />
      </Suspense>
    </div>
  );
}
