// What the scenarios of bench/scale share: the run's mode, what a scenario hands back, the
// machine's name for the printed lines, and small helpers for figures.
import { cpus, totalmem } from 'node:os';

export interface ScaleMode {
  /** CI's small, fast run: correctness only (0 missing, 0 duplicated, the cache serving). */
  readonly check: boolean;
}

export interface ScaleResult {
  /** One printed line per scenario (or per size of it), figures and ratios. */
  readonly lines: readonly string[];
  /** What went wrong: a missing or duplicated event, a cache that did not serve, a target missed. */
  readonly failures: readonly string[];
}

export type Scenario = (mode: ScaleMode) => Promise<ScaleResult>;

/** "2 × AMD EPYC …, 24 GiB, Node v20.20.2": printed once, at the top of a run. */
export function machineName(): string {
  const cores = cpus();
  const model = (cores[0]?.model ?? 'unknown cpu').replace(/\s+/g, ' ').trim();
  const gib = Math.round(totalmem() / 2 ** 30);
  return `${String(cores.length)} × ${model}, ${String(gib)} GiB, Node ${process.version}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export const ms = (value: number): string => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
export const ratio = (value: number): string => `${value.toFixed(2)}×`;
