// The draft workflow: a reporter writes and submits, an editor returns with a note or publishes
// (now or at a set time). Every method checks access first and writes through the core.
import { errors, things } from '../platform/platform.errors.js';
import { assertCan, can, type Actor } from '../access/access.policy.js';
import { blocksHaveText } from '../blocks/blocks.schema.js';
import { normaliseText } from '../lib/text.normalise.js';
import type { DraftBody } from './update.schema.js';
import { isVisible } from './update.types.js';
import type { UpdateCore, UpdateResult } from './update.core.js';
import { goingLive } from './update.publishing.js';
import {
  bodyOf,
  cleanHeadline,
  cleanSources,
  cleanByline,
  cleanContributors,
  newUpdateFields,
  noText,
  notYours,
  wrongState,
} from './update.input.js';

/** The fields an autosave sends, as stored changes (only what it sent). */
function draftChanges(input: DraftBody, blocks: ReturnType<typeof bodyOf>) {
  return {
    ...(input.headline !== undefined && { headline: cleanHeadline(input.headline) ?? null }),
    ...(blocks !== undefined && { blocks }),
    ...(input.sources !== undefined && { sources: cleanSources(input.sources) ?? [] }),
    ...(input.keyEvent !== undefined && { keyEvent: input.keyEvent }),
    ...(input.pinned !== undefined && { pinned: input.pinned }),
    ...(input.breaking !== undefined && { breaking: input.breaking }),
    ...(input.byline !== undefined && { byline: cleanByline(input.byline) ?? null }),
    ...(input.contributors !== undefined && {
      contributors: cleanContributors(input.contributors) ?? [],
    }),
  };
}

const audited = (action: string, targetId: number, after?: unknown) => () => ({
  action,
  targetType: 'update',
  targetId,
  ...(after !== undefined && { after }),
});

export function draftOps(core: UpdateCore) {
  const { updates, media, db } = core;

  /** A draft the actor may work on: their own, or any unpublished one for an editor. */
  async function draft(actor: Actor, slug: string, id: number): Promise<UpdateResult> {
    assertCan(actor, 'draft.write');
    const liveblog = await core.liveblogBySlug(slug);
    const found = await updates.findById(db, liveblog.id, id);
    if (found?.deletedAt !== null || found.status === 'published')
      throw errors.notFound(things.update);
    const own = actor.kind === 'user' && found.authorUserId === actor.id;
    if (!can(actor, 'draft.review') && !own) throw notYours();
    return { update: found, liveblog };
  }

  /** An editor publishes a draft now, or schedules it. */
  async function publishDraft(
    actor: Actor,
    slug: string,
    id: number,
    publishAt?: string,
  ): Promise<UpdateResult> {
    assertCan(actor, 'update.publish');
    const { update: found, liveblog } = await draft(actor, slug, id);
    if (!blocksHaveText(found.blocks)) throw noText();
    const at = publishAt === undefined ? undefined : new Date(publishAt);
    if (at !== undefined && at.getTime() > core.clock.now().getTime()) {
      await core.publishGate?.(db, found, at);
      return core.write({
        actor,
        liveblog,
        change: (trx, now) =>
          updates.change(trx, found.id, { status: 'scheduled', scheduledAt: at }, now),
        revision: { action: 'schedule' },
        audit: audited('update.schedule', found.id, { at: at.toISOString() }),
      });
    }
    return core.write(
      goingLive(core, actor, liveblog, async (trx, now) => {
        const changes = { status: 'published' as const, publishedAt: now, returnNote: null };
        const update = await updates.change(trx, found.id, changes, now);
        if (!isVisible(update)) throw new Error('a published update must be visible');
        return update;
      }),
    );
  }

  return {
    draft,
    publishDraft,

    /** A reporter's (or editor's) draft: saved, never shown to readers. */
    async createDraft(actor: Actor, slug: string, input: DraftBody): Promise<UpdateResult> {
      assertCan(actor, 'draft.write');
      const liveblog = await core.liveblogBySlug(slug);
      const blocks = await media.resolve(bodyOf(input) ?? []);
      const fields = newUpdateFields(actor, liveblog, input, blocks);
      return core.write({
        actor,
        liveblog,
        change: (trx, now) =>
          updates.insert(trx, { ...fields, status: 'draft', publishedAt: null }, now),
        audit: (created) => audited('draft.create', created.id)(),
      });
    },

    /** Autosave: the whole draft as the composer holds it. */
    async saveDraft(actor: Actor, slug: string, id: number, input: DraftBody) {
      const { update: found, liveblog } = await draft(actor, slug, id);
      if (found.status === 'scheduled' && !can(actor, 'update.publish'))
        throw wrongState(found.status);
      const given = bodyOf(input);
      const blocks = given === undefined ? undefined : await media.resolve(given);
      return core.write({
        actor,
        liveblog,
        change: (trx, now) => updates.change(trx, found.id, draftChanges(input, blocks), now),
      });
    },

    async submitDraft(actor: Actor, slug: string, id: number): Promise<UpdateResult> {
      const { update: found, liveblog } = await draft(actor, slug, id);
      if (found.status !== 'draft') throw wrongState(found.status);
      if (!blocksHaveText(found.blocks)) throw noText();
      return core.write({
        actor,
        liveblog,
        change: (trx, now) =>
          updates.change(
            trx,
            found.id,
            { status: 'submitted', submittedAt: now, returnNote: null },
            now,
          ),
        revision: { action: 'submit' },
        audit: audited('draft.submit', found.id),
      });
    },

    async returnDraft(actor: Actor, slug: string, id: number, note: string) {
      assertCan(actor, 'draft.review');
      const { update: found, liveblog } = await draft(actor, slug, id);
      if (found.status !== 'submitted') throw wrongState(found.status);
      const cleanNote = normaliseText(note).trim().slice(0, 2000);
      return core.write({
        actor,
        liveblog,
        change: (trx, now) =>
          updates.change(
            trx,
            found.id,
            { status: 'draft', returnNote: cleanNote, submittedAt: null },
            now,
          ),
        revision: { action: 'return', note: cleanNote },
        audit: audited('draft.return', found.id, { note: cleanNote }),
      });
    },

    async deleteDraft(actor: Actor, slug: string, id: number): Promise<void> {
      const { update: found, liveblog } = await draft(actor, slug, id);
      await core.write({
        actor,
        liveblog,
        change: async (trx, now) => {
          await updates.softDelete(trx, found.id, now);
          return found;
        },
        audit: audited('draft.delete', found.id),
      });
    },
  };
}
