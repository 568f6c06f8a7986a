import { expect } from '@open-wc/testing';
import { localeCodes } from '../locale-codes';
import type { LocalePack } from '../locale-pack';
import { loadLocalePack, type TranslatedLocale } from '../load-locale-pack';
import en from './en';

// Every pack, loaded the way the elements load them (English is built in).
const packs = new Map<string, LocalePack>([['en', en]]);

before(async () => {
  for (const code of localeCodes) {
    if (code !== 'en') packs.set(code, await loadLocalePack(code as TranslatedLocale));
  }
});

const englishKeys = Object.keys(en.strings).sort();

describe('the locale packs', () => {
  it('exist for every locale code, each under its own code', () => {
    expect([...packs.keys()].sort()).to.deep.equal([...localeCodes].sort());
    for (const [code, pack] of packs) expect(pack.locale, code).to.equal(code);
  });

  it('have every key of the English texts, and no other', () => {
    const problems: string[] = [];
    for (const [code, pack] of packs) {
      const keys = new Set(Object.keys(pack.strings));
      const missing = englishKeys.filter((key) => !keys.has(key));
      const extra = [...keys].filter((key) => !englishKeys.includes(key));
      if (missing.length > 0) problems.push(`${code} misses ${missing.join(', ')}`);
      if (extra.length > 0) problems.push(`${code} has keys English does not: ${extra.join(', ')}`);
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('give each key the kind of value English has, never empty, with the value it is given', () => {
    const problems: string[] = [];
    const english = en.strings as unknown as Record<string, unknown>;
    for (const [code, pack] of packs) {
      const strings = pack.strings as unknown as Record<string, unknown>;
      for (const key of englishKeys) {
        const value = strings[key];
        if (typeof value !== typeof english[key]) {
          problems.push(`${code}.${key} is a ${typeof value}, not a ${typeof english[key]}`);
        } else if (typeof value === 'string' && value.trim() === '') {
          problems.push(`${code}.${key} is empty`);
        } else if (typeof value === 'function') {
          // A text made from a value shows that value (a title, a tool, a model…); a count is
          // written the locale's way, so it is checked by the plural tests instead.
          const text: unknown = value(key === 'previousDays' ? 7 : 'X_VALUE');
          if (typeof text !== 'string' || text.trim() === '') problems.push(`${code}.${key}() is empty`);
          else if (key !== 'previousDays' && !text.includes('X_VALUE')) {
            problems.push(`${code}.${key}() leaves out its value: ${text}`);
          }
        }
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('say who should still review them: every pack but English', () => {
    const reviewed = [...packs.values()].filter((pack) => !pack.needsReview).map((pack) => pack.locale);
    expect(reviewed).to.deep.equal(['en']);
    for (const pack of packs.values()) expect(pack.notes.length, pack.locale).to.be.greaterThan(20);
  });

  it('run right to left for Arabic and Hebrew only', () => {
    const rtl = [...packs.values()].filter((pack) => pack.direction === 'rtl').map((pack) => pack.locale);
    expect(rtl.sort()).to.deep.equal(['ar', 'he']);
  });
});
