// What an edit changes, and which live events say so: content (headline, body, sources), flags
// (key event, breaking), the pin and trust (verification, a correction; update.verification.ts),
// each compared with the update as it stands.
import { blocksHaveText } from '../blocks/blocks.schema.js';
import type { Db } from '../storage/storage.database.js';
import type { EventDraft } from '../realtime/realtime.record.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { PatchUpdateBody } from './update.schema.js';
import type { PublishedUpdate, UpdateChanges } from './update.types.js';
import type { UpdateCore } from './update.core.js';
import type { UpdateContext } from './update.view.js';
import {
  bodyOf,
  cleanByline,
  cleanContributors,
  cleanHeadline,
  cleanSources,
  noText,
  sameJson,
} from './update.input.js';
import { movesVerification, trustPlan } from './update.verification.js';

export interface EditPlan {
  readonly changes: UpdateChanges;
  /** Readers see «تم التحديث» only when the content changed, not for flags or the pin. */
  readonly contentChanged: boolean;
  /** The public note when the edit is a correction (appended to the ledger). */
  readonly correction: string | undefined;
  /** The stored changes, stamped with the edit's time where they need it. */
  readonly changesAt: (now: Date) => UpdateChanges;
  readonly revision: { readonly action: string; readonly note: string | null };
  readonly events: (
    trx: Db,
    update: PublishedUpdate,
    now: Date,
    context: UpdateContext,
  ) => Promise<EventDraft[]>;
}

async function contentChanges(
  core: UpdateCore,
  current: PublishedUpdate,
  patch: PatchUpdateBody,
): Promise<UpdateChanges> {
  const given = bodyOf(patch);
  const blocks = given === undefined ? undefined : await core.media.resolve(given);
  if (blocks !== undefined && !blocksHaveText(blocks)) throw noText();
  const headline = cleanHeadline(patch.headline);
  const sources = cleanSources(patch.sources);
  const changes: UpdateChanges = {};
  if (headline !== undefined && headline !== current.headline) changes.headline = headline;
  if (blocks !== undefined && !sameJson(blocks, current.blocks)) changes.blocks = blocks;
  if (sources !== undefined && !sameJson(sources, current.sources)) changes.sources = sources;
  const byline = cleanByline(patch.byline);
  if (byline !== undefined && byline !== (current.byline ?? null)) changes.byline = byline;
  const contributors = cleanContributors(patch.contributors);
  if (contributors !== undefined && !sameJson(contributors, current.contributors ?? []))
    changes.contributors = contributors;
  return changes;
}

/** Undefined when the patch changes nothing. */
export async function editPlan(
  core: UpdateCore,
  liveblog: Liveblog,
  current: PublishedUpdate,
  patch: PatchUpdateBody,
): Promise<EditPlan | undefined> {
  const changes = await contentChanges(core, current, patch);
  const contentChanged = Object.keys(changes).length > 0;
  if (patch.keyEvent !== undefined && patch.keyEvent !== current.keyEvent)
    changes.keyEvent = patch.keyEvent;
  if (patch.breaking !== undefined && patch.breaking !== current.breaking)
    changes.breaking = patch.breaking;
  const pinChanged = patch.pinned !== undefined && patch.pinned !== current.pinned;
  if (pinChanged) changes.pinned = patch.pinned;
  const trust = trustPlan(current, patch, contentChanged);
  Object.assign(changes, trust.changes);
  if (Object.keys(changes).length === 0) return undefined;
  const verified = movesVerification(trust);
  const flagsChanged = changes.keyEvent !== undefined || changes.breaking !== undefined || verified;

  return {
    changes,
    contentChanged,
    correction: trust.correction,
    changesAt: (now) => ({
      ...changes,
      ...(contentChanged && { editedAt: now }),
      ...(verified && { verificationAt: now }),
    }),
    revision: trust.correction
      ? { action: 'correct', note: trust.correction }
      : verified
        ? { action: 'verify', note: changes.verificationNote ?? current.verificationNote }
        : { action: 'edit', note: null },
    async events(trx, update, now, context) {
      const drafts: EventDraft[] = [];
      if (contentChanged || flagsChanged)
        drafts.push(core.liveDraft(update, context, 'update.edited'));
      if (pinChanged && update.pinned) {
        drafts.push(...(await core.unpinOthers(trx, update, now)));
        drafts.push(core.liveDraft(update, context, 'update.pinned'));
      } else if (pinChanged) {
        drafts.push({
          type: 'update.unpinned',
          updateId: update.id,
          data: () => ({ id: update.id }),
        });
      }
      return drafts;
    },
  };
}
