// The embargo follows a wire item into its drafts: the update service asks this gate before
// any update goes live or is scheduled, and an update drafted from an item under embargo is
// refused (409 `embargoed`) until the embargo of the item's newest version has passed.
import { AppError } from '../platform/platform.errors.js';
import type { PublishGate } from '../update/update.core.js';
import { createWireRepository } from './wire.repository.js';
import { wireErrors } from './wire.messages.js';

export function embargoed(until: Date): AppError {
  return new AppError(409, 'embargoed', wireErrors.embargoed(until), [
    { field: '/embargoUntil', message: until.toISOString() },
  ]);
}

export function createEmbargoGate(): PublishGate {
  const wire = createWireRepository();
  return async (db, update, at) => {
    const until = await wire.embargoOfUpdate(db, update.id);
    if (until !== null && at.getTime() < until.getTime()) throw embargoed(until);
  };
}
