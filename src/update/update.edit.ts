// What an edit changes, and which live events say so: content (headline, body, sources), flags
// (key event, breaking) and the pin, each compared with the update as it stands.
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

export interface EditPlan {
  readonly changes: UpdateChanges;
  /** Readers see «تم التحديث» only when the content changed, not for flags or the pin. */
  readonly contentChanged: boolean;
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
  if (Object.keys(changes).length === 0) return undefined;
  const flagsChanged = changes.keyEvent !== undefined || changes.breaking !== undefined;

  return {
    changes,
    contentChanged,
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
