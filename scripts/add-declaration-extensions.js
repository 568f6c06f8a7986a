// Usage: node scripts/add-declaration-extensions.js <dist folder>
//
// The sources import each other without extensions (`from './chat-client'`), as bundler resolution
// allows, and tsc copies those specifiers into the .d.ts files unchanged. Under `node16`/`nodenext`
// resolution a consumer's TypeScript cannot follow them, and with `skipLibCheck` (the usual setting)
// it says nothing: every export silently becomes `any`. This rewrites each relative specifier in the
// emitted declarations to the file Node would load (`./chat-client.js`, `./protocol/index.js`), and
// fails the build on one that points at nothing.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Every `.d.ts` file under a folder. */
function declarationFiles(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** The string literals that name a module: import/export … from, `import("…")` types, `declare module`. */
function moduleSpecifiers(sourceFile) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      found.push(node.moduleSpecifier);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      found.push(node.argument.literal);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      found.push(node.name);
    } else if (ts.isExternalModuleReference(node)) {
      found.push(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found.filter((literal) => ts.isStringLiteral(literal) && /^\.\.?(\/|$)/.test(literal.text));
}

/** What `specifier`, written in `file`, must say for Node's resolution; throws when it names nothing. */
function withExtension(file, specifier) {
  const target = resolve(dirname(file), specifier);
  if (/\.(js|mjs|json)$/.test(specifier) && existsSync(target.replace(/\.(m?)js$/, '.d.$1ts'))) {
    return specifier;
  }
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts')) && statSync(target).isDirectory()) {
    return `${specifier.replace(/\/$/, '')}/index.js`;
  }
  throw new Error(`${file}: "${specifier}" names no declaration file.`);
}

function rewrite(file) {
  const text = readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  let result = text;
  // From the end, so that earlier positions stay valid.
  for (const literal of moduleSpecifiers(sourceFile).reverse()) {
    const replacement = withExtension(file, literal.text);
    if (replacement === literal.text) continue;
    const start = literal.getStart(sourceFile) + 1;
    result = result.slice(0, start) + replacement + result.slice(start + literal.text.length);
  }
  if (result !== text) writeFileSync(file, result);
  return result !== text;
}

const folder = process.argv[2];
if (!folder || !existsSync(folder)) {
  console.error('Usage: node scripts/add-declaration-extensions.js <dist folder>');
  process.exit(1);
}
let changed = 0;
for (const file of declarationFiles(resolve(folder))) {
  if (rewrite(file)) changed += 1;
}
console.log(
  `Declarations: relative imports given extensions in ${changed} files of ${relative('.', folder)}.`,
);
