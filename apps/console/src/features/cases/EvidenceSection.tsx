import type { CaseDetail } from '@docket/contracts';
import { Badge } from '../../ui/Badge';
import { Timestamp } from '../../ui/Timestamp';
import { CaseSection } from './CaseSection';
import { ReportedMessageBody, RevealError, RevealEvidenceButton } from './EvidenceReveal';
import type { EvidenceReveal } from './use-evidence-reveal';

export interface EvidenceSectionProps {
  detail: CaseDetail;
  handleOf: (id: string | null) => string;
  reveal: EvidenceReveal;
  /** The section's id, unique on the page (a list of cards shows several). */
  id?: string;
  /** Whether `r` reveals here: on the case page; not on a list of cards, where it would be ambiguous. */
  shortcut?: boolean;
}

/** The reported messages, and only those, under the reveal rule (see use-evidence-reveal.ts). */
export function EvidenceSection({
  detail,
  handleOf,
  reveal,
  id = 'case-evidence',
  shortcut = true,
}: EvidenceSectionProps) {
  const { blurred } = reveal;
  const reported = new Set(detail.reports.map((report) => report.reportedAccountId));
  const messages = [...detail.evidence].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));

  return (
    <CaseSection
      id={id}
      title="Reported messages"
      count={messages.length}
      actions={blurred && <RevealEvidenceButton reveal={reveal} shortcut={shortcut} />}
    >
      {blurred && (
        <p className="evidence-note">
          Blurred because this case is in an urgent category. Revealing it is recorded in the audit log.
        </p>
      )}
      <RevealError reveal={reveal} />
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
              <ReportedMessageBody
                body={message.body}
                destroyedAt={message.destroyedAt}
                blurred={blurred}
                className="evidence-body"
              />
            </li>
          ))}
        </ol>
      )}
    </CaseSection>
  );
}
