// What `npm run size` measures and the budgets it holds it to (docs/decisions/0005-size-budgets.md).
// Pure functions of a folder of built files, so that the check itself can be tested.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kilobyte = 1024;

/** gzip budgets, in bytes. */
export const budgets = {
  sdk: 16 * kilobyte,
  embedFirstAnswer: 30 * kilobyte,
  embedTotal: 64 * kilobyte,
};

export const gzipSize = (contents) => gzipSync(contents, { level: 9 }).length;

export const formatSize = (bytes) => `${(bytes / kilobyte).toFixed(1)} KB`;

/**
 * Syntax-highlighting grammars are left out of the embed's total: a page loads the one or two an
 * answer needs, never all of them. rollup.config.js names their chunks `embed-grammar-*`.
 */
export const isHighlightingGrammar = (fileName) => fileName.startsWith('embed-grammar-');

/**
 * Language packs, one chunk each: a page loads the one of its language, so the total counts only
 * the largest. rollup.config.js names their chunks `embed-locale-*`.
 */
export const isLocalePack = (fileName) => fileName.startsWith('embed-locale-');

/** The chunks a module pulls in with static imports (`import"./x.js"`, `from"./x.js"`), itself included. */
export function staticClosure(directory, fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  const source = readFileSync(join(directory, fileName), 'utf8');
  for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) {
    staticClosure(directory, match[1], seen);
  }
  return seen;
}

/**
 * The embed in `directory` (its entry `embed.js` and every `embed-*.js` chunk): each file's gzip
 * size, what loads before the first answer renders (the entry and its static imports; the chunks
 * it imports dynamically come later), the total without highlighting grammars and with only the
 * largest language pack, and the largest pack with what it adds before the first answer (a page
 * in another language than English waits for its pack).
 */
export function measureEmbed(directory, entry = 'embed.js') {
  const names = readdirSync(directory).filter((name) => /^embed.*\.js$/.test(name));
  const files = new Map(names.map((name) => [name, gzipSize(readFileSync(join(directory, name)))]));
  const beforeFirstAnswer = staticClosure(directory, entry);
  const sum = (list) => list.reduce((total, name) => total + (files.get(name) ?? 0), 0);
  const firstAnswer = sum([...beforeFirstAnswer]);
  // A pack, and the chunks it imports that the first answer does not already load.
  const packs = names.filter(isLocalePack).map((name) => {
    const added = [...staticClosure(directory, name)].filter((chunk) => !beforeFirstAnswer.has(chunk));
    return { name, size: files.get(name) ?? 0, added: sum(added) };
  });
  const largestPack = packs.reduce(
    (largest, pack) => (pack.added > (largest?.added ?? -1) ? pack : largest),
    undefined,
  );
  const counted = names.filter((name) => !isHighlightingGrammar(name) && !isLocalePack(name));
  return {
    files,
    beforeFirstAnswer,
    firstAnswer,
    largestPack: largestPack?.name,
    firstAnswerInLargestLanguage: firstAnswer + (largestPack?.added ?? 0),
    total: sum(counted) + (largestPack?.size ?? 0),
  };
}

/** `[label, size, budget]` rows → the report's lines, and whether any row is over its budget. */
export function checkBudgets(rows) {
  let failed = false;
  const lines = rows.map(([label, size, budget]) => {
    const over = size > budget;
    failed ||= over;
    return `${over ? '✗' : '✓'} ${label.padEnd(40)} ${formatSize(size).padStart(9)}  (budget ${formatSize(budget)})`;
  });
  return { failed, lines };
}
