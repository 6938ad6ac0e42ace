// Updates: publishing (update.publishing.ts), the draft workflow (update.drafts.ts) and reading
// (update.queries.ts), over one shared core whose single write step records the change, its
// index entry, revision, audit row and live events in one transaction (update.core.ts).
import { createUpdateCore, type UpdateServiceDeps } from './update.core.js';
import { publishingOps } from './update.publishing.js';
import { draftOps } from './update.drafts.js';
import { queryOps } from './update.queries.js';
import { translationOps } from './update.translations.js';

export type { UpdateServiceDeps, UpdateResult } from './update.core.js';
export type { PublishOptions } from './update.publishing.js';

export function createUpdateService(deps: UpdateServiceDeps) {
  const core = createUpdateCore(deps);
  return {
    ...publishingOps(core),
    ...draftOps(core),
    ...queryOps(core),
    ...translationOps(core),
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
