import type { BundleScope } from '@docket/audit-chain';
import { AuditExportProgress, AuditExportQuery, EXPORT_LINES_HEADER, exportFileName } from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { signedIn } from '../auth/middleware';
import { defineRoute, featureRouter, jsonResponse } from '../http/route';
import { type ExportFormat, planExport, streamExport } from './export';
import { failProgress, readProgress, startProgress, trackProgress } from './export-progress';
import { publishedKeys } from './signing-keys';

/** `GET /api/audit/export`: a period or a case as a signed bundle, streamed. */
export const auditExportRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/export',
      permission: 'export:audit',
      audit: 'audit.exported',
      tags: ['audit'],
      summary: 'Export a period or a case as a signed audit bundle (zip), streamed; verify it with docket-verify',
      description:
        'The bundle runs from just after a checkpoint to the first checkpoint after the last event in scope; ' +
        'events outside the scope appear elided (sequence number and hashes only). Only sealed events are included. ' +
        `\`${EXPORT_LINES_HEADER}\` says how many lines events.jsonl holds, for progress. Format: docs/audit-bundle.md.`,
      request: { query: AuditExportQuery },
      responses: {
        200: {
          description: 'The bundle.',
          content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
        },
        404: { description: 'Nothing sealed in scope.' },
        503: { description: 'The newest events in scope are not under a checkpoint yet.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const query = c.req.valid('query');
      const { db, signingKeys, logger } = c.get('deps');
      const scope: BundleScope =
        query.scope === 'case'
          ? { kind: 'case', caseId: query.caseId as string }
          : {
              kind: 'period',
              from: new Date(query.from as string).toISOString(),
              to: new Date(query.to as string).toISOString(),
            };
      const formats = (query.formats?.split(',') ?? []) as ExportFormat[];
      const { progressId } = query;
      if (progressId) await startProgress(db, progressId, session.user.id);
      const plan = await planExport(db, scope).catch(async (error: unknown) => {
        if (progressId) await failProgress(db, progressId, error, c.get('requestId'));
        throw error;
      });
      // Recorded, and committed, before the first byte leaves.
      await runAction(c, (ctx) =>
        ctx.emit({
          action: 'audit.exported',
          ...(scope.kind === 'case' ? { target: { type: 'case', id: scope.caseId }, caseId: scope.caseId } : {}),
          details: { scope, range: { anchor: plan.anchor, lastSeq: plan.lastSeq }, formats },
        }),
      );
      const streamed = streamExport(db, {
        plan,
        keys: await publishedKeys(db),
        signer: signingKeys.current(),
        exportedBy: { id: session.user.id, label: session.user.username },
        formats,
      });
      const lines = plan.lastSeq - plan.anchor;
      const bundle = progressId ? trackProgress(db, progressId, lines, streamed) : streamed;
      return c.body(
        logFailure(bundle, (error) => {
          logger.error({ err: String(error), requestId: c.get('requestId') }, 'audit export failed');
          if (progressId) void failProgress(db, progressId, error, c.get('requestId')).catch(() => {});
        }),
        200,
        {
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="${exportFileName(scope)}"`,
          [EXPORT_LINES_HEADER]: String(lines),
        },
      );
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/export/progress/{id}',
      permission: 'export:audit',
      // The export itself is recorded (audit.exported); this only reads how far one's own has got.
      audit: 'none',
      tags: ['audit'],
      summary: 'How far your export with this progress id has got (for a bundle the browser saves itself)',
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        200: jsonResponse(AuditExportProgress, 'Lines and bytes sent so far, or why it failed.'),
        404: { description: 'No export of yours with that id (yet).' },
      },
    }),
    async (c) => c.json(await readProgress(c.get('deps').db, c.req.valid('param').id, signedIn(c).user.id), 200),
  );

/** Passes the stream through, telling `onError` when it fails midway (the client only sees it end). */
function logFailure(stream: ReadableStream<Uint8Array>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
