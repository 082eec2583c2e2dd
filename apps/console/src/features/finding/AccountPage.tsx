import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { Timestamp } from '../../ui/Timestamp';
import { useCan } from '../auth/permissions';
import { caseRef } from '../cases/case-ref';
import { casePath } from '../cases/keys';
import { BulkDecisionDialog } from '../decisions/BulkDecisionDialog';
import { categoryLabel } from '../queues/categories';
import { useQueueNames } from '../queues/use-queue-name';
import { useAccountHistory } from './account-history-query';
import { STATUS_LABELS } from './labels';
import './finding.css';
import '../../ui/table.css';

/**
 * `/accounts/:accountId`: what Docket holds about a platform account — reports about it and by
 * it, its cases, decisions, appeals and strikes. Metadata only; each case opens under its own rules.
 */
export function AccountPage() {
  const { accountId = '' } = useParams();
  const { data } = useAccountHistory(accountId);
  const queueName = useQueueNames();
  const { account } = data;
  const canDecide = useCan('decide:case');
  const [deciding, setDeciding] = useState(false);
  const open = data.cases.filter((c) => c.status === 'open');
  const caseLink = (id: string) => (
    <Link to={casePath(id)} className="mono" aria-label={`Case ${caseRef(id)}`}>
      {caseRef(id)}
    </Link>
  );

  return (
    <div className="page">
      <PageHeader title={`@${account.handle}`} description={<span className="mono">{account.id}</span>} />
      <Panel>
        <dl className="account-facts">
          <dt>Strikes</dt>
          <dd>
            {data.strikes} <span className="cell-muted">(warnings and restrictions that stand)</span>
          </dd>
          <dt>Age band</dt>
          <dd>{account.ageBand}</dd>
          <dt>Account created</dt>
          <dd>
            <Timestamp value={account.accountCreatedAt} empty="Not given" />
          </dd>
          <dt>First seen in Docket</dt>
          <dd>
            <Timestamp value={account.firstSeenAt} />
          </dd>
        </dl>
        {data.truncated && <p className="cell-muted">Only the newest 200 of each list are shown.</p>}
        {canDecide && open.length > 0 && (
          <p>
            <Button variant="primary" size="sm" onPress={() => setDeciding(true)}>
              Decide every open case about @{account.handle}
            </Button>
          </p>
        )}
      </Panel>
      {deciding && (
        <BulkDecisionDialog
          // The server finds the account's open cases itself, as they are when the request arrives.
          target={{ accountId: account.id }}
          label={`every open case about @${account.handle}`}
          categories={[...new Set(open.map((c) => c.category))]}
          isOpen
          onOpenChange={setDeciding}
        />
      )}

      <Section title="Cases" empty={data.cases.length === 0}>
        <HistoryTable label="Cases" head={['Case', 'Category', 'Status', 'Queue', 'Opened']}>
          {data.cases.map((c) => (
            <tr key={c.id}>
              <th scope="row">{caseLink(c.id)}</th>
              <td>{categoryLabel(c.category)}</td>
              <td>{STATUS_LABELS[c.status] ?? c.status}</td>
              <td>{queueName(c.queueId)}</td>
              <td>
                <Timestamp value={c.openedAt} />
              </td>
            </tr>
          ))}
        </HistoryTable>
      </Section>

      <Section title="Reports" empty={data.reports.length === 0}>
        <HistoryTable label="Reports" head={['Report', 'Role', 'Case', 'Category', 'Received']}>
          {data.reports.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="mono">
                {r.externalId}
              </th>
              <td>{r.role === 'reported' ? 'About this account' : 'By this account'}</td>
              <td>{caseLink(r.caseId)}</td>
              <td>{categoryLabel(r.category)}</td>
              <td>
                <Timestamp value={r.receivedAt} />
              </td>
            </tr>
          ))}
        </HistoryTable>
      </Section>

      <Section title="Decisions" empty={data.decisions.length === 0}>
        <HistoryTable label="Decisions" head={['Case', 'Action', 'Policy', 'Confirmation', 'Decided']}>
          {data.decisions.map((d) => (
            <tr key={d.id}>
              <th scope="row">{caseLink(d.caseId)}</th>
              <td>
                {d.action.replaceAll('_', ' ')} {d.standsAgainstAccount && <Badge tone="danger">Strike</Badge>}
              </td>
              <td className="mono">{d.policyCode}</td>
              <td>{d.confirmation === 'none' ? '—' : d.confirmation}</td>
              <td>
                <Timestamp value={d.decidedAt} />
              </td>
            </tr>
          ))}
        </HistoryTable>
      </Section>

      <Section title="Appeals" empty={data.appeals.length === 0}>
        <HistoryTable label="Appeals" head={['Appeal case', 'Against case', 'By', 'Outcome', 'Received']}>
          {data.appeals.map((a) => (
            <tr key={a.id}>
              <th scope="row">{caseLink(a.caseId)}</th>
              <td>{caseLink(a.originalCaseId)}</td>
              <td>{a.appellant === 'affected_user' ? 'Affected user' : 'Reporter'}</td>
              <td>{a.outcome?.replaceAll('_', ' ') ?? 'Pending'}</td>
              <td>
                <Timestamp value={a.receivedAt} />
              </td>
            </tr>
          ))}
        </HistoryTable>
      </Section>
    </div>
  );
}

function Section({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <section className="account-section" aria-labelledby={`account-${title}`}>
      <h2 id={`account-${title}`}>{title}</h2>
      <Panel>{empty ? <EmptyState title={`No ${title.toLowerCase()}`} /> : children}</Panel>
    </section>
  );
}

function HistoryTable({ label, head, children }: { label: string; head: string[]; children: ReactNode }) {
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          {head.map((column) => (
            <th key={column} scope="col" className="column">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
