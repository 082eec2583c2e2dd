import type { BundleScope } from '@docket/audit-chain';
import { AuditExportQuery, EXPORT_LINES_HEADER } from '@docket/contracts';
import { runAction } from '../actions/context';
import { signedIn } from '../auth/middleware';
import { defineRoute, featureRouter } from '../http/route';
import { type ExportFormat, exportFileName, planExport, streamExport } from './export';
import { publishedKeys } from './signing-keys';

/** `GET /api/audit/export`: a period or a case as a signed bundle, streamed. */
export const auditExportRoutes = featureRouter().openapi(
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
    const { db, signingKeys, logger } = c.var.deps;
    const scope: BundleScope =
      query.scope === 'case'
        ? { kind: 'case', caseId: query.caseId as string }
        : {
            kind: 'period',
            from: new Date(query.from as string).toISOString(),
            to: new Date(query.to as string).toISOString(),
          };
    const formats = (query.formats?.split(',') ?? []) as ExportFormat[];
    const plan = await planExport(db, scope);
    // Recorded, and committed, before the first byte leaves.
    await runAction(c, (ctx) =>
      ctx.emit({
        action: 'audit.exported',
        ...(scope.kind === 'case' ? { target: { type: 'case', id: scope.caseId }, caseId: scope.caseId } : {}),
        details: { scope, range: { anchor: plan.anchor, lastSeq: plan.lastSeq }, formats },
      }),
    );
    const bundle = streamExport(db, {
      plan,
      keys: await publishedKeys(db),
      signer: signingKeys.current(),
      exportedBy: { id: session.user.id, label: session.user.username },
      formats,
    });
    return c.body(
      logFailure(bundle, (error) =>
        logger.error({ err: String(error), requestId: c.var.requestId }, 'audit export failed'),
      ),
      200,
      {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${exportFileName(scope)}"`,
        [EXPORT_LINES_HEADER]: String(plan.lastSeq - plan.anchor),
      },
    );
  },
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
