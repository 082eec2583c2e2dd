/**
 * A demo history worth a transparency report (issue 13): once the demo reports are in, the demo
 * staff work cases through the real HTTP API, as people would — access asked for, approved,
 * shortened, denied or withdrawn, conversations read, break-glass used and reviewed, decisions
 * with statements of reasons, suspensions confirmed, appeals decided, and legal orders recorded,
 * decided, produced and their notices decided — so every section of a report has figures.
 */
import { instrumentReaches, LEGAL_DATA_CATEGORIES, type LegalInstrument } from '@docket/contracts';
import { DEMO_STAFF } from './demo-staff';

/** What the order asks for: what its instrument can reach (a preservation request asks to keep subscriber data). */
const reachable = (instrument: LegalInstrument) => {
  const categories = LEGAL_DATA_CATEGORIES.filter((category) => instrumentReaches(instrument, category));
  return categories.length > 0 ? categories : ['subscriber'];
};

// biome-ignore lint/suspicious/noExplicitAny: the demo reads API answers loosely, as the tests do; the API checks every request
type Json = Record<string, any>;

interface Person {
  cookie: string;
  csrf: string;
}

const POLICY_BY_CATEGORY: Record<string, string> = {
  child_safety: 'CS-1',
  grooming: 'GR-1',
  sextortion: 'SX-1',
  violent_threat: 'VT-1',
  self_harm: 'SH-1',
  harassment: 'HR-1',
  hate: 'HT-1',
  scam_fraud: 'SC-1',
  spam: 'SP-1',
};
const ACTIONS = ['warn', 'remove_messages', 'no_violation', 'suspend_account', 'restrict_account', 'warn'] as const;
const JUSTIFICATION = 'The reported messages refer to earlier ones that I need to read to decide this case.';
const REASON = 'Your messages broke our rules, as the reported messages show; this decision explains which rule.';

/** How the client reaches the API: `fetch` against the running server, or a test's in-process app. */
export type Fetcher = (path: string, init: RequestInit) => Promise<Response>;

export class DemoClient {
  constructor(private readonly fetcher: Fetcher) {}

