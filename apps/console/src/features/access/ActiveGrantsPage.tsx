import type { AccessGrant } from '@docket/contracts';
import { useState } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { isApiError } from '../../api/api-error';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { StatusMessage } from '../../ui/StatusMessage';
import { TextAreaField } from '../../ui/TextField';
import { useNow } from '../../ui/use-now';
import { caseRef } from '../cases/case-ref';
import { formatTimeLeft, scopeLabel } from './access-format';
import { useActiveGrants } from './active-grants-query';
import { useRevokeGrant } from './revoke-grant-mutation';
import '../../ui/table.css';

/** Every grant live now, soonest to end first, each revocable. */
export function ActiveGrantsPage() {
  const { items } = useActiveGrants();
  const now = useNow(1_000);
  const revoke = useRevokeGrant();
  const [target, setTarget] = useState<AccessGrant | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  // The countdown is this browser's; a grant the clock says is over leaves the list (the server agrees).
  const live = items.filter((grant) => Date.parse(grant.expiresAt) > now);

  function confirmRevoke() {
    if (!target) return;
    revoke.mutate(
      { grantId: target.id, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          setMessage(`Revoked ${target.grantee.username}'s access to case ${caseRef(target.caseId)}.`);
          setTarget(null);
        },
      },
    );
  }

  return (
    <>
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      <Table aria-label="Active grants" className="data-table">
        <TableHeader>
          <Column isRowHeader className="column">
            Grantee
          </Column>
          <Column className="column">Case</Column>
          <Column className="column">Scope</Column>
          <Column className="column">Time left</Column>
          <Column className="column column-actions">
            <span className="visually-hidden">Actions</span>
          </Column>
        </TableHeader>
        <TableBody
          items={live}
          dependencies={[now]}
          renderEmptyState={() => (
            <EmptyState title="No live grants">
              Approved requests and break-glass uses appear here while they last.
            </EmptyState>
          )}
        >
          {(grant) => (
            <Row id={grant.id} className="row">
              <Cell className="cell">
                {grant.grantee.displayName} <span className="cell-muted">({grant.grantee.username})</span>
              </Cell>
              <Cell className="cell">
                <span className="mono">{caseRef(grant.caseId)}</span>{' '}
                {grant.breakGlass && <Badge tone="danger">Break-glass</Badge>}
              </Cell>
              <Cell className="cell">{scopeLabel(grant.scope)}</Cell>
              <Cell className="cell">
                <span className="mono">{formatTimeLeft(Date.parse(grant.expiresAt) - now)}</span>
              </Cell>
              <Cell className="cell">
                <Button
                  size="sm"
                  variant="danger"
                  aria-label={`Revoke ${grant.grantee.username}'s access to ${caseRef(grant.caseId)}…`}
                  onPress={() => {
                    revoke.reset();
                    setReason('');
                    setTarget(grant);
                  }}
                >
                  Revoke…
                </Button>
              </Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      {target && (
        <ConfirmDialog
          title={`Revoke access to case ${caseRef(target.caseId)}?`}
          confirmLabel="Revoke access"
          destructive
          isPending={revoke.isPending}
          error={isApiError(revoke.error) ? revoke.error : null}
          onConfirm={confirmRevoke}
          onClose={() => setTarget(null)}
        >
          <p>
            {target.grantee.displayName} loses access at once: the conversation disappears from their screen and their
            next read is refused. They may not break glass on this case again.
          </p>
          <TextAreaField
            label="Reason (optional)"
            description="Shown to whoever is asked to approve their access to this case again. At least 10 characters."
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={setReason}
          />
        </ConfirmDialog>
      )}
    </>
  );
}
