import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../record';
import { recordCounter } from '../verify/files';
import { auditCsvHeader, auditCsvRow } from './csv';

const record: AuditRecord = {
  seq: 42,
  id: '9001',
  occurredAt: '2026-12-01T10:00:00.123456Z',
  actor: { type: 'staff', id: '7', label: 'Zoë "Z" Smith, PhD', roles: ['reviewer', 'supervisor'] },
  action: 'conversation.read',
  outcome: 'success',
  target: { type: 'conversation', id: 'c_1' },
  caseId: '12',
  grantId: '3',
  details: { scope: 'reported_context', messageIds: ['m_2', 'm_1'] },
  requestId: 'req_1',
  ip: null,
  userAgent: 'Mozilla/5.0\r\nInjected: yes',
};

describe('events.csv', () => {
  it('names its columns once, in the header', () => {
    expect(auditCsvHeader()).toBe(
      'seq,id,occurredAt,actorType,actorId,actorLabel,actorRoles,action,outcome,targetType,targetId,caseId,grantId,requestId,ip,userAgent,details',
    );
  });

  it('quotes fields with quotes, commas or newlines, leaves nulls empty, and gives details as JCS', () => {
    expect(auditCsvRow(record)).toBe(
      '42,9001,2026-12-01T10:00:00.123456Z,staff,7,"Zoë ""Z"" Smith, PhD",reviewer supervisor,conversation.read,success,' +
        'conversation,c_1,12,3,req_1,,"Mozilla/5.0\r\nInjected: yes","{""messageIds"":[""m_2"",""m_1""],""scope"":""reported_context""}"',
    );
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    const row = (label: string) =>
      auditCsvRow({ ...record, actor: { ...record.actor, label }, userAgent: null }).split(',')[5];
    expect(row('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(row('+1')).toBe("'+1");
    expect(row('-1')).toBe("'-1");
    expect(row('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(row('plain')).toBe('plain');
  });

  it('counts as one record per row, newlines inside quotes included', () => {
    const counter = recordCounter(true);
    counter.update(
      new TextEncoder().encode(`${auditCsvHeader()}\r\n${auditCsvRow(record)}\r\n${auditCsvRow(record)}\r\n`),
    );
    expect(counter.records).toBe(3);
  });
});
