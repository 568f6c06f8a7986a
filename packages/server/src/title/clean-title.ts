import { shorten } from './fallback-title';

/** Longest generated title, ellipsis included. */
export const TITLE_LIMIT = 60;

/**
 * Makes a model's reply usable as a title: drops reasoning blocks, a `Title:` label, markdown and
 * quotes, keeps the first line, collapses whitespace and cuts at a word boundary (≤ 60 characters).
 * Returns `''` when nothing usable is left.
 */
export function cleanTitle(reply: string): string {
  const line =
    stripReasoning(reply)
      .split('\n')
      .find((candidate) => candidate.trim() !== '') ?? '';
  const title = line
    .replace(/^\s*(#+|[-*]|\d+\.)\s+/, '')
    .replace(/^\s*\**\s*title\s*\**\s*:\s*/i, '')
    .replace(/[*`"“”«»„]/g, '')
    .replace(/^\s*['‘’]+|['‘’]+\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]+$/, '')
    .trim();
  return shorten(title, TITLE_LIMIT);
}

/** Removes the `<think>…</think>` blocks some reasoning models write before their reply (unclosed too). */
export function stripReasoning(reply: string): string {
  return reply.replace(/<(think|thinking|reasoning)>[\s\S]*?(<\/\1>|$)/gi, '');
}
