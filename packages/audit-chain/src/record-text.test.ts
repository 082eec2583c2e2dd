import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import { recordText } from './chain';
import type { AuditRecord } from './record';
import { syntheticRecord } from './testing/records';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const nullable = fc.option(text, { nil: null });
const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

const record: fc.Arbitrary<AuditRecord> = fc.record({
  seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  id: text,
  occurredAt: text,
  actor: fc.record({
    type: fc.constantFrom('staff', 'service', 'system', 'anonymous'),
    id: nullable,
    label: nullable,
    roles: fc.array(text, { maxLength: 4 }),
  }),
  action: text,
  outcome: fc.constantFrom('success', 'denied', 'failure'),
  target: fc.option(fc.record({ type: text, id: text }), { nil: null }),
  caseId: nullable,
  grantId: nullable,
  details: fc.dictionary(text, json, { maxKeys: 6 }),
  requestId: nullable,
  ip: nullable,
  userAgent: nullable,
});

describe('the record text', () => {
  it('is exactly the RFC 8785 canonical form of the record, whatever it holds', () => {
    fc.assert(
      fc.property(record, (r) => recordText(r) === canonicalJson(r)),
      { numRuns: 2000 },
    );
  });

  it('matches the canonical form for realistic records too', () => {
    for (let seq = 1; seq <= 500; seq++) {
      const r = syntheticRecord(seq);
      expect(recordText(r)).toBe(canonicalJson(r));
    }
  });
});
