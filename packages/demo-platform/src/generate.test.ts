import { CATEGORIES, INTAKE_LIMITS, IntakeReport, type IntakeReportInput } from '@docket/contracts';
import { describe, expect, it } from 'vitest';
import { generateReports } from './generate';

const sample = [...generateReports({ seed: 42, reports: 3000 })];

describe('generateReports', () => {
  it('gives the same reports for the same seed, and different ones for another seed', () => {
    const run = (seed: number) => JSON.stringify([...generateReports({ seed, reports: 500 })]);
    expect(run(7)).toBe(run(7));
    expect(run(8)).not.toBe(run(7));
  });

  it('resumes from startIndex with exactly the reports a full run has there', () => {
    const full = [...generateReports({ seed: 7, reports: 800 })];
    const resumed = [...generateReports({ seed: 7, reports: 800, startIndex: 600 })];
    expect(resumed).toEqual(full.slice(600));
    expect(resumed[0]?.externalId).toBe('rpt-0000601');
  });

  it('streams: asking for a million reports builds nothing up front', () => {
    const reports = generateReports({ seed: 1, reports: 1_000_000 });
    expect(reports.next().value?.externalId).toBe('rpt-0000001');
  });

  it('makes every report pass the intake schema and its limits', () => {
    for (const report of sample) {
      const parsed = IntakeReport.safeParse(report);
      if (!parsed.success) throw new Error(`${report.externalId}: ${parsed.error.message}`);
      expect(report.messages.length).toBeGreaterThanOrEqual(4);
      expect(report.messages.length).toBeLessThanOrEqual(40);
      expect(report.messages.length).toBeLessThanOrEqual(INTAKE_LIMITS.messagesPerSnapshot);
      expect(report.reportedMessageIds.length).toBeLessThanOrEqual(3);
      for (const account of report.accounts)
        expect(account.handle.length).toBeLessThanOrEqual(INTAKE_LIMITS.handleLength);
    }
  });

  it('covers every category in 2,000 reports, common ones more than urgent ones', () => {
    const counts = countBy(sample.slice(0, 2000), (report) => report.category);
    for (const category of CATEGORIES) expect(counts[category], category).toBeGreaterThan(0);
    expect(counts.spam!).toBeGreaterThan(counts.sextortion! * 3);
  });

  it('has minors, accounts of unknown age, and all three sources', () => {
    const ages = countBy(
      sample.flatMap((report) => report.accounts),
      (account) => account.ageBand,
    );
    expect(ages.minor).toBeGreaterThan(0);
    expect(ages.unknown).toBeGreaterThan(0);
    const sources = countBy(sample, (report) => report.source ?? 'user_report');
    expect(sources.user_report! / sample.length).toBeGreaterThan(0.75);
    expect(sources.legal_request).toBeGreaterThan(0);
    expect(sources.automated).toBeGreaterThan(0);
  });

  it('has no reporter for legal requests and automated reports, and a participant for user reports', () => {
    for (const report of sample) {
      if (report.source === 'user_report') expect(report.conversation.participantIds).toContain(report.reporterId);
      else expect(report.reporterId).toBeNull();
    }
  });

  it('points at messages in the snapshot sent by the reported account', () => {
    for (const report of sample) {
      const byId = new Map(report.messages.map((message) => [message.id, message]));
      for (const id of report.reportedMessageIds) expect(byId.get(id)?.senderId).toBe(report.reportedAccountId);
    }
  });

  it('casts an adult talking to a minor in grooming reports', () => {
    const grooming = sample.filter((report) => report.category === 'grooming');
    expect(grooming.length).toBeGreaterThan(0);
    for (const report of grooming) {
      const ages = new Map(report.accounts.map((account) => [account.id, account.ageBand]));
      expect(ages.get(report.reportedAccountId)).toBe('adult');
      expect([...ages.values()]).toContain('minor');
    }
  });

  it('sends messages in time order, after every sender signed up', () => {
    for (const report of sample) {
      const created = new Map(report.accounts.map((account) => [account.id, account.createdAt!]));
      const times = report.messages.map((message) => message.sentAt);
      expect(times).toEqual([...times].sort());
      for (const message of report.messages) expect(message.sentAt > created.get(message.senderId)!).toBe(true);
    }
  });

  it('reports some conversations more than once, with identical messages where the snapshots overlap', () => {
    const seen = new Map<string, IntakeReportInput['messages'][number]>();
    const reportsPerConversation = new Map<string, Set<string | null>>();
    let overlaps = 0;
    for (const report of sample) {
      const reporters = reportsPerConversation.get(report.conversation.id) ?? new Set();
      reporters.add(report.reporterId);
      reportsPerConversation.set(report.conversation.id, reporters);
      for (const message of report.messages) {
        const earlier = seen.get(message.id);
        if (earlier) {
          expect(message).toEqual(earlier);
          overlaps++;
        }
        seen.set(message.id, message);
      }
    }
    expect(overlaps).toBeGreaterThan(100);
    const repeated = [...reportsPerConversation.values()];
    expect(repeated.filter((reporters) => reporters.size >= 2).length).toBeGreaterThan(10);
  });
});

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
