import { describe, expect, it } from 'vitest';
import { cleanTitle } from './clean-title';
import { fallbackTitle } from './fallback-title';

describe('fallbackTitle', () => {
  it('keeps a short message as it is', () => {
    expect(fallbackTitle('Plan a trip to Lisbon')).toBe('Plan a trip to Lisbon');
  });

  it('takes the first non-empty line and collapses whitespace', () => {
    expect(fallbackTitle('\n\n  Fix   this\tbug  \nstack trace here')).toBe('Fix this bug');
  });

  it('cuts at a word boundary within 50 characters, with an ellipsis', () => {
    const message = 'Please review the following pull request description and tell me what is missing';
    const title = fallbackTitle(message);

    expect(title).toBe('Please review the following pull request…');
    expect(title.length).toBeLessThanOrEqual(50);
  });

  it('cuts a single long word where it must', () => {
    const url = `https://example.com/${'a'.repeat(80)}`;
    const title = fallbackTitle(url);

    expect(title).toHaveLength(50);
    expect(title).toBe(`${url.slice(0, 49)}…`);
  });

  it('names an empty message "New conversation"', () => {
    expect(fallbackTitle('   \n ')).toBe('New conversation');
  });
});

describe('cleanTitle', () => {
  it('keeps apostrophes inside words but strips surrounding quotes', () => {
    expect(cleanTitle("'Don't panic: a guide'")).toBe("Don't panic: a guide");
    expect(cleanTitle('“Smart quotes”')).toBe('Smart quotes');
  });

  it('strips list and heading markers', () => {
    expect(cleanTitle('# Rust lifetimes')).toBe('Rust lifetimes');
    expect(cleanTitle('1. Rust lifetimes')).toBe('Rust lifetimes');
  });

  it('returns an empty string for an unfinished reasoning block', () => {
    expect(cleanTitle('<think>Still thinking about the')).toBe('');
  });
});
