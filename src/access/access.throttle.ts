// Fixed-window failure counters in the database (every node shares them), for the sign-in and
// its second step: look before trying, count a failure after it.
import { errors } from '../platform/platform.errors.js';
import type { Db } from '../storage/storage.database.js';
import { createUserRepository } from './access.repository.js';

export interface Limit {
  readonly key: string;
  /** Failures allowed in a window. */
  readonly max: number;
}

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

const counters = createUserRepository();

/** Throws 429 with Retry-After when any of the counters is full. */
export async function assertUnderLimits(
  db: Db,
  limits: readonly Limit[],
  now: Date,
): Promise<void> {
  const states = await Promise.all(
    limits.map((limit) => counters.peek(db, limit.key, THROTTLE_WINDOW_MS, now)),
  );
  limits.forEach((limit, i) => {
    const state = states[i];
    if (state && state.count >= limit.max) {
      throw errors.tooManyRequests(
        Math.max(1, Math.ceil((state.resetAt.getTime() - now.getTime()) / 1000)),
      );
    }
  });
}

/** Counts one failure on every counter. */
export async function countFailure(db: Db, limits: readonly Limit[], now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const limit of limits) await counters.hit(trx, limit.key, THROTTLE_WINDOW_MS, now);
  });
}

export async function clearCounter(db: Db, key: string): Promise<void> {
  await counters.clear(db, key);
}
