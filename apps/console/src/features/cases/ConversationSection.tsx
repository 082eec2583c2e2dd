import type { CaseDetail } from '@docket/contracts';
import { Timestamp } from '../../ui/Timestamp';
import { formatAge } from '../queues/durations';
import { CaseSection } from './CaseSection';

const count = new Intl.NumberFormat();

/** The conversation's shape, never its content: that needs a grant (see the access panel). */
export function ConversationSection({
  conversation,
  handleOf,
}: {
  conversation: CaseDetail['conversation'];
  handleOf: (id: string | null) => string;
}) {
  const { firstMessageAt: first, lastMessageAt: last } = conversation;
  return (
    <CaseSection id="case-conversation" title="Conversation">
      <dl className="facts-list">
        <div>
          <dt>Participants</dt>
          <dd>
            {conversation.participantIds.map((id, index) => (
              <span key={id}>
                {index > 0 && ', '}
                <span className="mono">{handleOf(id)}</span>
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt>Messages</dt>
          <dd>{count.format(conversation.messageCount)}</dd>
        </div>
        <div>
          <dt>Time span</dt>
          <dd>
            {first && last ? (
              <>
                <Timestamp value={first} /> – <Timestamp value={last} />{' '}
                <span className="case-muted">({formatAge(Date.parse(last) - Date.parse(first))})</span>
              </>
            ) : (
              'Not known'
            )}
          </dd>
        </div>
      </dl>
    </CaseSection>
  );
}
