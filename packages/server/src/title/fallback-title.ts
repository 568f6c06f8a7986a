import { DEFAULT_SESSION_TITLE } from '@parley/sdk/protocol';

/** Longest fallback title, ellipsis included. */
const FALLBACK_LIMIT = 50;

/**
 * A title made from the user's message alone, for when the model cannot name the conversation:
 * its first non-empty line, whitespace collapsed, cut at a word boundary (≤ 50 characters, with
 * an ellipsis when cut).
 *
 * @example
 * ```ts
 * fallbackTitle('How do I read a file\nline by line in Node?'); // 'How do I read a file'
 * ```
 */
export function fallbackTitle(userMessage: string): string {
  const line = userMessage.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  const collapsed = line.replace(/\s+/g, ' ').trim();
  if (collapsed === '') return DEFAULT_SESSION_TITLE;
  return shorten(collapsed, FALLBACK_LIMIT);
}

/** Cuts `text` at the last word boundary that leaves room for an ellipsis within `limit`. */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  // A space right after the room still ends a whole word.
  const boundary = text.lastIndexOf(' ', limit - 1);
  // A single long word (a URL, a path) is cut where it must be.
  const cut = boundary > limit / 3 ? text.slice(0, boundary) : text.slice(0, limit - 1);
  return `${cut.replace(/[\s,;:.!?-]+$/, '')}…`;
}
