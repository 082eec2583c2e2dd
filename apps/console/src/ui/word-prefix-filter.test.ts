import { describe, expect, it } from 'vitest';
import { wordPrefixFilter } from './word-prefix-filter';

describe('wordPrefixFilter', () => {
  it('matches the start of the text or of a word, ignoring case', () => {
    expect(wordPrefixFilter('HR-1 Harassment', 'hr')).toBe(true);
    expect(wordPrefixFilter('HR-1 Harassment', 'HR-1')).toBe(true);
    expect(wordPrefixFilter('HR-1 Harassment', 'hara')).toBe(true);
    expect(wordPrefixFilter('HR-1 Harassment', '')).toBe(true);
  });

  it('does not match inside a word', () => {
    expect(wordPrefixFilter('VT-1 Violent threats', 'hr')).toBe(false);
  });
});
