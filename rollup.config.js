// One rollup configuration for every package, chosen with `--environment PKG:sdk|server|elements`.
// esbuild only transpiles; type-checking and .d.ts files are tsc's job (each build script runs it next).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild, { minify } from 'rollup-plugin-esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const tsconfig = join(root, 'tsconfig.json');
const packageName = process.env.PKG;

/** Bare imports (`lit`, `node:fs`, `@parley/sdk/protocol`) stay imports; relative ones are bundled. */
const isBareImport = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** `css` templates: no comments, no indentation, no spaces around punctuation that does not need them. */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();
}

/** `html` and `svg` templates: a run of whitespace that holds a line break is one space, as HTML renders it. */
function minifyMarkup(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * Shrinks the static text of Lit's tagged templates (after esbuild has turned TypeScript into
 * JavaScript). Only the literal parts change, never the expressions, so the result is the same.
 */
function minifyTemplates() {
  const minifiers = { css: minifyCss, html: minifyMarkup, svg: minifyMarkup };
  return {
    name: 'minify-lit-templates',
    transform(code, id) {
      if (!/\.ts$/.test(id) || !/\b(?:css|html|svg)`/.test(code)) return null;
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (
          node.type === 'TaggedTemplateExpression' &&
          node.tag.type === 'Identifier' &&
          minifiers[node.tag.name]
        ) {
          for (const quasi of node.quasi.quasis) {
            const raw = code.slice(quasi.start, quasi.end);
            const minified = minifiers[node.tag.name](raw);
            if (minified !== raw) edits.push([quasi.start, quasi.end, minified]);
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(this.parse(code));
      let result = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
        result = result.slice(0, start) + text + result.slice(end);
      }
      return { code: result, map: null };
    },
  };
}

/** Removes the chunks of an earlier build (their names carry a hash of their contents, so they pile up). */
function cleanChunks(directory, pattern) {
  return {
    name: 'clean-chunks',
    buildStart() {
      if (!existsSync(directory)) return;
      for (const name of readdirSync(directory)) {
        if (pattern.test(name)) rmSync(join(directory, name));
      }
    },
  };
}

function transpile(options = {}) {
  return esbuild({ tsconfig, target: 'es2022', ...options });
}

/** Inputs that exist: the server grows its entry points while others build against it. */
function existingInputs(packageDirectory, inputs) {
  return Object.fromEntries(
    Object.entries(inputs)
      .map(([name, file]) => [name, join(packageDirectory, file)])
      .filter(([, file]) => existsSync(file)),
  );
}

function sdk() {
  const directory = join(root, 'packages/sdk');
  return [
    {
      input: existingInputs(directory, { index: 'src/index.ts', 'protocol/index': 'src/protocol/index.ts' }),
      external: isBareImport,
      plugins: [transpile({ platform: 'neutral' })],
      output: {
        dir: join(directory, 'dist'),
        format: 'esm',
        preserveModules: true,
        preserveModulesRoot: join(directory, 'src'),
        entryFileNames: '[name].js',
      },
    },
  ];
}

function server() {
  const directory = join(root, 'packages/server');
  return [
    {
      input: existingInputs(directory, {
        index: 'src/index.ts',
        cli: 'src/cli.ts',
        testing: 'src/testing.ts',
      }),
      external: (id) => isBareImport(id) || nodeBuiltins.has(id),
      plugins: [cleanChunks(join(directory, 'dist'), /^.+-[\w-]{8}\.js$/), transpile({ platform: 'node' })],
      output: {
        dir: join(directory, 'dist'),
        format: 'esm',
        entryFileNames: '[name].js',
        // Shared chunks sit beside the entries so `new URL('../…', import.meta.url)` means the same from all of them.
        chunkFileNames: '[name]-[hash].js',
        banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  ];
}

function elements() {
  const directory = join(root, 'packages/elements');
  const output = join(directory, 'dist');
  return [
    // The library: one module per source file, dependencies left to the host's bundler.
    {
      input: existingInputs(directory, { index: 'src/index.ts', define: 'src/define.ts' }),
      external: isBareImport,
      plugins: [transpile({ platform: 'browser' }), minifyTemplates()],
      output: {
        dir: output,
        format: 'esm',
        preserveModules: true,
        preserveModulesRoot: join(directory, 'src'),
        entryFileNames: '[name].js',
      },
    },
    // The embed: everything inlined for one `<script type="module">`. What the first answer does not
    // need arrives in two chunks beside it: the deferred parts (src/deferred: the sidebar, the error
    // alert, the tool indicator), requested at once but not waited for, and markdown, requested when
    // the first answer is on its way.
    {
      input: { embed: join(directory, 'src/embed.ts') },
      plugins: [
        cleanChunks(output, /^embed-.*\.js$/),
        nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
        transpile({ platform: 'browser', define: { 'process.env.NODE_ENV': '"production"' } }),
        minifyTemplates(),
        // Minify whole chunks, after the templates (a per-module minify would rename their tags first).
        minify({ target: 'es2022', legalComments: 'none' }),
      ],
      output: {
        dir: output,
        format: 'esm',
        entryFileNames: '[name].js',
        // Highlighting grammars (modules under a `grammars/` folder) and language packs (under
        // `strings/locales/`) are named apart: a page loads one or two of them, so the size budget
        // of the whole embed counts none of the grammars and only the largest pack
        // (docs/decisions/0005-size-budgets.md, 0007-language-packs.md).
        chunkFileNames: (chunk) => {
          const module = chunk.facadeModuleId ?? '';
          if (/[\\/]grammars[\\/]/.test(module)) return 'embed-grammar-[name]-[hash].js';
          if (/[\\/]strings[\\/]locales[\\/]/.test(module)) return 'embed-locale-[name]-[hash].js';
          return 'embed-[name]-[hash].js';
        },
      },
    },
  ];
}

const builds = { sdk, server, elements };

if (!builds[packageName]) {
  throw new Error(
    `rollup.config.js: set PKG to one of ${Object.keys(builds).join(', ')} (got ${packageName ?? 'nothing'}).`,
  );
}

export default builds[packageName]();
