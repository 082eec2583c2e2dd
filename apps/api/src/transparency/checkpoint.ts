/**
 * Witnessed checkpoints (ADR 037): the latest signed checkpoint leaves the database — to the
 * platform as `audit.checkpoint` at an interval, and to anyone at a public URL — so that whoever
 * keeps one can later prove a bundle extends it, even against an owner who rewrote the tables.
 */
import type { PublishedCheckpoint } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { type CheckpointColumns, checkpointColumns, signedCheckpointOf } from '../audit/export';

/** The newest checkpoint, in the exact form of a bundle's `checkpoints.jsonl` line; null before the first seal. */
export async function latestCheckpoint(db: Kysely<Database>): Promise<PublishedCheckpoint | null> {
  const { rows } = await sql<CheckpointColumns>`
    select ${checkpointColumns} from audit_checkpoint c order by c.seq desc limit 1`.execute(db);
  return rows[0] ? signedCheckpointOf(rows[0]) : null;
}

/**
 * Sends the newest checkpoint to the platform unless it was already sent. Each send is itself an
 * event, sealed under the next checkpoint: an idle system sends one a interval, no more.
 */
export async function witnessCheckpoint(ctx: ActionContext): Promise<PublishedCheckpoint | null> {
  const checkpoint = await latestCheckpoint(ctx.trx);
  if (!checkpoint) return null;
  const last = await ctx.trx
    .selectFrom('audit_event')
    .select(sql<string | null>`details->>'seq'`.as('seq'))
    .where('action', '=', 'audit.checkpoint_sent')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && Number(last.seq) >= checkpoint.seq) return null;
  await ctx.emit({
    action: 'audit.checkpoint_sent',
    target: { type: 'audit_checkpoint', id: String(checkpoint.seq) },
    details: { seq: checkpoint.seq, head: checkpoint.head, keyId: checkpoint.keyId },
    outbound: checkpoint,
  });
  return checkpoint;
}
