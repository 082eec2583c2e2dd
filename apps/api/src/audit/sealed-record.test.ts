/**
 * The sealer renders each record in the database and hashes it there (ADR 046); the verifiers
 * rebuild it with `recordText` in JavaScript. Whatever an event holds — any Unicode, control
 * characters, quotes, numbers in every JSON form, nesting, missing parts — the two must agree
 * byte for byte, or the chain would not verify.
 */
import { recordText } from '@docket/audit-chain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { auditRecord, type EventColumns, eventColumns } from './records';
import { verifyStoredChain } from './verify';

const t = useTestApp();

// PostgreSQL text cannot hold U+0000; everything else is fair game, lone surrogates aside.
const text = fc
  .string({ unit: 'binary', maxLength: 24 })
  .map((value) => value.replaceAll('\u0000', '').replace(/[\uD800-\uDFFF]/gu, ''));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.1, 1e21, 1e-7, 1.5e300, 123456789012345680000, -0, 2 ** 53 + 1, 0.000001),
);
const details = fc.dictionary(
  text,
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      number,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  })).value,
  { maxKeys: 6 },
);
const event = fc.record({
  actor_type: fc.constantFrom('staff', 'service', 'system', 'anonymous'),
  actor_id: maybe(text),
  actor_label: maybe(text),
  actor_roles: fc.array(text, { maxLength: 3 }),
  outcome: fc.constantFrom('success', 'denied', 'failure'),
  target_type: maybe(text),
  target_id: maybe(text),
  details,
  request_id: maybe(text),
  ip: maybe(text),
  user_agent: maybe(text),
});

it('renders every record exactly as the verifiers rebuild it', async () => {
  const events = fc.sample(event, 300);
  for (const [i, values] of events.entries()) {
    // Some events share a transaction, as several events of one action do.
    await t.db
      .insertInto('audit_event')
      .values({ ...values, action: 'test.rendered', details: JSON.stringify(values.details) })
      .execute();
    if (i % 3 === 0) await t.seal();
  }
  for (;;) if ((await t.seal()).outcome === 'idle') break;

  const { rows } = await sql<EventColumns & { seq: string; record: string }>`
    select s.seq::text, s.record, ${eventColumns} from audit_seal s join audit_event e on e.id = s.event_id
    where e.action = 'test.rendered' order by s.seq`.execute(t.db);
  expect(rows).toHaveLength(events.length);
  for (const row of rows) expect(row.record).toBe(recordText(auditRecord(Number(row.seq), row)));
  expect((await verifyStoredChain(t.db)).problem).toBeNull();
});
