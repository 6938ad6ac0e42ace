// What nearly every service receives from buildApp: the database and the clock. Services that
// need more (the bus, the search indexer, the media resolver) name it in their own deps type.
import type { Db } from '../storage/storage.database.js';
import type { Clock } from './platform.clock.js';

export interface BaseDeps {
  readonly db: Db;
  readonly clock: Clock;
}
