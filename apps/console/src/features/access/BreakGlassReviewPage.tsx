import type { AccessGrant } from '@docket/contracts';
import { useState } from 'react';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { Timestamp } from '../../ui/Timestamp';
import { useSession } from '../auth/session-query';
import { caseRef } from '../cases/case-ref';
import { SignOffEvidence } from '../cases/SignOffEvidence';
import { formatMinutes } from './access-format';
import { useUnreviewedBreakGlass } from './break-glass-query';
import { type BreakGlassOutcome, ReviewBreakGlassDialog } from './ReviewBreakGlassDialog';

/** Every break-glass use stays here until a supervisor other than its user says whether it was justified. */
export function BreakGlassReviewPage() {
  const session = useSession();
  const { items } = useUnreviewedBreakGlass();
  const [active, setActive] = useState<{ grant: AccessGrant; outcome: BreakGlassOutcome } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      {items.length === 0 ? (
        <Panel>
          <EmptyState title="Nothing to review">
            Each break-glass use appears here as it happens, and stays until a supervisor marks it justified or not.
          </EmptyState>
        </Panel>
      ) : (
        <ul className="pending-list" aria-label="Break-glass uses awaiting review">
          {items.map((grant) => {
            const ref = caseRef(grant.caseId);
            const isOwn = grant.grantee.id === session.user.id;
            const minutes = Math.round((Date.parse(grant.expiresAt) - Date.parse(grant.startsAt)) / 60_000);
            return (
              <li key={grant.id} className="pending-card" aria-labelledby={`bg-${grant.id}`}>
                <div>
                  <h2 id={`bg-${grant.id}`}>
                    {grant.grantee.displayName} broke glass on case <span className="mono">{ref}</span>
                  </h2>
                  <p className="pending-meta">
                    <Badge tone="danger">Break-glass</Badge>
                    <span>
                      <Timestamp value={grant.startsAt} />, for {formatMinutes(minutes)}
                    </span>
                    {grant.revokedAt && (
                      <span>
                        revoked <Timestamp value={grant.revokedAt} />
                      </span>
                    )}
                  </p>
                </div>
                <div className="pending-actions">
                  {(['justified', 'unjustified'] as const).map((outcome) => (
                    <Button
                      key={outcome}
                      size="sm"
                      variant={outcome === 'justified' ? 'primary' : 'danger'}
                      isDisabled={isOwn}
                      aria-label={`Mark ${grant.grantee.username}'s break-glass on ${ref} ${outcome === 'justified' ? 'justified' : 'not justified'}…`}
                      onPress={() => setActive({ grant, outcome })}
                    >
                      {outcome === 'justified' ? 'Justified…' : 'Not justified…'}
                    </Button>
                  ))}
                </div>
                <p className="pending-rationale">{grant.breakGlassJustification}</p>
                <SignOffEvidence caseId={grant.caseId} />
                {isOwn && (
                  <p className="pending-own">This is your own break-glass use, so another supervisor must review it.</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {active && (
        <ReviewBreakGlassDialog
          grant={active.grant}
          outcome={active.outcome}
          onClose={() => setActive(null)}
          onDone={(text) => {
            setActive(null);
            setMessage(text);
          }}
        />
      )}
    </>
  );
}