  async signIn(username: string): Promise<Person> {
    const login = DEMO_STAFF.find((staff) => staff.username === username);
    const response = await this.fetcher('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: login?.password }),
    });
    if (!response.ok) throw new Error(`demo history: ${username} could not sign in (${response.status})`);
    const body = (await response.json()) as { csrfToken: string };
    return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
  }

  async call(person: Person, method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
    const response = await this.fetcher(path, {
      method,
      headers: {
        cookie: person.cookie,
        'x-csrf-token': person.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {},
    };
  }
}

function statement(action: string) {
  return ['remove_messages', 'suspend_account', 'restrict_account'].includes(action)
    ? {
        statement: {
          ground: { kind: 'terms', alsoIllegal: false },
          publicReason: REASON,
          endsAt: action === 'suspend_account' ? new Date(Date.now() + 30 * 86_400_000).toISOString() : null,
          territorialScope: ['DE', 'FR', 'IE'],
        },
      }
    : {};
}

async function claim(client: DemoClient, person: Person, queues: string[], round: number): Promise<Json | null> {
  for (let i = 0; i < queues.length; i++) {
    const queue = queues[(round + i) % queues.length] as string;
    const { json } = await client.call(person, 'POST', `/api/queues/${queue}/claim-next`, {});
    if (json.case) return json.case;
  }
  return null;
}

/** One case worked by `reviewer`: access in one of its ways, a read, a decision; returns the account decided on. */
async function workCase(client: DemoClient, reviewer: Person, supervisor: Person, held: Json, round: number) {
  const caseId = held.id as string;
  const detail = (await client.call(reviewer, 'GET', `/api/cases/${caseId}`)).json;
  const policy = POLICY_BY_CATEGORY[held.category as string];
  if (!policy) {
    await client.call(reviewer, 'POST', `/api/cases/${caseId}/release`, {});
    return null;
  }
  if (held.urgent && round % 3 === 0) {
    const glass = await client.call(reviewer, 'POST', `/api/cases/${caseId}/break-glass`, {
      justification: 'The report describes a threat to someone’s safety tonight; I need the whole conversation now.',
      durationMinutes: 10,
    });
    if (glass.status === 201) {
      await client.call(reviewer, 'GET', `/api/cases/${caseId}/conversation`);
      await client.call(supervisor, 'POST', `/api/access/break-glass/${glass.json.id}/review`, {
        outcome: round % 9 === 0 ? 'unjustified' : 'justified',
        ...(round % 9 === 0 ? { note: 'The reported messages alone were enough here.' } : {}),
      });
    }
  } else {
    const code = held.urgent ? 'IMMINENT_HARM' : round % 4 === 1 ? 'OWN_INITIATIVE_REVIEW' : 'USER_REPORT';
    const asked = await client.call(reviewer, 'POST', `/api/cases/${caseId}/access-requests`, {
      justificationCode: code,
      justification: JUSTIFICATION,
      scope: round % 2 ? { kind: 'full_conversation' } : { kind: 'reported_context', context: 5 },
      durationMinutes: 60,
    });
    if (asked.status === 201 && round % 7 === 6) {
      await client.call(reviewer, 'POST', `/api/access/requests/${asked.json.id}/cancel`, {});
    } else if (asked.status === 201 && round % 5 === 4) {
      await client.call(supervisor, 'POST', `/api/access/requests/${asked.json.id}/deny`, {
        reason: 'The reported messages are enough to decide this case.',
      });
    } else if (asked.status === 201) {
      await client.call(supervisor, 'POST', `/api/access/requests/${asked.json.id}/approve`, {
        ...(round % 3 === 0 ? { durationMinutes: 30 } : {}),
      });
      // Now and then a grant ends unused: the reviewer decides from the evidence after all.
      if (round % 6 !== 5) await client.call(reviewer, 'GET', `/api/cases/${caseId}/conversation`);
    }
  }
  const action = ACTIONS[round % ACTIONS.length] as string;
  const decided = await client.call(reviewer, 'POST', `/api/cases/${caseId}/decisions`, {
    action,
    policyCode: action === 'no_violation' ? 'NV-1' : policy,
    rationale: 'Decided on the reported messages and, where granted, their context.',
    ...statement(action),
  });
  if (decided.status === 201 && decided.json.confirmation?.status === 'pending') {
    await client.call(supervisor, 'POST', `/api/decisions/${decided.json.id}/confirm`, {});
  }
  return (detail.reports?.[0]?.reportedAccountId as string | undefined) ?? null;
}

const INSTRUMENTS = [
  ['DE', 'search_warrant', 'court'],
  ['FR', 'subpoena', 'prosecutor'],
  ['US', 'court_order_records', 'court'],
  ['IE', 'preservation_request', 'police'],
  ['DE', 'eu_production_order', 'prosecutor'],
  ['NL', 'emergency_disclosure', 'police'],
] as const;

/** Legal orders: recorded by one officer, decided by the other, produced, with notices decided. */
async function legalOrders(client: DemoClient, accounts: string[]) {
  const legal = await client.signIn('legal');
  const second = await client.signIn('legal2');
  const now = Date.now();
  for (const [index, [country, instrument, type]] of INSTRUMENTS.entries()) {
    const accountId = accounts[index % accounts.length] as string;
    const emergency = instrument === 'emergency_disclosure';
    const recorded = await client.call(legal, 'POST', '/api/legal/requests', {
      reference: `DEMO-${country}-${index + 1}`,
      channel: 'portal',
      receivedAt: new Date(now - (6 + index * 5) * 3_600_000).toISOString(),
      authority: { name: `Demo authority ${country}`, type, country },
      officerContact: 'Demo officer, demo@authority.example',
      instrument,
      legalBasis: 'Demo legal basis',
      offenceCategory: index % 2 ? 'fraud' : 'threats',
      targets: [
        {
          accountId,
          from: new Date(now - 365 * 86_400_000).toISOString(),
          until: new Date(now).toISOString(),
          categories: reachable(instrument),
        },
      ],
      ...(index % 2 === 0
        ? {
            nonDisclosure: {
              statute: 'Demo non-disclosure order',
              until: new Date(now + 180 * 86_400_000).toISOString(),
            },
          }
        : {}),
      ...(emergency
        ? {
            emergency: {
              facts: 'A stated threat to a person’s life within hours.',
              attestation: 'Attested by the duty officer.',
            },
          }
        : {}),
    });
    if (recorded.status !== 201) continue;
    const id = recorded.json.id as string;
    await client.call(legal, 'POST', `/api/legal/requests/${id}/steps`, { step: 'acknowledge' });
    if (emergency) {
      await client.call(legal, 'POST', `/api/legal/requests/${id}/production`);
      await client.call(second, 'POST', `/api/legal/requests/${id}/emergency-review`, {
        outcome: 'justified',
        note: 'The facts stated a threat to life; disclosure was right.',
      });
      continue;
    }
    await client.call(legal, 'POST', `/api/legal/requests/${id}/steps`, { step: 'review' });
    if (index === 2) {
      await client.call(second, 'POST', `/api/legal/requests/${id}/decision`, {
        outcome: 'rejected',
        ground: 'overbroad',
        note: 'The order asks for far more than its offence can justify.',
      });
      continue;
    }
    // A preservation request reaches no data: it stays under review here (see the report on ADR 042).
    if (instrument === 'preservation_request') continue;
    await client.call(second, 'POST', `/api/legal/requests/${id}/decision`, { outcome: 'accepted' });
    if (instrument === 'search_warrant') {
      await client.call(legal, 'POST', `/api/legal/requests/${id}/read`, { category: 'content' });
    }
    const produced = await client.call(legal, 'POST', `/api/legal/requests/${id}/production`);
    if (produced.status !== 200) continue;
    // Deferred under the order's non-disclosure, told at once, or never (with the reason on record).
    const decision =
      index === 1
        ? { decision: 'notify' }
        : index === 4
          ? { decision: 'never', reason: 'The account holder is the subject of a continuing investigation.' }
          : { decision: 'defer' };
    await client.call(legal, 'POST', `/api/legal/requests/${id}/notices`, { accountId, ...decision });
  }
}

/** Appeals the demo platform filed against enforcements: decided by the supervisor, who took no part. */
export async function decideAppeals(client: DemoClient, judge: Person, count: number) {
  const outcomes = ['upheld', 'reversed', 'partly_reversed', 'upheld'];
  for (let i = 0; i < count; i++) {
    const { json } = await client.call(judge, 'POST', '/api/queues/appeals/claim-next', {});
    if (!json.case) return;
    await client.call(judge, 'POST', `/api/cases/${json.case.id}/appeal-outcome`, {
      outcome: outcomes[i % outcomes.length],
      publicReason: 'We looked at the decision again, with someone who took no part in it.',
      internalNote: 'Demo appeal review.',
    });
  }
}

export async function seedDemoHistory(
  api: string | Fetcher,
  options: { cases?: number; appealWaitMs?: number } = {},
): Promise<{ cases: number }> {
  const client = new DemoClient(typeof api === 'string' ? (path, init) => fetch(`${api}${path}`, init) : api);
  const reviewer = await client.signIn('reviewer');
  const supervisor = await client.signIn('supervisor');
  const queues = ((await client.call(reviewer, 'GET', '/api/queues')).json.items ?? [])
    .map((queue: Json) => queue.id as string)
    .filter((id: string) => id !== 'appeals' && id !== 'escalations');
  const accounts: string[] = [];
  let worked = 0;
  for (let round = 0; round < (options.cases ?? 40); round++) {
    const held = await claim(client, reviewer, queues, round);
    if (!held) break;
    const account = await workCase(client, reviewer, supervisor, held, round);
    if (account) {
      accounts.push(account);
      worked++;
    }
  }
  if (accounts.length > 0) await legalOrders(client, accounts);
  // The demo platform appeals every second enforcement once it has heard of it.
  await new Promise((resolve) => setTimeout(resolve, options.appealWaitMs ?? 3_000));
  await decideAppeals(client, supervisor, 12);
  return { cases: worked };
}
