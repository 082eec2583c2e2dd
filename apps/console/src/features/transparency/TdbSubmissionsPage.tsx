import type { TdbSubmission } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { Timestamp } from '../../ui/Timestamp';
import { useTdbSubmissions } from './submissions-query';
import '../../ui/table.css';
import './transparency.css';

const STATUS = {
  pending: { tone: 'accent', label: 'Pending' },
  accepted: { tone: 'success', label: 'Accepted' },
  rejected: { tone: 'danger', label: 'Not accepted' },
} as const;

/** Why a statement is where it is: the Database's words for a refusal, the transport's for a retry. */
function Outcome({ item }: { item: TdbSubmission }) {
  if (item.status === 'rejected' && item.errors) {
    return (
      <ul className="tdb-errors">
        {Object.entries(item.errors).map(([field, messages]) => (
          <li key={field}>
            <code>{field}</code>: {messages.join(' ')}
          </li>
        ))}
      </ul>
    );
  }
  if (item.status === 'pending' && item.lastError) {
    return (
      <>
        {item.lastError}; next try <Timestamp value={item.nextAttemptAt} />
      </>
    );
  }
  if (item.status === 'accepted') return <span className="mono">{item.tdbUuid ?? 'already in the Database'}</span>;
  return <>—</>;
}

/** Statements of reasons on their way to the EU Transparency Database, newest first. */
export function TdbSubmissionsPage() {
  const { data } = useTdbSubmissions();
  return (
    <div className="page">
      <PageHeader
        title="EU Transparency Database"
        description={`${data.counts.accepted} accepted · ${data.counts.pending} pending · ${data.counts.rejected} not accepted`}
      />
      {!data.enabled && (
        <Alert tone="info" title="Submission is off">
          No Database endpoint is configured (TDB_URL and TDB_TOKEN), so statements wait here.
        </Alert>
      )}
      <Panel>
        <Table aria-label="Statement submissions" className="data-table">
          <TableHeader>
            <Column isRowHeader className="column">
              Statement (puid)
            </Column>
            <Column className="column">Status</Column>
            <Column className="column">Attempts</Column>
            <Column className="column">Last attempt</Column>
            <Column className="column">Outcome</Column>
          </TableHeader>
          <TableBody
            items={data.items}
            renderEmptyState={() => (
              <EmptyState title="No statements yet">Restricting decisions add their statements here.</EmptyState>
            )}
          >
            {(item: TdbSubmission) => (
              <Row id={item.decisionId} className="row">
                <Cell className="cell">
                  <code>{item.puid}</code>
                  {item.redactions > 0 && (
                    <div className="cell-muted">{item.redactions} personal identifiers redacted</div>
                  )}
                </Cell>
                <Cell className="cell">
                  <Badge tone={STATUS[item.status].tone}>{STATUS[item.status].label}</Badge>
                </Cell>
                <Cell className="cell">{item.attempts}</Cell>
                <Cell className="cell cell-muted">
                  <Timestamp value={item.lastAttemptAt} />
                </Cell>
                <Cell className="cell">
                  <Outcome item={item} />
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </Panel>
    </div>
  );
}
