import { describe, expect, it } from 'vitest';
import { bundleFileName, countNewlines, fileNameFrom, formatBytes } from './export-download';

describe('export download', () => {
  it('counts the newlines of a chunk', () => {
    expect(countNewlines(new TextEncoder().encode('a\nb\n\nc'))).toBe(3);
    expect(countNewlines(new Uint8Array())).toBe(0);
  });

  it('takes the file name the server suggests, or a fallback', () => {
    expect(fileNameFrom('attachment; filename="docket-audit-case-1234.zip"', 'x.zip')).toBe(
      'docket-audit-case-1234.zip',
    );
    expect(fileNameFrom(null, 'x.zip')).toBe('x.zip');
  });

  it('names the file as the server names the download: what it holds', () => {
    expect(bundleFileName({ scope: 'case', caseId: '12345678-aaaa-4bbb-8ccc-123456789abc' })).toBe(
      'docket-audit-case-12345678.zip',
    );
    expect(bundleFileName({ scope: 'period', from: '2026-12-01T10:00:00.000Z', to: '2026-12-02T10:30:00.000Z' })).toBe(
      'docket-audit-2026-12-01T1000-2026-12-02T1030.zip',
    );
  });

  it('says sizes in a unit a person reads at a glance', () => {
    expect(formatBytes(812)).toMatch(/^812\sbyte/);
    expect(formatBytes(8_276)).toMatch(/^8\.3\skB$/);
    expect(formatBytes(598_000_000)).toMatch(/^598\sMB$/);
  });
});
