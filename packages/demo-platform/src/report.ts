/**
 * Report `index` of a platform, built from nothing but the platform and the index. Now and then
 * a report follows up an earlier one — a second reporter, or the same person again after the
 * conversation went on — and then it rebuilds that earlier report's conversation, so the two
 * carry the same conversation id and identical messages wherever their snapshots overlap.
 */
import type { IntakeReportInput } from '@docket/contracts';
import type { Source } from './content/script';
import { fill } from './content/slots';
import { automatedText, legalRequestText } from './content/sources';
import { buildConversation, type Conversation, FOLLOW_UP_AFTER_MS } from './conversation';
import type { Platform } from './platform';
import { type Account, toIntakeAccount } from './population';
import { type Random, streamFor } from './random';

/** Share of reports that follow up an earlier report about the same conversation. */
const FOLLOW_UP_SHARE = 0.1;
const FOLLOW_UP_WITHIN_MS = 48 * 3_600_000;
/** Platforms send a window of recent messages, not the whole history. */
const MAX_SNAPSHOT = 40;

export const reportId = (index: number) => `rpt-${String(index + 1).padStart(7, '0')}`;
export const reportIndexOf = (externalId: string) => Number(externalId.slice('rpt-'.length)) - 1;

export function reportAt(platform: Platform, index: number): IntakeReportInput {
  const first = firstReportOf(platform, index);
  const conversation = buildConversation(platform, first);
  const random = streamFor(platform.seed, 'report', index);
  return first === index
    ? firstReport(platform, conversation, index, random)
    : followUpReport(platform, conversation, { index, first }, random);
}

/** The earlier report this one follows up, or null; drawn from its own stream so it is cheap to ask. */
function followUpOf(platform: Platform, index: number): number | null {
  const random = streamFor(platform.seed, 'follow-up', index);
  if (!random.chance(FOLLOW_UP_SHARE)) return null;
  const gap = random.int(FOLLOW_UP_AFTER_MS, FOLLOW_UP_WITHIN_MS);
  const earlier = index - Math.ceil(gap / platform.spacingMs);
  return earlier >= 0 ? earlier : null;
}

/** Follows the chain of follow-ups back to the report that first brought the conversation in. */
export function firstReportOf(platform: Platform, index: number): number {
  let first = index;
  for (let earlier = followUpOf(platform, first); earlier !== null; earlier = followUpOf(platform, first)) {
    first = earlier;
  }
  return first;
}

/** Who made the first report about a conversation: its own stream, so follow-ups can ask too. */
function firstReportParties(platform: Platform, conversation: Conversation, first: number) {
  const random = streamFor(platform.seed, 'first-report', first);
  const source: Source = random.weighted(conversation.script.sources);
  const reporter =
    source !== 'user_report'
      ? null
      : conversation.bystanders.length > 0 && random.chance(0.3)
        ? random.pick(conversation.bystanders)
        : conversation.peer;
  return { source, reporter };
}

function firstReport(platform: Platform, conversation: Conversation, index: number, random: Random): IntakeReportInput {
  const { script, transcript, turnStart, turnEnd } = conversation;
  const { source, reporter } = firstReportParties(platform, conversation, index);
  const text =
    source === 'legal_request'
      ? legalRequestText(script)
      : source === 'automated'
        ? automatedText(script)
        : reporter === conversation.peer
          ? peerText(random, conversation)
          : random.pick(script.bystanderTexts ?? script.reporterTexts);
  const window = transcript.slice(Math.max(0, turnEnd - MAX_SNAPSHOT), turnEnd);
  const reported = pickReported(random, transcript.slice(turnStart, turnEnd));
  return toIntake(conversation, index, { source, reporter, text, window, reported });
}

function followUpReport(
  platform: Platform,
  conversation: Conversation,
  { index, first }: { index: number; first: number },
  random: Random,
): IntakeReportInput {
  const { script, transcript, turnStart, turnEnd, bystanders, peer } = conversation;
  const secondReporter = bystanders.length > 0 && random.chance(0.5);
  const reporter = secondReporter ? random.pick(bystanders) : peer;
  const earlierReporter = firstReportParties(platform, conversation, first).reporter;
  const text = secondReporter
    ? random.pick(script.bystanderTexts ?? script.reporterTexts)
    : earlierReporter === peer
      ? random.pick(script.followUpTexts)
      : peerText(random, conversation);
  const lowest = Math.max(0, transcript.length - MAX_SNAPSHOT);
  const window = transcript.slice(random.int(lowest, Math.max(lowest, turnStart)));
  // The same person points at what is new; a second reporter at anything they saw.
  const after = transcript.slice(turnEnd);
  const reported = pickReported(random, secondReporter || !after.some((m) => m.flagged) ? window : after);
  return toIntake(conversation, index, { source: 'user_report', reporter, text, window, reported });
}

/** Mostly about what happened in this conversation; sometimes just a line or nothing at all. */
function peerText(random: Random, conversation: Conversation): string {
  return random.pick(random.chance(0.65) ? conversation.turn.reporterTexts : conversation.script.reporterTexts);
}

/** One to three of the flagged messages, in conversation order. */
function pickReported(random: Random, candidates: Conversation['transcript']): string[] {
  const flagged = candidates.filter((entry) => entry.flagged).map((entry) => entry.message.id);
  const roll = random.next();
  const count = Math.min(flagged.length, roll < 0.55 ? 1 : roll < 0.85 ? 2 : 3);
  while (flagged.length > count) flagged.splice(random.int(0, flagged.length - 1), 1);
  return flagged;
}

interface ReportParts {
  source: Source;
  reporter: Account | null;
  text: string;
  window: Conversation['transcript'];
  reported: string[];
}

function toIntake(conversation: Conversation, index: number, parts: ReportParts): IntakeReportInput {
  return {
    externalId: reportId(index),
    source: parts.source,
    category: conversation.script.category,
    reporterId: parts.reporter?.id ?? null,
    reportedAccountId: conversation.subject.id,
    reporterText: fill(parts.text, conversation.slots),
    accounts: conversation.participants.map(toIntakeAccount),
    conversation: { id: conversation.id, participantIds: conversation.participants.map((account) => account.id) },
    messages: parts.window.map((entry) => entry.message),
    reportedMessageIds: parts.reported,
  };
}
