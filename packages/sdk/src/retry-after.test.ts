import { describe, expect, it } from 'vitest';
import { parseHttpDate, parseRetryAfter } from './retry-after';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 7 ', now)).toBe(7);
  });

  it('reads an HTTP-date as the seconds until then, rounded up, and a past date as 0', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', now + 500)).toBe(30);
    expect(parseRetryAfter('Sun, 01 Mar 2026 13:00:00 GMT', now)).toBe(3600);
    expect(parseRetryAfter('Sat, 28 Feb 2026 23:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('12abc', now)).toBeUndefined();
  });
});

describe('parseHttpDate', () => {
  const expected = Date.parse('1994-11-06T08:49:37Z');

  it('reads the three forms RFC 9110 asks recipients to accept', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994', now)).toBe(expected);
    expect(parseHttpDate('Sat Nov 26 08:49:37 1994', now)).toBe(Date.parse('1994-11-26T08:49:37Z'));
  });

  it('reads a two-digit year as at most 50 years ahead', () => {
    expect(parseHttpDate('Tuesday, 01-Mar-61 00:00:00 GMT', now)).toBe(Date.parse('2061-03-01T00:00:00Z'));
    expect(parseHttpDate('Tuesday, 01-Mar-77 00:00:00 GMT', now)).toBe(Date.parse('1977-03-01T00:00:00Z'));
  });

  it('refuses dates that do not exist and text in no HTTP-date form', () => {
    expect(parseHttpDate('Thu, 31 Apr 2026 00:00:00 GMT', now)).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Nov 1994 24:00:00 GMT', now)).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Foo 1994 08:49:37 GMT', now)).toBeUndefined();
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 +0000', now)).toBeUndefined();
    expect(parseHttpDate('sun, 06 nov 1994 08:49:37 gmt', now)).toBeUndefined();
    expect(parseHttpDate('2026-03-01T12:00:30Z', now)).toBeUndefined();
  });
});
