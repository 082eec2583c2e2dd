/**
 * Transparency reports under /api/transparency (ADR 042): auditors preview and publish; published
 * versions, their exact JSON, CSV sheets and the JSON Schema are public, since publishing is the point.
 */
import {
  PublishedReport,
  PublishedReportList,
  PublishReportBody,
  ReportCsvSheet,
  ReportPeriodQuery,
  TransparencyReport,
} from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../../actions/context';
import { signedIn } from '../../auth/middleware';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../../http/route';
import { computeReport, resolvePeriod } from './compute';
import { reportCsv } from './csv';
import { getReport, listReports, publishReport, reportRow } from './publish';
import { reportJsonSchema } from './schema';

const tags = ['transparency'];
const Id = z.object({ id: z.uuid() });
const NOT_FOUND = { 404: { description: 'No published report with that id.' } };

export const reportRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/reports/preview',
      permission: 'publish:transparency',
      audit: 'none',
      tags,
      summary: 'Compute a transparency report for a period against the newest checkpoint, without publishing it',
      request: { query: ReportPeriodQuery },
      responses: {
        200: jsonResponse(TransparencyReport, 'The report as it would be published now.'),
        409: { description: 'Nothing sealed yet.' },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(
        await computeReport(c.get('deps').db, { period: resolvePeriod(query), threshold: query.threshold }),
        200,
      );
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/reports',
      permission: 'publish:transparency',
      audit: 'transparency.report_published',
      tags,
      summary: 'Publish a transparency report: a new version of its period, with what changed since the last',
      request: { body: jsonBody(PublishReportBody) },
      responses: {
        201: jsonResponse(PublishedReport, 'Published; `changes` is null for a first version.'),
        409: { description: 'Nothing sealed yet, or another version was published at the same moment.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const published = await publishReport(
        c.get('deps').db,
        (action) => runAction(c, action),
        session.user.id,
        c.req.valid('json'),
      );
      return c.json(published, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/reports',
      permission: 'public',
      audit: 'none',
      tags,
      summary: 'Every published version of every transparency report, newest first',
      responses: { 200: jsonResponse(PublishedReportList, 'Newest first (at most 500).') },
    }),
    async (c) => c.json({ items: await listReports(c.get('deps').db) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/reports/{id}',
      permission: 'public',
      audit: 'none',
      tags,
      summary: 'One published version, with what changed from the version before it',
      request: { params: Id },
      responses: { 200: jsonResponse(PublishedReport, 'The version and its report.'), ...NOT_FOUND },
    }),
    async (c) => c.json(await getReport(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/reports/{id}/report.json',
      permission: 'public',
      audit: 'none',
      tags,
      summary: 'The published report.json, byte for byte: its SHA-256 is the one the audit log recorded',
      request: { params: Id },
      responses: {
        200: { description: 'report.json', content: { 'application/json': { schema: TransparencyReport } } },
        ...NOT_FOUND,
      },
    }),
    async (c) => {
      const row = await reportRow(c.get('deps').db, c.req.valid('param').id);
      return c.body(row.report_json, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="transparency-report-${row.label.replace(/[^0-9A-Za-z-]+/g, '_')}-v${row.version}.json"`,
      });
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/reports/{id}/csv/{sheet}',
      permission: 'public',
      audit: 'none',
      tags,
      summary: 'One sheet of the report as CSV, shaped after the EU harmonised transparency templates',
      request: { params: Id.extend({ sheet: ReportCsvSheet }) },
      responses: {
        200: { description: 'The sheet.', content: { 'text/csv': { schema: { type: 'string' } } } },
        ...NOT_FOUND,
      },
    }),
    async (c) => {
      const { id, sheet } = c.req.valid('param');
      const row = await reportRow(c.get('deps').db, id);
      return c.body(reportCsv(JSON.parse(row.report_json), sheet), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="transparency-${row.label.replace(/[^0-9A-Za-z-]+/g, '_')}-v${row.version}-${sheet}.csv"`,
      });
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/report-schema.json',
      permission: 'public',
      audit: 'none',
      tags,
      summary: 'The JSON Schema (draft 2020-12) every published report.json validates against',
      responses: {
        200: { description: 'The schema.', content: { 'application/schema+json': { schema: { type: 'object' } } } },
      },
    }),
    (c) => c.body(JSON.stringify(reportJsonSchema(), null, 2), 200, { 'content-type': 'application/schema+json' }),
  );
