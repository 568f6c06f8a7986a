import { expect } from '@open-wc/testing';
import { loadLocalePack } from './load-locale-pack';
import { plural } from './plural';
import { relativeDay } from './relative-day';
import { sidebarStrings } from './sidebar-strings';

describe('plural', () => {
  it("chooses the form of the locale's plural rules and writes the number its way", () => {
    const forms = { one: '{count} день', few: '{count} дня', many: '{count} дней', other: '{count} дня' };
    expect([1, 3, 7, 21, 22, 30, 1.5].map((count) => plural('ru', count, forms))).to.deep.equal([
      '1 день',
      '3 дня',
      '7 дней',
      '21 день',
      '22 дня',
      '30 дней',
      '1,5 дня',
    ]);
    expect(plural('en', 1234, { one: '{count} day', other: '{count} days' })).to.equal('1,234 days');
    expect(plural('de', 1234, { other: '{count} Tage' })).to.equal('1.234 Tage');
  });

  it('falls back to `other` for a category the forms leave out', () => {
    expect(plural('pl', 5, { one: 'dzień', other: 'dni' })).to.equal('dni');
  });
});

describe('the "previous days" headings', () => {
  it('are plural in English', () => {
    expect(sidebarStrings.previousDays(1)).to.equal('Previous day');
    expect(sidebarStrings.previousDays(7)).to.equal('Previous 7 days');
  });

  it('use every plural category of Arabic', async () => {
    const { strings } = await loadLocalePack('ar');
    expect([1, 2, 7, 30, 100].map(strings.previousDays)).to.deep.equal([
      'آخر يوم',
      'آخر يومين',
      'آخر 7 أيام',
      'آخر 30 يومًا',
      'آخر 100 يوم',
    ]);
  });

  it('decline the noun in Polish, Russian and Ukrainian', async () => {
    const [pl, ru, uk] = await Promise.all([
      loadLocalePack('pl'),
      loadLocalePack('ru'),
      loadLocalePack('uk'),
    ]);
    expect([7, 30, 22].map(pl.strings.previousDays)).to.deep.equal([
      'Ostatnie 7 dni',
      'Ostatnie 30 dni',
      'Ostatnie 22 dni',
    ]);
    expect([7, 22, 21].map(ru.strings.previousDays)).to.deep.equal([
      'Последние 7 дней',
      'Последние 22 дня',
      'Последний 21 день',
    ]);
    expect([7, 3].map(uk.strings.previousDays)).to.deep.equal(['Останні 7 днів', 'Останні 3 дні']);
  });

  it('have the one form of languages without plurals', async () => {
    const [ja, tr] = await Promise.all([loadLocalePack('ja'), loadLocalePack('tr')]);
    expect([1, 7].map(ja.strings.previousDays)).to.deep.equal(['過去1日間', '過去7日間']);
    expect(tr.strings.previousDays(30)).to.equal('Son 30 gün');
  });
});

describe('relativeDay', () => {
  it('words today and yesterday with Intl.RelativeTimeFormat, as a heading', () => {
    expect([relativeDay('en', 0), relativeDay('en', -1)]).to.deep.equal(['Today', 'Yesterday']);
    expect([relativeDay('de', 0), relativeDay('de', -1)]).to.deep.equal(['Heute', 'Gestern']);
    expect([relativeDay('fr', 0), relativeDay('fr', -1)]).to.deep.equal(['Aujourd’hui', 'Hier']);
    expect(relativeDay('ja', -1)).to.equal('昨日');
    expect(relativeDay('he', 0)).to.equal('היום');
    expect(relativeDay('tr', 0)).to.equal('Bugün');
  });
});
