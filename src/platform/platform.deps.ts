// What every service factory receives.
import type { Db } from '../storage/storage.database.js';
import type { Bus } from '../realtime/realtime.bus.js';
import type { Clock } from './platform.clock.js';

export interface ServiceDeps {
  readonly db: Db;
  readonly bus: Bus;
  readonly clock: Clock;
  /** The address readers use, for absolute links in rendered updates (sharing). */
  readonly publicUrl?: string;
  /** Whether pasted embed URLs are fetched for their titles. */
  readonly embedFetch?: boolean;
}
