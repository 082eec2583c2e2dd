import type { AccessLiveEvent, CaseDetail } from '@docket/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Timestamp } from '../../ui/Timestamp';
import { useNow } from '../../ui/use-now';
import { useCan } from '../auth/permissions';
import { useSession } from '../auth/session-query';
import { CaseSection } from '../cases/CaseSection';
import { useDropOnLeave } from '../cases/use-drop-case-on-leave';
import { formatMinutes, formatTimeLeft, JUSTIFICATION_LABELS, scopeLabel } from './access-format';
import { BreakGlassDialog } from './BreakGlassDialog';
import { ConversationViewer, type GrantEnd } from './ConversationViewer';
import { useCancelAccessRequest } from './cancel-request-mutation';
import { useCaseAccess } from './case-access-query';
import { accessKeys } from './keys';
import { RequestAccessDialog } from './RequestAccessDialog';
import { useAccessEvents } from './use-access-events';

export interface CaseAccessPanelProps {
  caseId: string;
  urgent: boolean;
  conversation: CaseDetail['conversation'];
  /** The viewer holds the open case: only then may they ask for (or break into) more. */
  canAsk: boolean;
  handleOf: (id: string | null) => string;
}

const END_MESSAGES: Record<GrantEnd['reason'], string> = {
  expired: 'Your access has expired.',
  revoked: 'A supervisor revoked your access.',
  refused: 'The server refused the read.',
};

/**
 * The wider conversation on the case page: my request and its state, live; the viewer while a
 * grant lasts. When the grant ends — its countdown, a revocation, a refused read — the content
 * leaves the screen and the cache at once; leaving the case does the same.
 */
export function CaseAccessPanel({ caseId, urgent, conversation, canAsk, handleOf }: CaseAccessPanelProps) {
  const access = useCaseAccess(caseId);
  const session = useSession();
  const queryClient = useQueryClient();
  const canBreakGlass = useCan('use:break_glass');
  // The last end (to say why), and every grant this screen has seen end: none of them shows again,
  // even if the server still counts one live for a moment (clocks drift a little).
  const [ended, setEnded] = useState<(GrantEnd & { grantId: string }) | null>(null);
  const [endedIds, setEndedIds] = useState<ReadonlySet<string>>(() => new Set());
  const [dialog, setDialog] = useState<'request' | 'break-glass' | null>(null);
  useDropOnLeave(accessKeys.conversations(caseId));

  // A grant already past its end (say, cached from an earlier visit) is not mounted at all.
  const grant =
    access.grant && !endedIds.has(access.grant.id) && Date.parse(access.grant.expiresAt) - access.skewMs > Date.now()
      ? access.grant
      : null;
  const grantId = grant?.id;
  const endGrant = useCallback(
    (end: GrantEnd) => {
      if (!grantId) return;
      setEnded({ ...end, grantId });
      setEndedIds((ids) => new Set(ids).add(grantId));
    },
    [grantId],
  );

  // After the viewer has unmounted: nothing is left to observe the content, so it goes from the cache.
  useEffect(() => {
    if (!ended) return;
    queryClient.removeQueries({ queryKey: accessKeys.conversation(caseId, ended.grantId), exact: true });
    void queryClient.invalidateQueries({ queryKey: accessKeys.caseAccess(caseId) });
  }, [ended, caseId, queryClient]);

  useAccessEvents((event: AccessLiveEvent) => {
    if (event.type === 'access.revoked' && event.grantId === grantId) endGrant({ reason: 'revoked' });
  });

  const request = access.request;
  const deadline = grant ? Date.parse(grant.expiresAt) - access.skewMs : 0;
  const pending = request?.status === 'pending' ? request : null;
  const mayAsk = canAsk && !grant && !pending;
  // Urgency does not wait for a pending request to be decided.
  const mayBreakGlass = canAsk && !grant && urgent && canBreakGlass;

  return (
    <CaseSection
      id="case-access"
      title="Wider conversation"
      actions={
        (mayAsk || mayBreakGlass) && (
          <>
            {mayAsk && (
              <Button size="sm" variant="primary" onPress={() => setDialog('request')}>
                {request ? 'Request access again…' : 'Request access…'}
              </Button>
            )}
            {mayBreakGlass && (
              <Button size="sm" variant="danger" onPress={() => setDialog('break-glass')}>
                Break glass…
              </Button>
            )}
          </>
        )
      }
    >
      {ended && !grant && (
        <Alert tone="info" title={END_MESSAGES[ended.reason]}>
          {ended.reason === 'refused' && isApiError(ended.error) && <p>{ended.error.detail}</p>}
          The conversation was removed from this screen.
        </Alert>
      )}
      {grant ? (
        <ConversationViewer
          key={grant.id}
          caseId={caseId}
          grant={grant}
          deadline={deadline}
          viewerName={session.user.displayName}
          handleOf={handleOf}
          onEnd={endGrant}
        />
      ) : pending ? (
        <PendingRequest request={pending} skewMs={access.skewMs} caseId={caseId} />
      ) : (
        <RequestOutcome request={request} hasEnded={ended !== null} />
      )}
      {!grant && !canAsk && !pending && (
        <p className="case-muted">Only the holder of an open case can ask to read more of its conversation.</p>
      )}
      {dialog === 'request' && (
        <RequestAccessDialog caseId={caseId} conversation={conversation} onClose={() => setDialog(null)} />
      )}
      {dialog === 'break-glass' && <BreakGlassDialog caseId={caseId} onClose={() => setDialog(null)} />}
    </CaseSection>
  );
}

