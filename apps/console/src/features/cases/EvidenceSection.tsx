import type { CaseDetail } from '@docket/contracts';
import type { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import { Timestamp } from '../../ui/Timestamp';
import { CaseSection } from './CaseSection';

export interface EvidenceSectionProps {
  detail: CaseDetail;
  handleOf: (id: string | null) => string;
  onReveal: () => void;
  isRevealing: boolean;
  revealError: ApiError | null;
}

/**
 * The reported messages, and only those. In urgent categories they stay blurred (per the
 * reviewer's preference) until revealed; the reveal is recorded before anything is unblurred.
 */
export function EvidenceSection({ detail, handleOf, onReveal, isRevealing, revealError }: EvidenceSectionProps) {
  const blurred = detail.blurEvidence;
  const reported = new Set(detail.reports.map((report) => report.reportedAccountId));
  const messages = [...detail.evidence].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));

  return (
    <CaseSection
      id="case-evidence"
      title="Reported messages"
      count={messages.length}
      actions={
        blurred && (
          <Button size="sm" onPress={onReveal} isPending={isRevealing} aria-keyshortcuts="r">
            Reveal evidence <Kbd decorative>r</Kbd>
          </Button>
        )
      }
    >
      {blurred && (
        <p className="evidence-note">
          Blurred because this case is in an urgent category. Revealing it is recorded in the audit log.
        </p>
      )}
      {revealError && <ErrorAlert error={revealError} title="The evidence could not be revealed" />}
      {messages.length === 0 ? (
        <p className="case-muted">The reports point at no messages.</p>
      ) : (
        <ol className="case-list evidence-list" data-blurred={blurred || undefined}>
          {messages.map((message) => (
            <li key={message.id} className="evidence-message">
              <p className="case-item-meta">
                <strong className="evidence-sender">{handleOf(message.senderId)}</strong>
                {reported.has(message.senderId) && <Badge>Reported account</Badge>}
                <Timestamp value={message.sentAt} />
              </p>
              {blurred ? (
                <>
                  <p className="evidence-body" aria-hidden="true">
                    {message.body}
                  </p>
                  <span className="visually-hidden">Hidden until you reveal the evidence.</span>
                </>
              ) : (
                <p className="evidence-body">{message.body}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </CaseSection>
  );
}
