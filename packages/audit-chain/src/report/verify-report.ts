/**
 * `docket-verify --report`: a published transparency report against a period bundle. The bundle is
 * verified as always, and in the same pass its events go through the report fold; then every
 * published figure is compared with the recomputed one, and each that differs is named.
 */
import { MANIFEST_FILE, MAX_DOCUMENT_BYTES } from '../bundle/format';
import { parseManifest } from '../bundle/parse';
import type { SignedCheckpoint } from '../checkpoint';
import type { AuditRecord } from '../record';
import { openBundle } from '../verify/archive';
import { failureResult, VerificationFailure } from '../verify/failure';
import { parseDocument, type VerifyOptions, type VerifySuccess, verifyBundle } from '../verify/verify';
import type { RandomAccessBytes } from '../zip/read';
import { compareFigures, type FigureDifference, finishReport } from './build';
import { MIN_SUPPRESSION_THRESHOLD, REPORT_FORMAT, type ReportFigure, type TransparencyReport } from './document';
import { type FoldedEvents, foldInThread, type ReportSinkFactory } from './event-sink';
import { FIGURE_BY_ID } from './figures';
import { REPORT_ACTIONS } from './fold';

export interface ReportCheckSuccess {
  ok: true;
  bundle: VerifySuccess;
  period: TransparencyReport['period'];
  figures: number;
  /** Events of the bundle the fold counted. */
  eventsCounted: number;
}

export interface ReportCheckFailure {
  ok: false;
  file: string;
  seq?: number;
  reason: string;
  /** Set when the bundle verified but figures differ: each one, published against recomputed. */
  differences?: FigureDifference[];
}

export type ReportCheckResult = ReportCheckSuccess | ReportCheckFailure;

export interface ReportCheckOptions extends Omit<VerifyOptions, 'onEvent'> {
  /** Where the report events are folded; on the calling thread unless a caller has a better place. */
  fold?: ReportSinkFactory;
}

const REPORT_FILE = 'report';

function fail(reason: string): never {
  throw new VerificationFailure(REPORT_FILE, reason);
}

/** The report document, checked for the shape the comparison relies on (the JSON Schema says the rest). */
export function parseReport(value: unknown): TransparencyReport {
  const report = value as TransparencyReport;
  if (!report || typeof report !== 'object' || report.format !== REPORT_FORMAT)
    fail(`is not a ${REPORT_FORMAT} document`);
  const { period, suppression, computedAgainst, figures } = report;
  if (!period || Number.isNaN(Date.parse(period.from)) || Number.isNaN(Date.parse(period.to)))
    fail('has no valid period');
  if (!Number.isSafeInteger(suppression?.threshold) || suppression.threshold < MIN_SUPPRESSION_THRESHOLD)
    fail('has no valid suppression threshold');
  const checkpoint = computedAgainst?.checkpoint as SignedCheckpoint | undefined;
  if (!checkpoint || !Number.isSafeInteger(checkpoint.seq) || typeof checkpoint.head !== 'string') {
    fail('does not say which checkpoint it was computed against');
  }
  if (!Array.isArray(figures)) fail('has no figures');
  for (const figure of figures as ReportFigure[]) {
    if (!FIGURE_BY_ID.has(figure?.id)) fail(`names a figure Docket does not define: ${JSON.stringify(figure?.id)}`);
  }
  return report;
}

/** The action of an event's canonical bytes: RFC 8785 sorts keys, so `{"action":"…"` leads every event. */
const PREFIX = '{"action":"';
function actionOf(bytes: Uint8Array): string | null {
  for (let i = 0; i < PREFIX.length; i++) if (bytes[i] !== PREFIX.charCodeAt(i)) return null;
  let action = '';
  for (let i = PREFIX.length; i < bytes.length && i < 80; i++) {
    const byte = bytes[i] as number;
    if (byte === 0x22) return action;
    if (byte === 0x5c || byte > 0x7e) return null;
    action += String.fromCharCode(byte);
  }
  return null;
}

