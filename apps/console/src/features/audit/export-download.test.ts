import { describe, expect, it } from 'vitest';
import { countNewlines, fileNameFrom, formatBytes } from './export-download';

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

  it('says sizes in a unit a person reads at a glance', () => {
    expect(formatBytes(812)).toMatch(/^812\sbyte/);
    expect(formatBytes(8_276)).toMatch(/^8\.3\skB$/);
    expect(formatBytes(598_000_000)).toMatch(/^598\sMB$/);
  });
});
