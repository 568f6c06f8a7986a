import type { Session } from '@parley/sdk';
import type { ChatStrings } from '../strings/chat-strings';

/** Conversations under one recency heading ("Today", "Yesterday", …). */
export interface SessionGroup {
  label: string;
  sessions: Session[];
}

const day = 24 * 60 * 60 * 1000;

/**
 * Splits conversations, newest first, into recency groups by their last update, in the user's
 * local days: today, yesterday, the previous 7 days, the previous 30 days, and older. The headings
 * come from `strings`: each locale pack words "today" and "yesterday" with `Intl.RelativeTimeFormat`
 * and counts the days with `Intl.PluralRules`.
 */
export function groupSessions(
  sessions: readonly Session[],
  strings: ChatStrings,
  now = new Date(),
): SessionGroup[] {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const bounds: [number, string][] = [
    [startOfToday, strings.today],
    [startOfToday - day, strings.yesterday],
    [startOfToday - 7 * day, strings.previousDays(7)],
    [startOfToday - 30 * day, strings.previousDays(30)],
    [Number.NEGATIVE_INFINITY, strings.older],
  ];
  const groups: SessionGroup[] = [];
  for (const session of sessions) {
    const updated = Date.parse(session.updated_at);
    const label =
      bounds.find(([start]) => (Number.isNaN(updated) ? false : updated >= start))?.[1] ?? strings.older;
    const last = groups.at(-1);
    if (last?.label === label) last.sessions.push(session);
    else groups.push({ label, sessions: [session] });
  }
  return groups;
}
