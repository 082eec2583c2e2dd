/**
 * Checkpoints kept outside Docket (an auditor's from an earlier export, a platform's from the
 * `audit.checkpoint` events, anyone's from the public URL): a later bundle must agree with every
 * one it covers. Only heads were witnessed, so a rewrite is located between the last witnessed
 * seq that still agrees and the first that does not.
 */
import { fromHex, toHex } from '../bytes';
import type { SignedCheckpoint } from '../checkpoint';
import type { Head } from './chain-walk';
import { VerificationFailure } from './failure';

const FILE = 'saved checkpoint';

/** Ascending by seq; the same checkpoint twice counts once, two signed heads for one seq are a fork. */
export function orderWitnessed(checkpoints: readonly SignedCheckpoint[]): SignedCheckpoint[] {
  const bySeq = new Map<number, SignedCheckpoint>();
  for (const checkpoint of checkpoints) {
    const seen = bySeq.get(checkpoint.seq);
    if (seen && seen.head !== checkpoint.head) {
      throw new VerificationFailure(
        FILE,
        `two saved checkpoints sign different heads for seq ${checkpoint.seq}: the signer showed two histories`,
        checkpoint.seq,
      );
    }
    bySeq.set(checkpoint.seq, checkpoint);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Why the chain at `seq` is not what was witnessed there, located as closely as the witnesses allow. */
export function rewriteReason(seq: number, lastAgreed: number | null): string {
  const where =
    lastAgreed === null
      ? `at or before seq ${seq}`
      : `between seq ${lastAgreed + 1} and seq ${seq} (the checkpoint witnessed at seq ${lastAgreed} still agrees)`;
  return `seq ${seq}: the chain differs from the checkpoint witnessed at seq ${seq}, so history was rewritten ${where}; this bundle does not extend what was witnessed`;
}

export interface WitnessPlan {
  /** Witnessed heads inside (anchor, lastSeq], for the chain walk. */
  inside: Head[];
  /** The highest witnessed seq at or before the anchor that agrees with it, if any. */
  agreedAtAnchor: number | null;
  /** The highest witnessed seq the bundle is checked against. */
  extends: number | null;
}

/**
 * Places each witnessed checkpoint against the bundle's range. One past the range whose signature
 * is older than the bundle's own last checkpoint means the chain was cut back: checkpoints are
 * signed in seq order, so a later signature over a lower seq is a rollback.
 */
export function planWitnessed(
  witnessed: readonly SignedCheckpoint[],
  range: { anchor: number; lastSeq: number; anchorHead: Uint8Array; lastIssuedAt: string },
): WitnessPlan {
  const { anchor, lastSeq } = range;
  let agreedAtAnchor: number | null = null;
  const inside: Head[] = [];
  for (const checkpoint of witnessed) {
    if (checkpoint.seq === anchor) {
      if (checkpoint.head !== toHex(range.anchorHead))
        throw new VerificationFailure(FILE, rewriteReason(anchor, null), anchor);
      agreedAtAnchor = anchor;
    } else if (checkpoint.seq > anchor && checkpoint.seq <= lastSeq) {
      inside.push({ seq: checkpoint.seq, head: fromHex(checkpoint.head) });
    } else if (checkpoint.seq > lastSeq && Date.parse(checkpoint.issuedAt) < Date.parse(range.lastIssuedAt)) {
      throw new VerificationFailure(
        FILE,
        `rolled back: seq ${checkpoint.seq} was witnessed (signed ${checkpoint.issuedAt}), yet this bundle's chain ends at seq ${lastSeq} under a checkpoint signed later (${range.lastIssuedAt}); history after seq ${lastSeq} or before it was cut back and rewritten`,
        checkpoint.seq,
      );
    }
  }
  const checked = [...(agreedAtAnchor === null ? [] : [agreedAtAnchor]), ...inside.map((head) => head.seq)];
  if (witnessed.length > 0 && checked.length === 0) {
    const nearest = witnessed.at(-1) as SignedCheckpoint;
    throw new VerificationFailure(
      FILE,
      `saved checkpoint ${nearest.seq} lies outside this bundle's range (${anchor}–${lastSeq}), so it cannot be checked`,
      nearest.seq,
    );
  }
  return { inside, agreedAtAnchor, extends: checked.length > 0 ? Math.max(...checked) : null };
}
