// bench/scale: Ajil at internet scale on this machine, one printed line per scenario.
//
//   npx tsx bench/scale.ts                  # every scenario at full size
//   npx tsx bench/scale.ts --only pages     # some of them: pages, readers, nodes, cdn
//   npx tsx bench/scale.ts --check          # CI's small run: correctness only, not speed
//
// pages    one worker's pages/s, uncached, against a static floor serving the same bytes
// readers  100,000 readers receiving 20 updates, against a raw Node SSE broadcast, same run
// nodes    three nodes on PostgreSQL + Redis behind nginx, one killed with -9 mid-run
// cdn      a burst of page requests through nginx's cache: what reaches the origin
//
// Exits 1 when a scenario reports a failure (a missing or duplicated event, a cache that did
// not serve, or — in a full run — a ratio short of its target).
import { parseArgs } from 'node:util';
import { machineName, type Scenario, type ScaleMode } from './scale-common.js';

const SCENARIOS = ['pages', 'readers', 'nodes', 'cdn'] as const;
type Name = (typeof SCENARIOS)[number];

const { values } = parseArgs({
  options: { only: { type: 'string' }, check: { type: 'boolean', default: false } },
});
const only = (values.only?.split(',') ?? [...SCENARIOS]).filter((name): name is Name =>
  (SCENARIOS as readonly string[]).includes(name),
);
const mode: ScaleMode = { check: values.check };

async function load(name: Name): Promise<Scenario> {
  const module = (await import(`./scale-${name}.js`)) as { scenario: Scenario };
  return module.scenario;
}

console.log(`bench/scale on ${machineName()}${mode.check ? ' (check: correctness only)' : ''}`);
const failures: string[] = [];
for (const name of only) {
  const started = performance.now();
  const result = await (await load(name))(mode);
  for (const line of result.lines) console.log(`${name.padEnd(8)} ${line}`);
  for (const failure of result.failures) console.log(`${name.padEnd(8)} FAILED: ${failure}`);
  failures.push(...result.failures);
  console.log(`${name.padEnd(8)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
process.exit(failures.length > 0 ? 1 : 0);
