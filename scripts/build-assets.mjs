// Builds the browser assets into public/build with content-hashed names and a manifest:
// the live client (small, framework-free) and the stylesheet with the self-hosted Arabic fonts.
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}public/build`;

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: {
    live: 'src/client/live.ts',
    app: 'src/client/app.css',
    newsroom: 'src/client/newsroom.ts',
    'newsroom-style': 'src/client/newsroom.css',
  },
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: ['es2020'],
  outdir,
  entryNames: '[name]-[hash]',
  assetNames: 'fonts/[name]-[hash]',
  loader: { '.woff2': 'file', '.woff': 'file' },
  metafile: true,
  logLevel: 'warning',
});

const manifest = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!output.entryPoint || file.endsWith('.map')) continue;
  const name = basename(output.entryPoint).replace(/\.ts$/, '.js');
  manifest[name] = file.slice('public/build/'.length);
}
await writeFile(`${outdir}/manifest.json`, JSON.stringify(manifest, null, 2));
const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.endsWith('.map') && !file.includes('/fonts/'))
  .map(([file, output]) => `${basename(file)} ${(output.bytes / 1024).toFixed(1)} KiB`);
console.log(`assets built: ${sizes.join(', ')}`);
