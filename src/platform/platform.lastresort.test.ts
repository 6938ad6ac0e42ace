import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAST_RESORT_EXIT_CODE } from './platform.lastresort.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(body: string) {
  const script = `import('./src/platform/platform.lastresort.ts').then((m) => { m.installLastResort(); ${body} });`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('the last-resort handler', () => {
  it.each([
    [
      'an unhandled rejection',
      "Promise.reject(new Error('nobody awaited this'));",
      'unhandled rejection',
    ],
    [
      'an uncaught exception',
      "setTimeout(() => { throw new Error('thrown from a timer'); }, 1);",
      'uncaught exception',
    ],
  ])(
    'logs %s as one JSON line and exits non-zero',
    (_name, body, kind) => {
      const result = run(`${body} setTimeout(() => process.exit(0), 5000);`);
      expect(result.status).toBe(LAST_RESORT_EXIT_CODE);
      const line = JSON.parse(result.stderr.trim().split('\n').at(-1) ?? '{}') as {
        level: number;
        msg: string;
        err: { message: string; stack: string };
      };
      expect(line.level).toBe(60);
      expect(line.msg).toContain(kind);
      expect(line.err.message).toMatch(/nobody awaited this|thrown from a timer/);
      expect(line.err.stack).toContain('Error');
    },
    40_000,
  );
});
