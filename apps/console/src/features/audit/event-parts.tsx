import type { AuditEvent } from '@docket/contracts';
import { Badge } from '../../ui/Badge';

export function OutcomeBadge({ outcome }: { outcome: AuditEvent['outcome'] }) {
  const tone = outcome === 'success' ? 'success' : outcome === 'denied' ? 'danger' : 'neutral';
  return <Badge tone={tone}>{outcome}</Badge>;
}

/** The event's place in the sealed chain, or a plain statement that it has not been sealed yet. */
export function SealState({ seq }: { seq: number | null }) {
  return seq === null ? <Badge>pending seal</Badge> : <>{seq.toLocaleString()}</>;
}

export function ActorName({ actor }: { actor: AuditEvent['actor'] }) {
  if (actor.type === 'anonymous') return <span className="audit-muted">anonymous</span>;
  return (
    <span>
      <span className="mono">{actor.label ?? actor.id ?? actor.type}</span>
      {actor.type !== 'staff' && <span className="audit-muted"> ({actor.type})</span>}
    </span>
  );
}