type Request = NonNullable<ReturnType<typeof useCaseAccess>['request']>;

function PendingRequest({ request, skewMs, caseId }: { request: Request; skewMs: number; caseId: string }) {
  const cancel = useCancelAccessRequest();
  const queryClient = useQueryClient();
  const now = useNow(1_000);
  const expiresIn = Date.parse(request.pendingUntil) - skewMs - now;
  // Nobody tells this screen when a request lapses; ask again once its deadline passes.
  useEffect(() => {
    const timer = setTimeout(
      () => void queryClient.invalidateQueries({ queryKey: accessKeys.caseAccess(caseId) }),
      Math.max(0, Date.parse(request.pendingUntil) - skewMs - Date.now()) + 1_000,
    );
    return () => clearTimeout(timer);
  }, [request.pendingUntil, skewMs, caseId, queryClient]);

  return (
    <div className="access-state" data-state="pending">
      <p>
        <strong>Waiting for a supervisor.</strong> You asked for {scopeLabel(request.scope).toLowerCase()}, for{' '}
        {formatMinutes(request.requestedMinutes)} ({JUSTIFICATION_LABELS[request.justificationCode].label}). Filed{' '}
        <Timestamp value={request.createdAt} />; it lapses in {formatTimeLeft(expiresIn)} if nobody decides.
      </p>
      {cancel.error && isApiError(cancel.error) && <ErrorAlert error={cancel.error} />}
      <Button size="sm" onPress={() => cancel.mutate(request.id)} isPending={cancel.isPending}>
        Cancel request
      </Button>
    </div>
  );
}

function RequestOutcome({ request, hasEnded }: { request: Request | null; hasEnded: boolean }) {
  if (!request || request.status === 'cancelled') {
    return (
      <p className="conversation-note">
        Only the reported messages are shown. Reading the rest of this conversation needs an access request approved by
        a supervisor.
      </p>
    );
  }
  if (request.status === 'denied') {
    return (
      <Alert tone="error" title="Your access request was denied">
        <p className="access-reason">{request.decisionReason}</p>
      </Alert>
    );
  }
  if (request.status === 'expired') {
    return (
      <Alert tone="info" title="Your access request expired">
        Nobody decided it in time, so it granted nothing. You can ask again.
      </Alert>
    );
  }
  // Approved, but no live grant any more: it ran out or was revoked.
  return hasEnded ? null : (
    <Alert tone="info" title="Your access has ended">
      The grant from your last request is over. Ask again if you still need the conversation.
    </Alert>
  );
}
