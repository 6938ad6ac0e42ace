// What every service factory receives.
import type { Db } from '../storage/storage.database.js';
import type { Bus } from '../realtime/realtime.bus.js';
import type { Clock } from './platform.clock.js';
import type { MediaResolverOptions } from '../media/media.resolver.js';

export interface ServiceDeps {
  readonly db: Db;
  readonly bus: Bus;
  readonly clock: Clock;
  /** The address readers use, for absolute links in rendered updates (sharing). */
  readonly publicUrl?: string;
  /** Whether pasted embed URLs are fetched for their titles. */
  readonly embedFetch?: boolean;
  /** Keeps link preview images as our own photos (set by the app; absent in bare tests). */
  readonly thumbnails?: MediaResolverOptions['thumbnails'];
  /** For tests: how the guarded fetcher resolves and which addresses it refuses. */
  readonly fetchOptions?: MediaResolverOptions['fetch'];
}
