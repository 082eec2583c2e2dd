import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTdbTestServer, type TdbTestServer } from './server';
import { validateBatch, validateStatement } from './validate';

/** A statement the database takes: the example of its API documentation, in Docket's terms. */
const validStatement = (puid = 'docket-1') => ({
  decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
  decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
  incompatible_content_ground: 'https://platform.example/terms#harassment',
  incompatible_content_explanation: 'Repeated insults sent to another user after being asked to stop.',
  incompatible_content_illegal: 'No',
  content_type: ['CONTENT_TYPE_TEXT'],
  category: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  territorial_scope: ['AT', 'GR'],
  content_date: '2026-11-30',
  application_date: '2026-12-01',
  decision_facts: 'Repeated insults sent to another user after being asked to stop.',
  source_type: 'SOURCE_ARTICLE_16',
  automated_detection: 'No',
  automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
  puid,
});

describe('one statement', () => {
  it('takes a complete statement', () => {
    expect(validateStatement(validStatement())).toEqual({});
  });

  it('names each required field that is missing', () => {
    const { decision_facts: _, puid: __, ...rest } = validStatement();
    const errors = validateStatement(rest);
    expect(errors.decision_facts).toEqual(['The decision facts field is required.']);
    expect(errors.puid).toEqual(['The puid field is required.']);
  });

  it('needs at least one kind of restriction', () => {
    const { decision_visibility: _, ...rest } = validStatement();
    expect(Object.keys(validateStatement(rest))).toEqual([
      'decision_visibility',
      'decision_monetary',
      'decision_provision',
      'decision_account',
    ]);
  });

  it('refuses values outside the enums, including Greece spelt EL', () => {
    expect(validateStatement({ ...validStatement(), territorial_scope: ['EL'] })).toHaveProperty('territorial_scope');
    expect(validateStatement({ ...validStatement(), category: 'scams_and_fraud' })).toHaveProperty('category');
    expect(validateStatement({ ...validStatement(), automated_detection: true })).toHaveProperty('automated_detection');
  });

  it('asks the illegal ground for its law and explanation, and ignores the terms fields then', () => {
    const illegal = { ...validStatement(), decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' };
    expect(Object.keys(validateStatement(illegal))).toEqual([
      'illegal_content_legal_ground',
      'illegal_content_explanation',
    ]);
    const { incompatible_content_ground: _, ...terms } = validStatement();
    expect(validateStatement(terms)).toHaveProperty('incompatible_content_ground');
  });

  it('asks for the "other" text only when other is chosen', () => {
    const other = { ...validStatement(), content_type: ['CONTENT_TYPE_OTHER'] };
    expect(validateStatement(other)).toHaveProperty('content_type_other');
    expect(validateStatement({ ...other, content_type_other: 'Voice note' })).toEqual({});
  });

  it('checks dates, lengths and the puid alphabet', () => {
    expect(validateStatement({ ...validStatement(), content_date: '2026-02-30' })).toHaveProperty('content_date');
    expect(validateStatement({ ...validStatement(), application_date: '2019-12-31' })).toHaveProperty(
      'application_date',
    );
    expect(validateStatement({ ...validStatement(), decision_facts: 'x'.repeat(5001) })).toHaveProperty(
      'decision_facts',
    );
    expect(validateStatement({ ...validStatement(), puid: 'docket:1' })).toEqual({
      puid: ['The puid format is invalid.'],
    });
  });
});

describe('a batch', () => {
  it('takes 1 to 100 statements', () => {
    const many = Array.from({ length: 101 }, (_, i) => validStatement(`p-${i}`));
    expect(validateBatch({ statements: many }).ok).toBe(false);
    expect(validateBatch({ statements: many.slice(0, 100) }).ok).toBe(true);
    expect(validateBatch({ statements: [] }).ok).toBe(false);
  });

  it('keys errors by the statement index', () => {
    const verdict = validateBatch({ statements: [validStatement('a'), { ...validStatement('b'), category: null }] });
    expect(verdict).toMatchObject({ ok: false, body: { errors: { statement_1: { category: expect.any(Array) } } } });
  });
});

describe('the test server', () => {
  let server: TdbTestServer;
  const post = (body: unknown, token = 'secret') =>
    fetch(`${server.url}/api/v1/statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  // biome-ignore lint/suspicious/noExplicitAny: assertions, not types, check the answer's shape
  const json = async (response: Response): Promise<any> => response.json();
  beforeAll(async () => {
    server = await startTdbTestServer({ token: 'secret' });
  });
  afterAll(() => server.close());

  it('refuses a wrong token', async () => {
    expect((await post({ statements: [validStatement('t-0')] }, 'nope')).status).toBe(401);
  });

  it('stores a valid batch and refuses its puids a second time, storing nothing of that call', async () => {
    const first = await post({ statements: [validStatement('t-1'), validStatement('t-2')] });
    expect(first.status).toBe(201);
    expect((await json(first)).statements).toHaveLength(2);
    const again = await post({ statements: [validStatement('t-3'), validStatement('t-2')] });
    expect(again.status).toBe(422);
    expect((await json(again)).errors.existing_puids).toEqual(['t-2']);
    expect(server.stored.has('t-3')).toBe(false);
  });

  it('refuses the whole call when one statement is invalid', async () => {
    const response = await post({ statements: [validStatement('t-4'), { ...validStatement('t-5'), puid: '' }] });
    expect(response.status).toBe(422);
    expect((await json(response)).errors.statement_1.puid).toEqual(['The puid field is required.']);
    expect(server.stored.has('t-4')).toBe(false);
  });

  it('answers injected failures before anything else', async () => {
    server.failNext(503);
    expect((await post({ statements: [validStatement('t-6')] })).status).toBe(503);
    expect((await post({ statements: [validStatement('t-6')] })).status).toBe(201);
  });
});
