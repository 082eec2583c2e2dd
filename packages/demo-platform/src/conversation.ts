/**
 * One conversation on the platform, from the first hello through the problematic turn to what
 * happened after the first report. It is a pure function of (seed, index): a later report about
 * the same conversation rebuilds it and gets byte-identical messages.
 */
import type { IntakeReportInput } from '@docket/contracts';
import { type Exchange, OPENINGS, PLANNING, SMALL_TALK } from './content/chatter';
import type { Line, Script, Turn } from './content/script';
import { CATEGORY_WEIGHTS, SCRIPTS } from './content/scripts';
import { fill, pickSlots, type Slots } from './content/slots';
import type { Platform } from './platform';
import { type Account, drawAccount, repeatOffenders } from './population';
import { type Random, streamFor } from './random';

export type IntakeMessage = IntakeReportInput['messages'][number];

export interface TranscriptMessage {
  message: IntakeMessage;
  flagged: boolean;
}

export interface Conversation {
  id: string;
  script: Script;
  turn: Turn;
  subject: Account;
  peer: Account;
  bystanders: Account[];
  /** Every participant, in account order. */
  participants: Account[];
  /** The places, times and amounts this conversation talks about; reporter texts mention them too. */
  slots: Slots;
  transcript: TranscriptMessage[];
  /** Transcript positions: the problematic turn is [turnStart, turnEnd); after it, what followed the first report. */
  turnStart: number;
  turnEnd: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MAX_SMALL_TALK = 30;
/** Later reports come at least this long after the first; everything after the turn fits before it. */
export const FOLLOW_UP_AFTER_MS = 90 * MINUTE;

export const conversationId = (index: number) => `conv-${String(index + 1).padStart(6, '0')}`;
const messageId = (index: number, position: number) =>
  `msg-${String(index + 1).padStart(6, '0')}-${String(position + 1).padStart(4, '0')}`;

/** A line with its sender and the person it is addressed to (for `{name}`). */
interface Said {
  from: Account;
  to: Account;
  text: string;
  flagged: boolean;
  /** The first line of a small-talk exchange. */
  opensTopic?: boolean;
}

/** The conversation first reported by report `index`. */
export function buildConversation(platform: Platform, index: number): Conversation {
  const random = streamFor(platform.seed, 'conversation', index);
  const script = SCRIPTS[random.weighted(CATEGORY_WEIGHTS)];
  const { subject, peer, bystanders } = castFor(platform, random, script);
  const slots: Slots = { ...pickSlots(random), name: '' };

  const turn = random.pick(script.turns);
  const before = smallTalk(random, script, subject, peer, bystanders);
  const during = speak(random, turn.lines, subject, peer, bystanders);
  const after = speak(random, turn.after, subject, peer, bystanders);

  // The turn ends shortly before the first report; earlier messages are placed walking back from it.
  const reportedAt = platform.reportTime(index);
  const times: number[] = new Array(before.length + during.length);
  let time = reportedAt - random.int(2 * MINUTE, 3 * HOUR);
  for (let i = times.length - 1; i >= 0; i--) {
    times[i] = time;
    // Chats go quiet for hours between topics, never in the middle of one.
    const longPause = before[i]?.opensTopic === true && random.chance(0.25);
    time -= longPause ? random.int(1 * HOUR, 6 * HOUR) : random.int(15_000, 6 * MINUTE);
  }
  time = reportedAt + random.int(5 * MINUTE, 40 * MINUTE);
  for (let i = 0; i < after.length; i++) {
    times.push(time);
    time += random.int(30_000, 3 * MINUTE);
  }

  const transcript = [...before, ...during, ...after].map((said, position) => {
    slots.name = said.to.nickname;
    const message = {
      id: messageId(index, position),
      senderId: said.from.id,
      sentAt: new Date(times[position]!).toISOString(),
      body: fill(said.text, slots),
    };
    return { message, flagged: said.flagged };
  });
  return {
    id: conversationId(index),
    script,
    turn,
    subject,
    peer,
    bystanders,
    slots,
    participants: [subject, peer, ...bystanders].sort((a, b) => a.index - b.index),
    transcript,
    turnStart: before.length,
    turnEnd: before.length + during.length,
  };
}

function castFor(platform: Platform, random: Random, script: Script) {
  const { population } = platform;
  const ageFits = (allowed: readonly string[] | undefined) => (account: Account) =>
    !allowed || allowed.includes(account.ageBand);
  const newAccountCutoff = population.until.getTime() - 120 * 24 * HOUR;
  // People at risk of self harm are not "repeat offenders"; everyone else sometimes is.
  const fromRepeatOffenders = script.category !== 'self_harm' && random.chance(0.25);
  const subject = drawAccount(
    population,
    random,
    (account) =>
      ageFits(script.subjectAges)(account) &&
      (!script.subjectIsNewAccount || account.createdAt.getTime() >= newAccountCutoff),
    fromRepeatOffenders ? repeatOffenders(population) : undefined,
  );
  const taken = new Set([subject.index]);
  const draw = (accepts: (account: Account) => boolean) => {
    const account = drawAccount(population, random, (candidate) => !taken.has(candidate.index) && accepts(candidate));
    taken.add(account.index);
    return account;
  };
  const peer = draw(ageFits(script.peerAges));
  const size = random.chance(script.groupChance) ? random.int(3, 5) : 2;
  const bystanders = Array.from({ length: size - 2 }, () => draw(() => true));
  return { subject, peer, bystanders };
}

function smallTalk(random: Random, script: Script, subject: Account, peer: Account, bystanders: Account[]): Said[] {
  const everyone = [subject, peer, ...bystanders];
  const opening = random.pick(script.openings);
  // Strangers and buyers reach out first; between friends anyone may start.
  const [first, second] = opening === 'friends' ? twoOf(random, everyone) : [subject, peer];
  const said = exchange(random.pick(OPENINGS[opening]), first, second);
  // Skewed towards short chats: most snapshots are about a dozen messages, a few run long.
  const target = 2 + Math.floor(random.next() ** 3 * (MAX_SMALL_TALK - 2));
  const used = new Set<Exchange>();
  // Bounded, so that shorter topic lists could never make this spin.
  for (let tries = 0; said.length < target && tries < 100; tries++) {
    const topic = random.pick(random.chance(0.6) ? SMALL_TALK : PLANNING);
    if (used.has(topic)) continue;
    used.add(topic);
    const [a, b] = opening === 'friends' || random.chance(0.5) ? twoOf(random, everyone) : [subject, peer];
    const lines = exchange(topic, a, b);
    lines[0]!.opensTopic = true;
    said.push(...lines);
  }
  return said.slice(0, MAX_SMALL_TALK);
}

function exchange(lines: Exchange, a: Account, b: Account): Said[] {
  return lines.map((text, i) =>
    i % 2 === 0 ? { from: a, to: b, text, flagged: false } : { from: b, to: a, text, flagged: false },
  );
}

function twoOf(random: Random, accounts: Account[]): [Account, Account] {
  const a = random.pick(accounts);
  const others = accounts.filter((account) => account !== a);
  return [a, random.pick(others)];
}

function speak(random: Random, lines: readonly Line[], subject: Account, peer: Account, bystanders: Account[]): Said[] {
  const said: Said[] = [];
  for (const line of lines) {
    if (line.by === 'bystander' && bystanders.length === 0) continue;
    const from = line.by === 'subject' ? subject : line.by === 'peer' ? peer : random.pick(bystanders);
    said.push({ from, to: from === subject ? peer : subject, text: line.text, flagged: line.flagged === true });
  }
  return said;
}
