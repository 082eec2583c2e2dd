/** Factories for intake payloads: small, valid reports that tests then bend. */
import type { IntakeReportInput } from '@docket/contracts';

let counter = 0;

export function aReport(overrides: Partial<IntakeReportInput> & { conversationId?: string; minor?: boolean } = {}) {
  counter += 1;
  const { conversationId = `conv-${process.pid}-${counter}`, minor = false, ...rest } = overrides;
  const report: IntakeReportInput = {
    externalId: `rpt-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    category: 'harassment',
    reporterId: 'acct-reporter',
    reportedAccountId: 'acct-reported',
    reporterText: 'They keep messaging me after I asked them to stop.',
    accounts: [
      { id: 'acct-reporter', handle: 'river_song', ageBand: minor ? 'minor' : 'adult' },
      { id: 'acct-reported', handle: 'the_doctor', ageBand: 'adult', createdAt: '2024-01-02T03:04:05Z' },
    ],
    conversation: { id: conversationId, participantIds: ['acct-reporter', 'acct-reported'] },
    messages: [
      { id: 'm1', senderId: 'acct-reporter', sentAt: '2026-11-01T10:00:00Z', body: 'Please stop messaging me.' },
      {
        id: 'm2',
        senderId: 'acct-reported',
        sentAt: '2026-11-01T10:01:00Z',
        body: 'I will message you whenever I like.',
      },
      { id: 'm3', senderId: 'acct-reported', sentAt: '2026-11-01T10:02:00Z', body: 'You cannot get rid of me.' },
    ],
    reportedMessageIds: ['m2', 'm3'],
    ...rest,
  };
  return report;
}
