// bench/proof: how well proofing catches the slips of live copy, and how little it marks in
// clean copy.
//
//   npx tsx bench/proof.ts            # needs the Arabic dictionary (hunspell-ar, PROOF_DICTIONARY)
//   npx tsx bench/proof.ts --verbose  # also list what was missed and what clean words were marked
//
// Each misspelling of src/proof/eval/misspellings.ts is proofed inside a short sentence of clean
// words; it counts as caught when proofing marks it, and the run also counts how often the
// intended word is among the suggestions. The clean newsroom copy of src/proof/eval/clean.ts is
// proofed as it is: every word marked there is a false alarm. Both go through the proofing
// service as the composer calls it (a reporter's request, the search alias table known, no page
// and no newsroom word list). Exits non-zero when a target is missed.
import { parseArgs } from 'node:util';
import { fixedClock } from '../src/platform/platform.clock.js';
import { loadConfig, testConfig } from '../src/platform/platform.config.js';
import { migrateToLatest, openDatabase } from '../src/storage/storage.database.js';
import { proofServiceFor } from '../src/proof/proof.service.js';
import { CLEAN_TEXT } from '../src/proof/eval/clean.js';
import { MISSPELLINGS } from '../src/proof/eval/misspellings.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const TARGETS = { caught: 0.8, flagged: 0.01, misspellings: 200, cleanWords: 2000 };
const reporter = { kind: 'token' as const, id: 1, name: 'bench', role: 'reporter' as const };

const handle = openDatabase(testConfig({ databaseUrl: 'sqlite::memory:' }));
await migrateToLatest(handle);
const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
const proof = proofServiceFor({ db: handle.db, clock }, loadConfig());

const started = performance.now();
let total = 0;
let caught = 0;
let suggested = 0;
console.log('\nMisspellings');
for (const [kind, pairs] of Object.entries(MISSPELLINGS)) {
  let kindCaught = 0;
  let kindSuggested = 0;
  const missed: string[] = [];
  for (const [wrong, meant] of pairs) {
    const text = `قال المراسل إن ${wrong} كان واضحاً.`;
    const issues = await proof.proof(reporter, { text });
    const issue = issues.find((found) => found.word === wrong);
    if (issue === undefined) {
      missed.push(wrong);
      continue;
    }
    kindCaught += 1;
    if (issue.suggestions.includes(meant)) kindSuggested += 1;
  }
  total += pairs.length;
  caught += kindCaught;
  suggested += kindSuggested;
  console.log(
    `  ${kind.padEnd(54)} ${String(kindCaught).padStart(3)}/${String(pairs.length).padEnd(3)} caught, ${kindSuggested} with the intended word suggested`,
  );
  if (values.verbose && missed.length > 0) console.log(`      missed: ${missed.join(' ')}`);
}
const caughtShare = caught / total;
console.log(
  `  ${'all'.padEnd(54)} ${String(caught).padStart(3)}/${String(total).padEnd(3)} caught (${(100 * caughtShare).toFixed(1)}%), ${suggested} with the intended word suggested (${((100 * suggested) / total).toFixed(1)}%)`,
);

const words = CLEAN_TEXT.join(' ').match(/(?:[\u0621-\u064A\u0640]|\p{Mn})+/gu) ?? [];
const marked: string[] = [];
for (const paragraph of CLEAN_TEXT) {
  for (const issue of await proof.proof(reporter, { text: paragraph })) marked.push(issue.word);
}
const flaggedShare = marked.length / words.length;
console.log(
  `\nClean copy: ${words.length} words in ${CLEAN_TEXT.length} updates, ${marked.length} marked (${(100 * flaggedShare).toFixed(2)}%)`,
);
if (values.verbose && marked.length > 0) console.log(`  marked: ${marked.join(' ')}`);
console.log(
  `\n${total + CLEAN_TEXT.length} requests in ${((performance.now() - started) / 1000).toFixed(1)} s (the dictionary loaded on the first)`,
);
await handle.close();

const checks = [
  [`≥ ${TARGETS.misspellings} misspellings`, total >= TARGETS.misspellings],
  [`≥ ${TARGETS.cleanWords} clean words`, words.length >= TARGETS.cleanWords],
  [`≥ ${100 * TARGETS.caught}% of misspellings caught`, caughtShare >= TARGETS.caught],
  [`≤ ${100 * TARGETS.flagged}% of clean words marked`, flaggedShare <= TARGETS.flagged],
] as const;
console.log('\nTargets');
for (const [name, ok] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${name}`);
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
