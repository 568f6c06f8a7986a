import { build } from 'esbuild';
const r = await build({
  entryPoints: [process.argv[2]],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  metafile: true,
  conditions: ['@parley/source'],
});
const inputs = Object.values(r.metafile.outputs)[0].inputs;
console.log(
  Object.entries(inputs)
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 15)
    .map(([p, v]) => v.bytesInOutput + ' ' + p)
    .join('\n'),
);
