import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query and hash', () => {
    expect(safeNextPath('/staff')).toBe('/staff');
    expect(safeNextPath('/staff?q=ada&x=1#row')).toBe('/staff?q=ada&x=1#row');
  });

  it('refuses absolute and scheme-relative URLs', () => {
    expect(safeNextPath('https://evil.example/')).toBeNull();
    expect(safeNextPath('//evil.example/path')).toBeNull();
    expect(safeNextPath('javascript:alert(1)')).toBeNull();
    expect(safeNextPath('staff')).toBeNull();
  });

  it('refuses the tricks browsers normalise into another host', () => {
    expect(safeNextPath('/\\evil.example')).toBeNull();
    expect(safeNextPath('/\t/evil.example')).toBeNull();
    expect(safeNextPath('/\n/evil.example')).toBeNull();
    expect(safeNextPath('/.//evil.example')).toBeNull();
    expect(safeNextPath('/..//evil.example')).toBeNull();
  });

  it('does not send people back to the sign-in page', () => {
    expect(safeNextPath('/sign-in')).toBeNull();
    expect(safeNextPath('/sign-in?next=/staff')).toBeNull();
  });

  it('treats empty values as no destination', () => {
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath('')).toBeNull();
  });
});

describe('signInPath', () => {
  it('carries a safe destination and the reason', () => {
    expect(signInPath({ next: '/staff?q=ada', reason: 'session-ended' })).toBe(
      '/sign-in?next=%2Fstaff%3Fq%3Dada&reason=session-ended',
    );
  });

  it('drops unsafe or pointless destinations', () => {
    expect(signInPath({ next: '//evil.example' })).toBe('/sign-in');
    expect(signInPath({ next: '/' })).toBe('/sign-in');
    expect(signInPath()).toBe('/sign-in');
  });
});
