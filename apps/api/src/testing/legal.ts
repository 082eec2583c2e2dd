/** Legal requests made through the API, and conversations for them to reach, for the legal tests. */
import type { RecordLegalRequestBody } from '@docket/contracts';
import { casesVia } from './cases';
import type { TestSession, useTestApp } from './harness';
import { aReport } from './reports';

type Harness = ReturnType<typeof useTestApp>;

let counter = 0;

/**
 * Two conversations through intake: one between the target and a friend (messages in October and
 * November 2026), one between two strangers the order never names.
 */
export async function legalConversations(t: Harness, platform: { keyId: string; secret: string }) {
  counter += 1;
  const suffix = `${process.pid}-${counter}-${Math.random().toString(36).slice(2, 6)}`;
  const target = `acct-target-${suffix}`;
  const friend = `acct-friend-${suffix}`;
  const stranger = `acct-stranger-${suffix}`;
  const other = `acct-other-${suffix}`;
  const withTarget = `conv-target-${suffix}`;
  const without = `conv-strangers-${suffix}`;
  await casesVia(t, platform, [
    aReport({
      conversationId: withTarget,
      reporterId: friend,
      reportedAccountId: target,
      accounts: [
        { id: friend, handle: `friend_${counter}`, ageBand: 'adult' },
        { id: target, handle: `target_${counter}`, ageBand: 'adult', createdAt: '2024-05-06T07:08:09Z' },
      ],
      conversation: { id: withTarget, participantIds: [friend, target] },
      messages: [
        { id: 'oct', senderId: target, sentAt: '2026-10-10T10:00:00Z', body: 'October message from the target.' },
        { id: 'nov1', senderId: friend, sentAt: '2026-11-05T10:00:00Z', body: 'November reply from the friend.' },
        { id: 'nov2', senderId: target, sentAt: '2026-11-20T10:00:00Z', body: 'November message from the target.' },
      ],
      reportedMessageIds: ['nov2'],
    }),
    aReport({
      conversationId: without,
      reporterId: stranger,
      reportedAccountId: other,
      accounts: [
        { id: stranger, handle: `stranger_${counter}`, ageBand: 'adult' },
        { id: other, handle: `other_${counter}`, ageBand: 'adult' },
      ],
      conversation: { id: without, participantIds: [stranger, other] },
      messages: [{ id: 'nov', senderId: other, sentAt: '2026-11-10T10:00:00Z', body: 'A stranger’s message.' }],
      reportedMessageIds: ['nov'],
    }),
  ]);
  return { target, friend, stranger, other, withTarget, without };
}

export function aLegalRequest(
  targets: RecordLegalRequestBody['targets'],
  overrides: Partial<RecordLegalRequestBody> = {},
): RecordLegalRequestBody {
  return {
    reference: `AZ-${Math.random().toString(36).slice(2, 8)}`,
    channel: 'portal',
    receivedAt: '2026-12-01T09:00:00Z',
    authority: { name: 'Amtsgericht Berlin-Tiergarten', type: 'court', country: 'DE' },
    officerContact: 'KOK Weber, LKA 1, +49 30 0000 0000',
    instrument: 'search_warrant',
    legalBasis: '§§ 94, 98, 100a StPO',
    offenceCategory: 'extortion',
    targets,
    reportingRequired: false,
    ...overrides,
  };
}

/** Two legal officers: who records the order, and the second who decides it. */
export async function legalOfficers(t: Harness) {
  return { recorder: await t.signedIn(['legal']), second: await t.signedIn(['legal']) };
}

export async function recordVia(t: Harness, session: TestSession, body: RecordLegalRequestBody): Promise<string> {
  const response = await t.request('POST', '/api/legal/requests', { session, body });
  if (response.status !== 201) throw new Error(`record failed: ${response.status} ${await response.text()}`);
  return (await response.json()).id;
}

export function step(t: Harness, session: TestSession, id: string, name: string) {
  return t.request('POST', `/api/legal/requests/${id}/steps`, { session, body: { step: name } });
}

export function decide(t: Harness, session: TestSession, id: string, body: object) {
  return t.request('POST', `/api/legal/requests/${id}/decision`, { session, body });
}

/** Records `body` as `recorder`, puts it under review and has `second` decide it as given. */
export async function decidedRequest(
  t: Harness,
  officers: Awaited<ReturnType<typeof legalOfficers>>,
  body: RecordLegalRequestBody,
  decision: object = { outcome: 'accepted' },
): Promise<string> {
  const id = await recordVia(t, officers.recorder.session, body);
  await step(t, officers.recorder.session, id, 'review');
  const decided = await decide(t, officers.second.session, id, decision);
  if (decided.status !== 200) throw new Error(`decision failed: ${decided.status} ${await decided.text()}`);
  return id;
}

export function legalRead(t: Harness, session: TestSession, id: string, body: object) {
  return t.request('POST', `/api/legal/requests/${id}/read`, { session, body });
}

export async function produceVia(t: Harness, session: TestSession, id: string): Promise<Uint8Array> {
  const response = await t.request('POST', `/api/legal/requests/${id}/production`, { session });
  if (response.status !== 200) throw new Error(`production failed: ${response.status} ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A warrant for the target's autumn, narrowed by the second officer to November, and produced. */
export async function producedWarrant(
  t: Harness,
  platform: { keyId: string; secret: string },
  overrides: Partial<RecordLegalRequestBody> = {},
) {
  const officers = await legalOfficers(t);
  const people = await legalConversations(t, platform);
  const id = await decidedRequest(
    t,
    officers,
    aLegalRequest(
      [
        {
          accountId: people.target,
          from: '2026-09-01T00:00:00Z',
          until: '2026-12-01T00:00:00Z',
          categories: ['subscriber', 'metadata', 'content'],
        },
      ],
      overrides,
    ),
    {
      outcome: 'narrowed',
      note: 'November only.',
      targets: [
        {
          accountId: people.target,
          from: '2026-11-01T00:00:00Z',
          until: '2026-12-01T00:00:00Z',
          categories: ['subscriber', 'metadata', 'content'],
        },
      ],
    },
  );
  const pkg = await produceVia(t, officers.recorder.session, id);
  return { ...officers, people, id, pkg };
}
