import { type FormEvent, useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { EmptyState } from '../../ui/EmptyState';
import { Panel } from '../../ui/PageHeader';
import { TextField } from '../../ui/TextField';
import { Timestamp } from '../../ui/Timestamp';
import { type ReviewPeriod, reviewPeriodFrom, useAccessReview } from './access-review-query';
import { isoToLocal, localToIso } from './audit-filters';
import { GrantStatus, scopeLabel } from './GrantSummary';
import { StaffChanges } from './StaffChanges';
import '../../ui/table.css';

/** `/audit/access-review`: every grant in a period — why, who allowed it, what was read, what followed. */
export function AccessReviewPage() {
  const [params] = useSearchParams();
  const period = reviewPeriodFrom(params);
  const review = useAccessReview(period);
  const items = review.data.pages.flatMap((page) => page.items);
  const loadMoreError = review.isFetchNextPageError ? (isApiError(review.error) ? review.error : networkError()) : null;

  return (
    <>
      <PeriodForm key={`${period.from}|${period.to}|${period.breakGlass}`} period={period} />
      <div className="audit-toolbar" role="status">
        {items.length} {items.length === 1 ? 'grant' : 'grants'}
        {review.hasNextPage ? ' shown, more available' : ''}
      </div>
      <Panel>
        <Table aria-label="Grants in the period" className="data-table audit-table">
          <TableHeader>
            <Column isRowHeader className="column">
              Started
            </Column>
            <Column className="column">Grantee</Column>
            <Column className="column">Allowed by</Column>
            <Column className="column">Justification</Column>
            <Column className="column">Scope</Column>
            <Column className="column">Reads</Column>
            <Column className="column">Decisions</Column>
            <Column className="column">Status</Column>
          </TableHeader>
          <TableBody
            items={items.map((grant) => ({ ...grant, id: grant.grantId }))}
            renderEmptyState={() => (
              <EmptyState title="No grants in this period">
                Grants appear when a request is approved or break-glass is used.
              </EmptyState>
            )}
          >
            {(grant) => (
              <Row id={grant.grantId} className="row">
                <Cell className="cell">
                  <Link to={`/audit/grants/${grant.grantId}`}>
                    <Timestamp value={grant.startsAt} />
                    <span className="visually-hidden">, trace the grant to {grant.grantee.username}</span>
                  </Link>
                </Cell>
                <Cell className="cell mono">{grant.grantee.username}</Cell>
                <Cell className="cell">
                  {grant.breakGlass ? (
                    <Badge tone="danger">break-glass</Badge>
                  ) : (
                    <span className="mono">{grant.approver?.username ?? '—'}</span>
                  )}
                </Cell>
                <Cell className="cell audit-cell-justification">
                  {grant.justificationCode && <span className="mono">{grant.justificationCode} </span>}
                  <span title={grant.justification}>{grant.justification}</span>
                </Cell>
                <Cell className="cell">{scopeLabel(grant.scope)}</Cell>
                <Cell className="cell">
                  {grant.reads} / {grant.messagesRead} msgs
                </Cell>
                <Cell className="cell">
                  {grant.decisions.length === 0 ? (
                    <span className="audit-muted">none</span>
                  ) : (
                    grant.decisions.map((d) => (
                      <span key={d.id} className="mono audit-decision">
                        {d.action}
                      </span>
                    ))
                  )}
                </Cell>
                <Cell className="cell">
                  <GrantStatus grant={grant} />{' '}
                  {grant.breakGlass &&
                    (grant.breakGlassReview ? (
                      <Badge tone={grant.breakGlassReview.outcome === 'justified' ? 'success' : 'danger'}>
                        {grant.breakGlassReview.outcome}
                      </Badge>
                    ) : (
                      <Badge>awaiting review</Badge>
                    ))}
                </Cell>
              </Row>
            )}
          </TableBody>
        </Table>
      </Panel>
      {loadMoreError && <ErrorAlert error={loadMoreError} title="Could not load more grants" />}
      {review.hasNextPage && (
        <div className="audit-more">
          <Button onPress={() => review.fetchNextPage()} isPending={review.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
      <StaffChanges period={period} />
    </>
  );
}

function PeriodForm({ period }: { period: ReviewPeriod }) {
  const navigate = useNavigate();
  const [from, setFrom] = useState(isoToLocal(period.from));
  const [to, setTo] = useState(isoToLocal(period.to));
  const [breakGlassOnly, setBreakGlassOnly] = useState(period.breakGlass === 'true');

  function apply(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams({ from: localToIso(from), to: localToIso(to) });
    if (breakGlassOnly) params.set('breakGlass', 'true');
    void navigate(`/audit/access-review?${params}`);
  }

  return (
    <form className="audit-filters" onSubmit={apply} aria-label="Review period">
      <TextField label="Grants from" type="datetime-local" value={from} onChange={setFrom} isRequired />
      <TextField label="Until" type="datetime-local" value={to} onChange={setTo} isRequired />
      <Checkbox isSelected={breakGlassOnly} onChange={setBreakGlassOnly}>
        Break-glass only
      </Checkbox>
      <div className="audit-filter-actions">
        <Button type="submit" variant="primary">
          Review
        </Button>
      </div>
    </form>
  );
}
