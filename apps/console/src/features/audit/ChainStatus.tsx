import { isApiError } from '../../api/api-error';
import { Badge } from '../../ui/Badge';
import { Spinner } from '../../ui/Spinner';
import { Timestamp } from '../../ui/Timestamp';
import { useAuditStatus } from './audit-status-query';

const count = new Intl.NumberFormat();

/** One line on the chain: how far it is sealed, signed and verified, and what waits to be sealed. */
export function ChainStatus() {
  const status = useAuditStatus();
  if (status.isPending) {
    return (
      <p className="audit-chain" role="status">
        <Spinner /> Checking the chain…
      </p>
    );
  }
  if (status.isError) {
    return (
      <p className="audit-chain" role="status">
        <Badge tone="danger">chain status unavailable</Badge>{' '}
        {isApiError(status.error) ? status.error.detail : 'The server could not be reached.'}
      </p>
    );
  }
  const { sealedThrough, latestCheckpoint, verification, pending, sealingWaitsOn } = status.data;
  return (
    <section className="audit-chain" aria-label="Chain status">
      {verification.problem ? (
        <Badge tone="danger">chain broken at seq {count.format(verification.problem.seq)}</Badge>
      ) : (
        <Badge tone={verification.ok ? 'success' : 'neutral'}>
          verified through seq {count.format(verification.verifiedThrough)}
        </Badge>
      )}
      <span>sealed through seq {count.format(sealedThrough)}</span>
      {latestCheckpoint ? (
        <span>
          latest checkpoint seq {count.format(latestCheckpoint.seq)}, <Timestamp value={latestCheckpoint.issuedAt} />,
          key <span className="mono">{latestCheckpoint.keyId}</span>
        </span>
      ) : (
        <span>no checkpoint yet</span>
      )}
      <span>{pending.count === 0 ? 'nothing pending seal' : `${count.format(pending.count)} pending seal`}</span>
      {/* A transaction left open after writing events holds sealing up: say so once it is not a blink. */}
      {(sealingWaitsOn.oldestOpenSeconds ?? 0) >= 10 && (
        <Badge tone="danger">
          sealing waits on {count.format(sealingWaitsOn.transactions)} open transaction(s), the oldest open{' '}
          {Math.round(sealingWaitsOn.oldestOpenSeconds ?? 0)} s
        </Badge>
      )}
      {verification.problem && <span className="audit-chain-problem">{verification.problem.detail}</span>}
    </section>
  );
}
