import type { CaseDetail } from '@docket/contracts';
import { Link } from 'react-router';
import { Badge } from '../../ui/Badge';
import { useNow } from '../../ui/use-now';
import { accountPath } from '../finding/keys';
import { formatAccountAge } from '../queues/durations';
import { CaseSection } from './CaseSection';
import { actionLabel } from './decision-actions';

type Account = CaseDetail['accounts'][number];

const AGE_BANDS: Record<Account['ageBand'], { label: string; tone: 'danger' | 'neutral' }> = {
  minor: { label: 'Minor', tone: 'danger' },
  adult: { label: 'Adult', tone: 'neutral' },
  unknown: { label: 'Unknown', tone: 'neutral' },
};

/** Who is involved: what the platform says about each account, and what Docket decided before. */
export function AccountsSection({ detail }: { detail: CaseDetail }) {
  const now = useNow(60_000);
  const reported = new Set(detail.reports.map((report) => report.reportedAccountId));
  const reporters = new Set(detail.reports.map((report) => report.reporterId));

  return (
    <CaseSection id="case-accounts" title="Accounts" count={detail.accounts.length}>
      <table className="facts-table">
        <thead>
          <tr>
            <th scope="col">Handle</th>
            <th scope="col">Age band</th>
            <th scope="col">Account age</th>
            <th scope="col">Earlier decisions</th>
          </tr>
        </thead>
        <tbody>
          {detail.accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row">
                <Link to={accountPath(account.id)} className="mono">
                  {account.handle}
                </Link>
                {reported.has(account.id) && <span className="facts-role"> reported</span>}
                {reporters.has(account.id) && <span className="facts-role"> reporter</span>}
              </th>
              <td>
                <Badge tone={AGE_BANDS[account.ageBand].tone}>{AGE_BANDS[account.ageBand].label}</Badge>
              </td>
              <td>
                {account.accountCreatedAt ? formatAccountAge(now - Date.parse(account.accountCreatedAt)) : 'Not known'}
              </td>
              <td>
                {account.priorDecisions.length === 0
                  ? 'None'
                  : account.priorDecisions.map(({ action, count }) => `${count} × ${actionLabel(action)}`).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </CaseSection>
  );
}
