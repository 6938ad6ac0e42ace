// `npm start` builds only when something the build reads has changed since the last build: a
// hash of src/, scripts/, tsconfig.json, package.json and package-lock.json is compared with the
// one written into dist/.build-stamp by the last successful build. Tests do not count.
// `--force` builds anyway; `--print` prints the hash and exits.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp');
const outputs = [join(root, 'dist', 'server.js'), join(root, 'public', 'build', 'manifest.json')];

function files() {
  const list = ['tsconfig.json', 'package.json', 'package-lock.json'];
  for (const dir of ['src', 'scripts']) {
    for (const name of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!name.isFile() || /\.test\.tsx?$/.test(name.name)) continue;
      list.push(join(name.parentPath ?? name.path, name.name).slice(root.length));
    }
  }
  return list.sort();
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of files()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const started = performance.now();
const current = sourceHash();
if (process.argv.includes('--print')) {
  console.log(current);
  process.exit(0);
}
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
const built = outputs.every((file) => existsSync(file));
if (!process.argv.includes('--force') && built && previous === current) {
  const ms = Math.round(performance.now() - started);
  console.log(`build is up to date (sources unchanged, checked in ${ms} ms)`);
  process.exit(0);
}

console.log(previous ? 'sources changed: building' : 'no build yet: building');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
run([join(root, 'scripts', 'build-assets.mjs')]);
writeFileSync(stampFile, `${current}\n`);
console.log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
