import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCryptoProvider } from '../node/crypto';
import type { AuditRecord } from '../record';
import { TestLedger } from '../testing/fixture';
import { reportRecord } from '../testing/report-records';
import { finishReport, reportFold } from './build';
import { figureKey, type TransparencyReport } from './document';
import { FIGURE_BY_ID } from './figures';
import { verifyReport } from './verify-report';

const options = { start: Date.UTC(2026, 11, 1, 1), stepMs: 900 };
const period = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z', label: '2026-12' };
const crypto = nodeCryptoProvider();
const encode = (report: unknown) => new TextEncoder().encode(JSON.stringify(report));

let ledger: TestLedger;
let bundle: Blob;
let report: TransparencyReport;

function computeReport(records: AuditRecord[], threshold = 10): TransparencyReport {
  const checkpoint = ledger.checkpoints.at(-1)!;
  const fold = reportFold({ period, checkpoint });
  for (const record of records) fold.add(record);
  return finishReport(fold.result(), { period, threshold, checkpoint });
}

beforeAll(async () => {
  ledger = new TestLedger({ events: 3000, checkpointEvery: 250, record: (seq) => reportRecord(seq, options) });
  bundle = new Blob([(await ledger.bundle()) as Uint8Array<ArrayBuffer>]);
  report = computeReport(ledger.sealed.map(({ record }) => record));
}, 60_000);

describe('docket-verify --report', () => {
  it('recomputes every figure of a genuine report from the bundle and agrees', async () => {
    const result = await verifyReport(encode(report), bundle, { crypto });
    expect(result).toMatchObject({ ok: true, figures: report.figures.length });
    // Every section has figures that are not zero: the records exercise the whole table.
    for (const section of ['access', 'legal', 'moderation']) {
      const filled = report.figures.filter(
        (f) => f.id.startsWith(section) && ((f.value ?? 0) > 0 || f.status === 'suppressed'),
      );
      expect(filled.length).toBeGreaterThan(5);
    }
  });

  it('names the one figure that was changed in the report, and fails', async () => {
    const figures = report.figures.map((figure) =>
      figure.id === 'access.grants_revoked' ? { ...figure, value: (figure.value ?? 0) + 1 } : figure,
    );
    const result = await verifyReport(encode({ ...report, figures }), bundle, { crypto });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.differences?.map((d) => d.key)).toEqual(['access.grants_revoked']);
  });

  it('names the figure an event rewritten in the log changes, even when the chain was re-signed', async () => {
    const rewrite = (seq: number) => {
      const record = reportRecord(seq, options);
      // seq 107 is a decision: the insider turns a warning into "no violation".
      return seq === 107 ? { ...record, details: { ...record.details, action: 'no_violation' } } : record;
    };
    expect(reportRecord(107, options).action).toBe('decision.recorded');
    const rewritten = new TestLedger({ events: 3000, checkpointEvery: 250, key: ledger.key, record: rewrite });
    const result = await verifyReport(
      encode(report),
      new Blob([(await rewritten.bundle()) as Uint8Array<ArrayBuffer>]),
      { crypto },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const keys = result.differences?.map((d) => d.key) ?? [];
    expect(keys.some((key) => key.startsWith('moderation.decisions[action='))).toBe(true);
    expect(result.reason).toMatch(/not the head the report was computed against/);
  });

  it('refuses a bundle that does not cover the report’s period', async () => {
    const scope = { kind: 'period', from: '2026-12-02T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' } as const;
    const narrow = new Blob([(await ledger.bundle({ scope })) as Uint8Array<ArrayBuffer>]);
    const result = await verifyReport(encode(report), narrow, { crypto });
    expect(result).toMatchObject({ ok: false, file: 'report' });
  });

  it('never shows a count below the threshold exactly', () => {
    for (const threshold of [5, 10, 50]) {
      const suppressed = computeReport(
        ledger.sealed.map(({ record }) => record),
        threshold,
      );
      for (const figure of suppressed.figures) {
        const unit = FIGURE_BY_ID.get(figure.id)?.unit;
        if (unit === 'count' && figure.status === 'exact') {
          expect(figure.value === 0 || (figure.value as number) >= threshold, figureKey(figure)).toBe(true);
        }
        if (figure.status === 'suppressed') expect(figure.value).toBeNull();
      }
      expect(suppressed.figures.some((figure) => figure.status === 'suppressed')).toBe(true);
    }
  });
});
