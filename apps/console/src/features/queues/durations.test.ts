import { describe, expect, it } from 'vitest';
import { formatAccountAge, formatAge, formatCountdown, formatDue, formatSla } from './durations';

const minutes = (n: number) => n * 60_000;

describe('formatAge', () => {
  it('shows under a minute as such, and never a negative age', () => {
    expect(formatAge(30_000)).toBe('< 1 min');
    expect(formatAge(-minutes(5))).toBe('< 1 min');
  });

  it('uses minutes, then hours and minutes, then days and hours', () => {
    expect(formatAge(minutes(45))).toBe('45 min');
    expect(formatAge(minutes(3 * 60 + 12))).toBe('3 h 12 min');
    expect(formatAge(minutes(5 * 60))).toBe('5 h');
    expect(formatAge(minutes(2 * 24 * 60 + 59))).toBe('2 d');
    expect(formatAge(minutes(2 * 24 * 60 + 5 * 60 + 7))).toBe('2 d 5 h');
  });
});

describe('formatSla', () => {
  it('states SLAs in hours, as policies do', () => {
    expect(formatSla(60)).toBe('1 h');
    expect(formatSla(24 * 60)).toBe('24 h');
    expect(formatSla(90)).toBe('1 h 30 min');
    expect(formatSla(45)).toBe('45 min');
  });
});

describe('formatCountdown', () => {
  it('counts down in minutes and seconds, rounding up, and stops at zero', () => {
    expect(formatCountdown(minutes(10))).toBe('10:00');
    expect(formatCountdown(minutes(9) + 4_200)).toBe('9:05');
    expect(formatCountdown(41_001)).toBe('0:42');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
});

describe('formatDue', () => {
  it('says how long is left, or how long ago the deadline passed', () => {
    expect(formatDue(minutes(45))).toBe('in 45 min');
    expect(formatDue(-minutes(2 * 60 + 5))).toBe('2 h 5 min overdue');
  });
});

describe('formatAccountAge', () => {
  const days = (n: number) => n * 24 * 60 * 60_000;
  it('uses days, then months, then years and months', () => {
    expect(formatAccountAge(minutes(90))).toBe('1 h 30 min');
    expect(formatAccountAge(days(5))).toBe('5 d');
    expect(formatAccountAge(days(214))).toBe('7 mo');
    expect(formatAccountAge(days(3007))).toBe('8 y 2 mo');
    expect(formatAccountAge(days(731))).toBe('2 y');
  });
});
