import { describe, expect, it } from 'vitest';
import { SCRIPTS } from './content/scripts';
import { generateReports } from './generate';

// A crude net, not a classifier: the generator's wording is written to be readable in a demo,
// and any of these words showing up means a template slipped.
const DENYLIST = [
  /\bsex(ual|y)?\b/i,
  /\bnud(e|es|ity)\b/i,
  /\bnaked\b/i,
  /\bporn/i,
  /\brape/i,
  /\bexplicit\b/i,
  /\bgenital/i,
  /\bkill (yourself|myself|you)\b/i,
  /\bsuicide\b/i,
  /\bkys\b/i,
  /\b(pills|overdose|razor|blade|noose|hang myself|bridge)\b/i,
  /\b(gun|knife|shoot|stab)\b/i,
  /\bblood\b/i,
];

describe('content', () => {
  it('is never graphic across a 20,000-report sample', () => {
    for (const report of generateReports({ seed: 2024, reports: 20_000 })) {
      const texts = [report.reporterText ?? '', ...report.messages.map((message) => message.body)];
      for (const text of texts) {
        for (const pattern of DENYLIST) {
          if (pattern.test(text)) throw new Error(`${report.externalId}: "${text}" matches ${pattern}`);
        }
      }
    }
  });

  it('fills every slot', () => {
    for (const report of generateReports({ seed: 5, reports: 2000 })) {
      for (const text of [report.reporterText ?? '', ...report.messages.map((message) => message.body)]) {
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('gives every turn, and what follows it, a message a reporter can point at', () => {
    for (const script of Object.values(SCRIPTS)) {
      for (const turn of script.turns) {
        expect(turn.lines.some((line) => line.flagged)).toBe(true);
        expect(turn.after.some((line) => line.flagged)).toBe(true);
        // One-to-one chats drop bystander lines; a turn still needs two people talking.
        expect(turn.lines.filter((line) => line.by !== 'bystander').length).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
