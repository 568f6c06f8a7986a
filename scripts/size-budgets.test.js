// The size check's own logic, on a made-up embed: `node --test scripts/size-budgets.test.js`.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkBudgets, gzipSize, measureEmbed, staticClosure } from './size-budgets.js';

describe('the size check', () => {
  const directory = mkdtempSync(join(tmpdir(), 'parley-size-'));
  after(() => rmSync(directory, { recursive: true, force: true }));
  // Random text does not compress: each file's gzip size is about its length.
  const noise = (length) => randomBytes(length).toString('base64').slice(0, length);
  const files = {
    'embed.js': `import{a}from"./embed-shared-A1.js";import"./embed-parts-B2.js";import("./embed-markdown-C3.js");//${noise(4000)}`,
    'embed-shared-A1.js': `export const a=1;//${noise(3000)}`,
    'embed-parts-B2.js': `import"./embed-shared-A1.js";//${noise(2000)}`,
    'embed-markdown-C3.js': `import("./embed-grammar-python-D4.js");//${noise(5000)}`,
    'embed-grammar-python-D4.js': `//${noise(9000)}`,
    // Two language packs sharing a helper; the larger one is the one counted.
    'embed-locale-de-E5.js': `import"./embed-plural-G7.js";//${noise(1000)}`,
    'embed-locale-ja-F6.js': `import"./embed-plural-G7.js";//${noise(1500)}`,
    'embed-plural-G7.js': `//${noise(300)}`,
    'not-the-embed.js': `//${noise(9000)}`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  const size = (name) => gzipSize(Buffer.from(files[name]));

  it('counts the entry and its static imports, not its dynamic ones, before the first answer', () => {
    assert.deepEqual([...staticClosure(directory, 'embed.js')].sort(), [
      'embed-parts-B2.js',
      'embed-shared-A1.js',
      'embed.js',
    ]);
    const embed = measureEmbed(directory);
    assert.equal(
      embed.firstAnswer,
      size('embed.js') + size('embed-shared-A1.js') + size('embed-parts-B2.js'),
    );
  });

  it('counts every embed chunk but highlighting grammars and the smaller language packs in the total', () => {
    const embed = measureEmbed(directory);
    assert.equal(embed.files.has('not-the-embed.js'), false);
    assert.equal(embed.files.get('embed-grammar-python-D4.js'), size('embed-grammar-python-D4.js'));
    assert.equal(
      embed.total,
      embed.firstAnswer +
        size('embed-markdown-C3.js') +
        size('embed-plural-G7.js') +
        size('embed-locale-ja-F6.js'),
    );
  });

  it('counts one language pack, the largest, and what it adds before the first answer', () => {
    const embed = measureEmbed(directory);
    assert.equal(embed.largestPack, 'embed-locale-ja-F6.js');
    assert.equal(
      embed.firstAnswerInLargestLanguage,
      embed.firstAnswer + size('embed-locale-ja-F6.js') + size('embed-plural-G7.js'),
    );
  });

  it('fails one byte over a budget, and passes at it', () => {
    assert.equal(checkBudgets([['sdk', 16384, 16384]]).failed, false);
    const over = checkBudgets([
      ['embed', 100, 200],
      ['sdk', 16385, 16384],
    ]);
    assert.equal(over.failed, true);
    assert.match(over.lines[0], /^✓ embed/);
    assert.match(over.lines[1], /^✗ sdk +16\.0 KB {2}\(budget 16\.0 KB\)$/);
  });
});
