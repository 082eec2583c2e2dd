import type { IntakeReportInput } from '@docket/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { casesVia, holdNewCase } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };
let reviewer: TestSession;

beforeAll(async () => {
  platform = await t.serviceAccount();
  reviewer = (await t.signedIn(['reviewer'])).session;
});

let accounts = 0;
/** A report about a fresh account of its own, so each test finds only its own cases. */
function aboutNewAccount(overrides: Partial<IntakeReportInput> = {}) {
  accounts += 1;
  const id = `acct-find-${process.pid}-${accounts}`;
  const handle = `finder_${process.pid}_${accounts}`;
  return {
    id,
    handle,
    report: (more: Partial<IntakeReportInput> & { minor?: boolean; conversationId?: string } = {}) => {
      const report = aReport({ ...overrides, ...more });
      // The same conversation, with the fresh account in the reported one's place.
      const swap = (account: string) => (account === 'acct-reported' ? id : account);
      return {
        ...report,
        reportedAccountId: id,
        accounts: report.accounts.map((account) =>
          account.id === 'acct-reported' ? { ...account, id, handle } : account,
        ),
        conversation: { ...report.conversation, participantIds: report.conversation.participantIds.map(swap) },
        messages: report.messages.map((message) => ({ ...message, senderId: swap(message.senderId) })),
      };
    },
  };
}

const find = async (query: Record<string, string>, session = reviewer) => {
  const response = await t.request('GET', `/api/cases/find?${new URLSearchParams(query)}`, { session });
  return { status: response.status, body: await response.json() };
};

describe('a queue’s case list', () => {
  it('filters by category and minors, and pages through every match once in each order', async () => {
    const subject = aboutNewAccount();
    const made = await casesVia(t, platform, [
      ...Array.from({ length: 5 }, () => subject.report({ category: 'spam' })),
      subject.report({ category: 'spam', minor: true }),
      subject.report({ category: 'harassment' }),
    ]);
    expect(new Set(made).size).toBe(7);

    for (const sort of ['priority', 'oldest', 'newest', 'sla']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await find({
          q: subject.handle,
          category: 'spam',
          sort,
          limit: '2',
          ...(cursor ? { cursor } : {}),
        });
        expect(page.status, sort).toBe(200);
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen, sort).toHaveLength(6);
      expect(new Set(seen).size, sort).toBe(6);
    }

    const minors = await find({ q: subject.handle, minors: 'true' });
    expect(minors.body.items).toHaveLength(1);
    expect(minors.body.items[0]).toMatchObject({ involvesMinor: true, category: 'spam' });
  });

  it('refuses a cursor from another order, naming the field', async () => {
    const subject = aboutNewAccount();
    await casesVia(t, platform, [subject.report(), subject.report()]);
    const first = await find({ q: subject.handle, sort: 'oldest', limit: '1' });
    const wrong = await find({ q: subject.handle, sort: 'newest', cursor: first.body.nextCursor });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});

describe('search', () => {
  it('finds a case by its id, the account’s id or @handle, the external report id and the conversation id', async () => {
    const subject = aboutNewAccount();
    const report = subject.report({ conversationId: `conv-find-${process.pid}-${accounts}` });
    const [caseId] = (await casesVia(t, platform, [report])) as [string];
    const terms = [caseId, subject.id, `@${subject.handle}`, report.externalId, report.conversation.id];
    for (const q of terms) {
      const { status, body } = await find({ q });
      expect(status, q).toBe(200);
      expect(
        body.items.map((item: { id: string }) => item.id),
        q,
      ).toEqual([caseId]);
    }
    expect((await find({ q: subject.handle })).body.accounts).toEqual([{ id: subject.id, handle: subject.handle }]);
    expect((await find({ q: 'nobody-at-all' })).body.items).toEqual([]);
  });

  it('is refused to people who may not read cases', async () => {
    const auditor = (await t.signedIn(['auditor'])).session;
    expect((await find({ q: 'x' }, auditor)).status).toBe(403);
  });
});

describe('a decided case', () => {
  it('opens read-only for another reviewer, audited like any case view, with the same blur and reveal rules', async () => {
    const holder = (await t.signedIn(['reviewer'])).session;
    const caseId = await holdNewCase(t, platform, holder, aReport({ category: 'child_safety' }));
    // Decided by whatever path (a confirmation, an appeal): the test needs only the state.
    await t.db
      .updateTable('case')
      .set({ status: 'decided', decided_at: new Date() })
      .where('id', '=', caseId)
      .execute();

    const other = await t.signedIn(['reviewer']);
    const response = await t.request('GET', `/api/cases/${caseId}`, { session: other.session });
    expect(response.status).toBe(200);
    const detail = await response.json();
    expect(detail.readOnly).toBe(true);
    expect(detail.blurEvidence).toBe(true);
    const [opened] = (await t.auditEvents('case.opened')).slice(-1);
    expect(opened).toMatchObject({ case_id: caseId, actor_id: other.id });

    const reveal = await t.request('POST', `/api/cases/${caseId}/evidence/reveal`, { session: other.session });
    expect(reveal.status).toBe(204);
    const [revealed] = (await t.auditEvents('evidence.revealed')).slice(-1);
    expect(revealed).toMatchObject({ case_id: caseId, actor_id: other.id });
  });

  it('but an open case someone else holds stays closed to them', async () => {
    const holder = (await t.signedIn(['reviewer'])).session;
    const caseId = await holdNewCase(t, platform, holder, aReport());
    const other = (await t.signedIn(['reviewer'])).session;
    expect((await t.request('GET', `/api/cases/${caseId}`, { session: other })).status).toBe(409);
    expect((await t.request('POST', `/api/cases/${caseId}/evidence/reveal`, { session: other })).status).toBe(409);
  });
});
