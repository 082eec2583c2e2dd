import type { AccessGrant } from '@docket/contracts';
import { useEffect } from 'react';
import { type ApiError, isApiError, networkError } from '../../api/api-error';
import { Badge } from '../../ui/Badge';
import { Spinner } from '../../ui/Spinner';
import { Timestamp } from '../../ui/Timestamp';
import { useNow } from '../../ui/use-now';
import { ReportedMessageBody, RevealError, RevealEvidenceButton } from '../cases/EvidenceReveal';
import { useEvidenceReveal } from '../cases/use-evidence-reveal';
import { formatTimeLeft, scopeLabel } from './access-format';
import { useConversation } from './conversation-query';

export type GrantEnd = { reason: 'expired' } | { reason: 'revoked' } | { reason: 'refused'; error: ApiError };

export interface ConversationViewerProps {
  caseId: string;
  grant: AccessGrant;
  /** When the grant ends, on this browser's clock (the server's expiry, corrected for skew). */
  deadline: number;
  viewerName: string;
  handleOf: (id: string | null) => string;
  onEnd: (end: GrantEnd) => void;
}

const clock = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const WATERMARK_TILES = 24;

/**
 * The messages a live grant covers, read once, under a countdown and a watermark naming the
 * reader and the time. The server checks the grant on every read; this screen's part is to let
 * the content go the moment the grant ends — its parent unmounts it and empties the cache.
 * The reported messages among them follow the evidence panel's reveal rule: blurred here while
 * they are blurred there, and one reveal, in either place, unblurs both.
 */
export function ConversationViewer({ caseId, grant, deadline, viewerName, handleOf, onEnd }: ConversationViewerProps) {
  const conversation = useConversation(caseId, grant.id, true);
  const reveal = useEvidenceReveal(caseId);
  const hidesReported = reveal.blurred && conversation.data?.messages.some((message) => message.reported) === true;
  const now = useNow(1_000);
  const left = deadline - now;

  useEffect(() => {
    const timer = setTimeout(() => onEnd({ reason: 'expired' }), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [deadline, onEnd]);

  useEffect(() => {
    if (conversation.isError) {
      onEnd({ reason: 'refused', error: isApiError(conversation.error) ? conversation.error : networkError() });
    }
  }, [conversation.isError, conversation.error, onEnd]);

  const watermark = `${viewerName} · ${clock.format(now)}`;
  return (
    <div className="grant-view">
      <div className="grant-bar">
        <p className="grant-scope">
          {grant.breakGlass ? <Badge tone="danger">Break-glass</Badge> : <Badge tone="accent">Approved</Badge>}{' '}
          {scopeLabel(grant.scope)}
        </p>
        <p className="grant-countdown" data-alarm={left < 60_000 || undefined}>
          Access ends in <strong className="mono">{formatTimeLeft(left)}</strong>
          <span className="visually-hidden">
            {' '}
            (at <Timestamp value={grant.expiresAt} />)
          </span>
        </p>
      </div>
      {grant.breakGlass && (
        <p className="grant-flag">
          Flagged: you opened this without approval. Supervisors have been told, and one of them will review whether it
          was justified.
        </p>
      )}
      {hidesReported && (
        <div className="grant-reveal">
          <p className="evidence-note">
            The reported messages stay blurred here too, as this case is in an urgent category. Revealing them is
            recorded in the audit log.
          </p>
          <RevealEvidenceButton reveal={reveal} />
        </div>
      )}
      <RevealError reveal={reveal} />
      <div className="conversation-content">
        {conversation.isPending ? (
          <p className="case-muted" role="status">
            <Spinner /> Reading the conversation…
          </p>
        ) : conversation.data ? (
          // It scrolls: focusable, so keyboard users can scroll it with the arrow keys (WCAG 2.1.1).
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus.
          <ol className="case-list conversation-list" aria-label="Conversation messages" tabIndex={0}>
            {conversation.data.messages.map((message) => (
              <li key={message.id} className="conversation-message" data-reported={message.reported || undefined}>
                <p className="case-item-meta">
                  <strong>{handleOf(message.senderId)}</strong>
                  {message.reported && <Badge tone="danger">Reported</Badge>}
                  <Timestamp value={message.sentAt} />
                </p>
                <ReportedMessageBody
                  body={message.body}
                  destroyedAt={message.destroyedAt}
                  blurred={reveal.blurred && message.reported}
                  className="conversation-body"
                />
              </li>
            ))}
            {conversation.data.messages.length === 0 && (
              <li className="case-muted">No messages fall inside this scope.</li>
            )}
          </ol>
        ) : null}
        <div className="watermark" aria-hidden="true">
          {Array.from({ length: WATERMARK_TILES }, (_, index) => (
            <span key={index}>{watermark}</span>
          ))}
        </div>
      </div>
    </div>
  );
}
