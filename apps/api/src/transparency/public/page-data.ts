/**
 * What the public transparency page shows: every published report version (with the checkpoint
 * each was computed against), and the newest checkpoint the platform witnessed, read at request time.
 */
import type { PublishedCheckpoint, PublishedReportSummary } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { type CheckpointColumns, checkpointColumns, signedCheckpointOf } from '../../audit/export';
import { latestCheckpoint } from '../checkpoint';
import { listReports } from '../reports/publish';

export interface PublicPageData {
  reports: (PublishedReportSummary & { checkpointHead: string | null })[];
  /** The newest checkpoint sent to the platform (ADR 037); null when none was sent yet. */
  witnessed: PublishedCheckpoint | null;
  /** The newest signed checkpoint, which may be newer than the witnessed one. */
  newest: PublishedCheckpoint | null;
}

async function checkpointsAt(db: Kysely<Database>, seqs: number[]): Promise<Map<number, PublishedCheckpoint>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await sql<CheckpointColumns>`
    select ${checkpointColumns} from audit_checkpoint c where c.seq = any(${seqs}::bigint[])`.execute(db);
  return new Map(rows.map((row) => [Number(row.seq), signedCheckpointOf(row)]));
}

export async function publicPageData(db: Kysely<Database>): Promise<PublicPageData> {
  const [reports, newest, sent] = await Promise.all([
    listReports(db),
    latestCheckpoint(db),
    db
      .selectFrom('audit_event')
      .select(sql<string | null>`details->>'seq'`.as('seq'))
      .where('action', '=', 'audit.checkpoint_sent')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const witnessedSeq = sent?.seq ? Number(sent.seq) : null;
  const checkpoints = await checkpointsAt(db, [
    ...new Set([...reports.map((r) => r.checkpointSeq), ...(witnessedSeq ? [witnessedSeq] : [])]),
  ]);
  return {
    reports: reports.map((r) => ({ ...r, checkpointHead: checkpoints.get(r.checkpointSeq)?.head ?? null })),
    witnessed: witnessedSeq ? (checkpoints.get(witnessedSeq) ?? null) : null,
    newest,
  };
}
