import { useNavigation, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { useSession } from '../auth/session-query';
import { useDashboard } from './dashboard-query';
import { PeriodPicker } from './PeriodPicker';
import { periodFromParams } from './period';
import { QueueCharts } from './QueueCharts';
import { WorkCharts } from './WorkCharts';
import '../../ui/charts/charts.css';
import './dashboard.css';

/** Supervisors watch the team; a reviewer sees their own figures (the API allows nothing else). */
export function DashboardPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const period = periodFromParams(params);
  const { data } = useDashboard(session, period);
  const updating = useNavigation().state === 'loading';
  const team = data.scope === 'team';

  return (
    <div className="page">
      <PageHeader
        title={team ? 'Team dashboard' : 'My figures'}
        description={`${data.from} to ${data.to} (UTC days)${team ? '' : ' · only your own work'}`}
        actions={<PeriodPicker key={`${period.from} ${period.to}`} period={period} />}
      />
      <p className="dashboard-status" role="status">
        {updating && (
          <>
            <Spinner /> Updating figures…
          </>
        )}
      </p>
      <div className="chart-grid" aria-busy={updating}>
        {team && <QueueCharts data={data} />}
        <WorkCharts data={data} />
      </div>
    </div>
  );
}
