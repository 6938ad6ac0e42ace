// Builds the browser assets into public/build with content-hashed names and a manifest:
// the live client (small, framework-free) and the stylesheet with the self-hosted fonts, cut to
// the characters the site writes (scripts/build-fonts.mjs) and pulled in by `@import 'ajil:fonts'`.
import { build } from 'esbuild';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildFonts } from './build-fonts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}public/build`;

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

// The cut fonts and their @font-face rules, in a scratch folder that `ajil:fonts` resolves to.
const fontDir = await mkdtemp(join(tmpdir(), 'ajil-fonts-'));
await writeFile(join(fontDir, 'fonts.css'), await buildFonts(fontDir));
const fontsPlugin = {
  name: 'ajil-fonts',
  setup(builder) {
    builder.onResolve({ filter: /^ajil:fonts$/ }, () => ({ path: join(fontDir, 'fonts.css') }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: {
    live: 'src/client/live.ts',
    // Web Push: the follow code, loaded on the first press, and the service worker.
    'live-push': 'src/client/live.push.ts',
    'push-sw': 'src/client/push.sw.ts',
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
  plugins: [fontsPlugin],
});
await rm(fontDir, { recursive: true, force: true });

// Entries whose logical name is not their file's (live.push.ts → live-push.js).
const ENTRY_NAMES = {
  'src/client/live.push.ts': 'live-push.js',
  'src/client/push.sw.ts': 'push-sw.js',
};
const manifest = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  // A font by its name without the hash (fonts/naskh-400-arabic.woff2), for <link rel=preload>.
  const font = /^public\/build\/(fonts\/[a-z0-9-]+)-[A-Z0-9]{8}\.woff2$/.exec(file);
  if (font) manifest[`${font[1]}.woff2`] = file.slice('public/build/'.length);
  if (!output.entryPoint || file.endsWith('.map')) continue;
  const name =
    ENTRY_NAMES[output.entryPoint] ?? basename(output.entryPoint).replace(/\.ts$/, '.js');
  manifest[name] = file.slice('public/build/'.length);
}
await writeFile(`${outdir}/manifest.json`, JSON.stringify(manifest, null, 2));

// Precompressed copies beside each text file, at the highest levels (done once, not per request);
// the static handler sends them to clients that accept them. Fonts are compressed already.
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const textFiles = (await readdir(outdir, { recursive: true }))
  .filter((name) => /\.(js|css|map|json|svg)$/.test(name))
  .map((name) => join(outdir, name));
await Promise.all(
  textFiles.map(async (file) => {
    const bytes = await readFile(file);
    const [br, gzipped] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
  }),
);
const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.endsWith('.map') && !file.includes('/fonts/'))
  .map(([file, output]) => `${basename(file)} ${(output.bytes / 1024).toFixed(1)} KiB`);
console.log(`assets built: ${sizes.join(', ')}`);
