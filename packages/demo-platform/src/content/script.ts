/**
 * The shape of a category's script: how its conversations open, the problematic turn, what
 * happens after a first report, and how people describe it. Lines may use `{slot}`s
 * (see `slots.ts`); `{name}` is the person the line is addressed to.
 */
import type { Category, REPORT_SOURCES } from '@docket/contracts';
import type { AgeBand } from '../population';

/** `subject` is the reported account; `peer` the person they talk to; `bystander` anyone else in a group. */
export type Speaker = 'subject' | 'peer' | 'bystander';

export interface Line {
  by: Speaker;
  text: string;
  /** The message a reporter would point at. */
  flagged?: true;
}

export const subject = (text: string): Line => ({ by: 'subject', text });
export const flagged = (text: string): Line => ({ by: 'subject', text, flagged: true });
export const peer = (text: string): Line => ({ by: 'peer', text });
/** Dropped in one-to-one conversations. */
export const bystander = (text: string): Line => ({ by: 'bystander', text });

export type Opening = 'friends' | 'stranger' | 'marketplace';

/** One way the problematic turn can go, what followed it, and what a reporter says about it. */
export interface Turn {
  /** At least one line is flagged. */
  lines: Line[];
  /** What happens after the first report; a later report points at these. */
  after: Line[];
  reporterTexts: string[];
}
export type Source = (typeof REPORT_SOURCES)[number];

export interface Script {
  category: Category;
  /** Share of all reports in this category. */
  weight: number;
  sources: Partial<Record<Source, number>>;
  openings: Opening[];
  /** Probability that the conversation is a group of 3–5 rather than two people. */
  groupChance: number;
  subjectAges?: AgeBand[];
  peerAges?: AgeBand[];
  /** Scams and spam come mostly from freshly created accounts. */
  subjectIsNewAccount?: boolean;
  turns: Turn[];
  /** What the peer writes about any of the turns. An empty string is a report without text. */
  reporterTexts: string[];
  /** What a bystander in a group writes when reporting. */
  bystanderTexts?: string[];
  /** What a reporter writes when reporting the same conversation again. */
  followUpTexts: string[];
  /** For legal requests: what the investigation is about. */
  legalMatter?: string;
  /** For automated reports: what the detector saw. */
  automatedSignal?: string;
}