export async function verifyReport(
  reportBytes: Uint8Array,
  blob: RandomAccessBytes,
  options: ReportCheckOptions,
): Promise<ReportCheckResult> {
  try {
    return await check(reportBytes, blob, options);
  } catch (error) {
    return failureResult(error);
  }
}

async function check(
  reportBytes: Uint8Array,
  blob: RandomAccessBytes,
  { fold: foldWith = foldInThread, ...options }: ReportCheckOptions,
): Promise<ReportCheckResult> {
  const report = parseDocument(reportBytes, REPORT_FILE, parseReport);
  const { period } = report;
  const checkpoint = report.computedAgainst.checkpoint;

  // The bundle must hold every event of the period: a period export covering it, cut after the report.
  const archive = await openBundle(blob, options.crypto);
  const manifest = parseDocument(await archive.read(MANIFEST_FILE, MAX_DOCUMENT_BYTES), MANIFEST_FILE, parseManifest);
  const { scope } = manifest;
  if (
    scope.kind !== 'period' ||
    Date.parse(scope.from) > Date.parse(period.from) ||
    Date.parse(scope.to) < Date.parse(period.to)
  ) {
    const covered = scope.kind === 'period' ? `${scope.from} – ${scope.to}` : `case ${scope.caseId}`;
    fail(`covers ${period.from} – ${period.to}, but the bundle holds ${covered}: export the report's period`);
  }
  const { lastSeq } = manifest.range;
  if (checkpoint.seq > lastSeq && Date.parse(manifest.exportedAt) < Date.parse(checkpoint.issuedAt)) {
    fail(
      `was computed against seq ${checkpoint.seq}, but the bundle was exported before that checkpoint and ends at seq ${lastSeq}: export it again`,
    );
  }

  const fold = await foldWith({ from: period.from, to: period.to, throughSeq: checkpoint.seq });
  try {
    const bundle = await verifyBundle(blob, {
      ...options,
      headAt: checkpoint.seq,
      onEvent(event) {
        if (event instanceof Uint8Array) {
          const action = actionOf(event);
          if (action === null || REPORT_ACTIONS.has(action)) fold.add(event);
        } else if (REPORT_ACTIONS.has(String(event.action))) fold.add(event as unknown as AuditRecord);
      },
    });
    if (!bundle.ok) return bundle;
    const folded = await fold.finish();
    return compare(report, bundle, folded);
  } finally {
    fold.close();
  }
}

function compare(report: TransparencyReport, bundle: VerifySuccess, folded: FoldedEvents): ReportCheckResult {
  const { period } = report;
  const checkpoint = report.computedAgainst.checkpoint;
  const recomputed = finishReport(folded.figures, {
    period,
    threshold: report.suppression.threshold,
    checkpoint,
    notes: report.notes,
  });
  const differences = compareFigures(report.figures, recomputed.figures);
  // Inside the bundle's range, the chain must reach the very head the report was computed against.
  const rewritten = bundle.headAt !== undefined && bundle.headAt !== checkpoint.head;
  if (differences.length > 0 || rewritten) {
    const reasons = [
      ...(differences.length > 0
        ? [
            `${differences.length} figure${differences.length === 1 ? ' differs' : 's differ'} from what the bundle's events give`,
          ]
        : []),
      ...(rewritten
        ? [
            `the bundle's chain at seq ${checkpoint.seq} is not the head the report was computed against: the log was rewritten, or the report was`,
          ]
        : []),
    ];
    return { ok: false, file: REPORT_FILE, reason: reasons.join('; '), differences };
  }
  return { ok: true, bundle, period, figures: report.figures.length, eventsCounted: folded.considered };
}

const show = (figure: FigureDifference['published']) =>
  figure === null
    ? 'absent'
    : figure.status === 'exact'
      ? String(figure.value)
      : figure.range
        ? `${figure.range.min}–${figure.range.max} (suppressed)`
        : figure.status;

/** For the CLI: one line per differing figure. */
export function describeDifferences(differences: FigureDifference[]): string[] {
  return differences.map(
    ({ key, published, recomputed }) => `  ${key}: published ${show(published)}, recomputed ${show(recomputed)}`,
  );
}
