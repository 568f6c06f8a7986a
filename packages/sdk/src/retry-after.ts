const months = 'JanFebMarAprMayJunJulAugSepOctNovDec';

// The three forms of an HTTP-date, all of which a recipient must accept (RFC 9110, section 5.6.7):
// IMF-fixdate, the obsolete RFC 850 form (two-digit year) and ANSI C's asctime() form.
const imfFixdate = /^[A-Z][a-z]{2}, (\d\d) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/;
const rfc850Date = /^[A-Z][a-z]{5,8}, (\d\d)-([A-Z][a-z]{2})-(\d\d) (\d\d):(\d\d):(\d\d) GMT$/;
const asctimeDate = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;

/**
 * Reads an HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`, or one of its two obsolete forms) as
 * milliseconds since the epoch. `now` places a two-digit year: never more than 50 years ahead.
 * Not `Date.parse`: outside the IMF-fixdate form, what it accepts differs between engines.
 */
export function parseHttpDate(text: string, now: number): number | undefined {
  const fields = httpDateFields(text);
  if (!fields) return undefined;
  const [dayText, monthText, yearText, ...timeTexts] = fields;
  const [hour, minute, second] = timeTexts.map(Number) as [number, number, number];
  const day = Number(dayText);
  const month = months.indexOf(monthText) / 3;
  let year = Number(yearText);
  if (yearText.length === 2) {
    const thisYear = new Date(now).getUTCFullYear();
    year += thisYear - (thisYear % 100);
    if (year > thisYear + 50) year -= 100;
  }
  if (!Number.isInteger(month) || month < 0 || hour > 23 || minute > 59 || second > 60) return undefined;
  // Date.UTC carries an impossible day over into the next month (31 Apr is 1 May): refuse it.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return undefined;
  return Date.UTC(year, month, day, hour, minute, second);
}

/** Day, month name, year, hour, minute and second of an HTTP-date. */
type HttpDateFields = [string, string, string, string, string, string];

function httpDateFields(text: string): HttpDateFields | undefined {
  const fixed = imfFixdate.exec(text) ?? rfc850Date.exec(text);
  if (fixed) return fixed.slice(1) as HttpDateFields;
  const asctime = asctimeDate.exec(text);
  if (!asctime) return undefined;
  const [month, day, hour, minute, second, year] = asctime.slice(1) as HttpDateFields;
  return [day, month, year, hour, minute, second];
}

/**
 * Reads a `Retry-After` header as whole seconds from `now`: its delay-seconds form (`120`), which
 * rate limiters send, or an HTTP-date (`Wed, 21 Oct 2026 07:28:00 GMT`), which planned downtime
 * and some proxies send. A date in the past is 0; anything else unreadable is `undefined`.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value);
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
