/**
 * The platform's users. An account is a pure function of (seed, index), so the population can
 * have a million members without one of them being held in memory.
 */
import type { AGE_BANDS, IntakeReportInput } from '@docket/contracts';
import { ADJECTIVES, FIRST_NAMES, HANDLE_SUFFIXES, HOBBIES, NOUNS, SURNAME_INITIALS } from './content/names';
import { type Random, streamFor } from './random';

export type AgeBand = (typeof AGE_BANDS)[number];

export interface Account {
  index: number;
  id: string;
  handle: string;
  /** What friends call them in chat; not sent to Docket. */
  nickname: string;
  ageBand: AgeBand;
  createdAt: Date;
}

export interface Population {
  seed: number;
  size: number;
  /** The time every age is measured back from: the last report's time. */
  until: Date;
}

const DAY_MS = 86_400_000;
/** Accounts fresh enough to look like throwaways; still older than any message in the window. */
const NEW_ACCOUNT_DAYS = { min: 30, max: 120 };
const MAX_ACCOUNT_AGE_DAYS = 9 * 365;

export const accountId = (index: number) => `acct-${String(index).padStart(6, '0')}`;

export function accountAt(population: Population, index: number): Account {
  const random = streamFor(population.seed, 'account', index);
  const ageRoll = random.next();
  const ageBand: AgeBand = ageRoll < 0.15 ? 'minor' : ageRoll < 0.25 ? 'unknown' : 'adult';
  // Minors cannot have had an account for nine years; recent sign-ups are common everywhere.
  const maxDays = ageBand === 'minor' ? 3 * 365 : MAX_ACCOUNT_AGE_DAYS;
  const ageDays = random.chance(0.2)
    ? random.int(NEW_ACCOUNT_DAYS.min, NEW_ACCOUNT_DAYS.max)
    : random.int(NEW_ACCOUNT_DAYS.max, maxDays);
  const createdAt = new Date(population.until.getTime() - ageDays * DAY_MS - random.int(0, DAY_MS));
  const { handle, nickname } = makeHandle(random, ageBand);
  return { index, id: accountId(index), handle, nickname, ageBand, createdAt };
}

function makeHandle(random: Random, ageBand: AgeBand): { handle: string; nickname: string } {
  const first = random.pick(FIRST_NAMES);
  const nickname = first[0]!.toUpperCase() + first.slice(1);
  switch (random.int(0, 6)) {
    case 0:
      return { handle: `${first}_${initial(random)}${random.pick(HANDLE_SUFFIXES)}`, nickname };
    case 1:
      return { handle: `${first}.${initial(random)}${birthYear(random, ageBand)}`, nickname };
    case 2:
      return { handle: `${first}${random.pick(HOBBIES)}`, nickname };
    case 3:
      return { handle: `the${first}${twoDigits(random)}`, nickname };
    case 4: {
      const [adjective, noun] = [random.pick(ADJECTIVES), random.pick(NOUNS)];
      return {
        handle: `${adjective}${noun}${random.chance(0.6) ? twoDigits(random) : ''}`,
        nickname: `${adjective}${noun}`,
      };
    }
    case 5: {
      const [adjective, noun] = [random.pick(ADJECTIVES), random.pick(NOUNS)];
      return { handle: `${adjective}_${noun}${random.pick(HANDLE_SUFFIXES)}`, nickname: noun };
    }
    default:
      return { handle: `${first}${birthYear(random, ageBand)}${random.pick(HANDLE_SUFFIXES)}`, nickname };
  }
}

function twoDigits(random: Random): string {
  return String(random.int(1, 99)).padStart(2, '0');
}

function initial(random: Random): string {
  return SURNAME_INITIALS[random.int(0, SURNAME_INITIALS.length - 1)]!;
}

/** People put their birth year in handles; it should at least match their age band. */
function birthYear(random: Random, ageBand: AgeBand): string {
  return String(ageBand === 'minor' ? random.int(2009, 2013) : random.int(1972, 2004)).slice(-2);
}

/**
 * Draws an account that satisfies `accepts`, by rejection: the population is too large to
 * index by trait. Tries `range` first (e.g. the repeat offenders), then the whole population;
 * the number of tries is bounded so that no seed can hang the generator.
 */
export function drawAccount(
  population: Population,
  random: Random,
  accepts: (account: Account) => boolean = () => true,
  range: { from: number; to: number } = { from: 0, to: population.size - 1 },
): Account {
  let account = accountAt(population, random.int(range.from, range.to));
  for (let tries = 0; tries < 256 && !accepts(account); tries++) {
    const from = tries < 32 ? range.from : 0;
    const to = tries < 32 ? range.to : population.size - 1;
    account = accountAt(population, random.int(from, to));
  }
  return account;
}

/** The few accounts that offend again and again, so that the console shows prior reports. */
export function repeatOffenders(population: Population) {
  return { from: 0, to: Math.max(1, Math.ceil(population.size / 200)) - 1 };
}

export function toIntakeAccount(account: Account): IntakeReportInput['accounts'][number] {
  return {
    id: account.id,
    handle: account.handle,
    ageBand: account.ageBand,
    createdAt: account.createdAt.toISOString(),
  };
}
