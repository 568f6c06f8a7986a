/**
 * A day relative to today in `locale`'s words, as a heading: `relativeDay('de', -1)` is
 * "Gestern". `Intl.RelativeTimeFormat` knows the words; the first letter is made upper case
 * (the locale's way) since they stand alone.
 */
export function relativeDay(locale: string, days: number): string {
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
  return words.charAt(0).toLocaleUpperCase(locale) + words.slice(1);
}
