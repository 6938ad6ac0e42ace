// Updates: publish, edit, delete, list. Every write records its live events in the same
// transaction and rings the bus after the commit. Every method checks access first.
import { errors, things } from '../platform/platform.errors.js';
import type { ServiceDeps } from '../platform/platform.deps.js';
import { assertCan, can, type Actor } from '../newsroom/newsroom.policy.js';
import { audit } from '../newsroom/newsroom.repository.js';
import { createLiveblogRepository, type Liveblog } from '../liveblog/liveblog.repository.js';
import { recordEvents, ringAfterCommit, type EventDraft } from '../realtime/realtime.record.js';
import type { Db } from '../storage/storage.database.js';
import { blocksFromText, blocksHaveText, blocksToText, type Block } from './update.blocks.js';
import { AppError } from '../platform/platform.errors.js';
import {
  normaliseDeep,
  normaliseLine,
  normaliseName,
  normaliseText,
} from '../lib/text.normalise.js';
import {
  createUpdateRepository,
  isVisible,
  type PublishedUpdate,
  type Source,
  type Update,
  type UpdateChanges,
} from './update.repository.js';
import type { CreateUpdateBody, DraftBody, PatchUpdateBody } from './update.schema.js';
import { presentUpdateEvent, renderContext } from './update.presenter.js';
import type { UpdateContext } from './update.view.js';
import { siteDateStyle } from '../newsroom/newsroom.settings.js';
import { createSearchService } from '../search/search.service.js';
import { createMediaResolver } from './update.media.js';

export interface UpdateResult {
  readonly update: Update;
  readonly liveblog: Liveblog;
}

const noText = () =>
  errors.validation(
    [{ field: '/text', message: 'text or blocks with some visible text is required' }],
    { ar: 'نص التحديث مطلوب.', en: 'The update needs some text.' },
  );

const bothBodies = () =>
  errors.validation([{ field: '/blocks', message: 'send either text or blocks, not both' }], {
    ar: 'أرسل النص أو الكتل، لا كليهما.',
    en: 'Send either text or blocks, not both.',
  });

function bodyOf(input: { text?: string; blocks?: Block[] }): Block[] | undefined {
  if (input.text !== undefined && input.blocks !== undefined) throw bothBodies();
  if (input.blocks !== undefined) return normaliseDeep(input.blocks);
  if (input.text !== undefined) return blocksFromText(input.text);
  return undefined;
}

function cleanSources(sources: readonly Source[] | undefined): Source[] | undefined {
  return sources?.map((source) => ({
    name: normaliseName(source.name),
    kind: source.kind,
    ...(source.url !== undefined && { url: source.url }),
  }));
}

function cleanHeadline(headline: string | null | undefined): string | null | undefined {
  if (headline === undefined || headline === null) return headline;
  const cleaned = normaliseLine(headline);
  return cleaned === '' ? null : cleaned;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function who(actor: Actor): { name: string; userId: number | null } {
  return { name: actor.name, userId: actor.kind === 'user' ? actor.id : null };
}

function snapshot(update: Update) {
  return {
    headline: update.headline,
    text: blocksToText(update.blocks),
    sources: update.sources,
    keyEvent: update.keyEvent,
    pinned: update.pinned,
    breaking: update.breaking,
    status: update.status,
  };
}

const notYours = () =>
  new AppError(403, 'not_your_draft', {
    ar: 'لا يمكنك تعديل مسودة زميل.',
    en: "You cannot change a colleague's draft.",
  });

const wrongState = (status: string) =>
  errors.conflict('wrong_state', {
    ar: `لا يمكن تنفيذ ذلك على تحديث حالته «${status}».`,
    en: `That cannot be done to an update whose status is "${status}".`,
  });

/** What a new update takes from the request, whatever its status. */
function newUpdateFields(
  actor: Actor,
  liveblog: Liveblog,
  input: CreateUpdateBody,
  blocks: Block[],
) {
  return {
    liveblogId: liveblog.id,
    headline: cleanHeadline(input.headline) ?? null,
    blocks,
    sources: cleanSources(input.sources) ?? [],
    keyEvent: input.keyEvent ?? false,
    pinned: input.pinned ?? false,
    breaking: input.breaking ?? false,
    authorName: normaliseName(input.author ?? '') || actor.name,
    authorUserId: actor.kind === 'user' ? actor.id : null,
  };
}

/** Who publishes a scheduled update when its time comes. */
const SCHEDULER: Actor = { kind: 'user', id: null, name: 'scheduler', role: 'editor' };

export interface PublishOptions {
  /** Back-dating for imports and the demo; the API does not expose it. */
  readonly publishedAt?: Date;
}

export function createUpdateService({
  db,
  bus,
  clock,
  publicUrl = '',
  embedFetch = true,
  thumbnails,
  fetchOptions,
}: ServiceDeps) {
  const liveblogs = createLiveblogRepository();
  const updates = createUpdateRepository();
  const search = createSearchService({ db, clock });
  const media = createMediaResolver(db, {
    fetchTitles: embedFetch,
    ...(thumbnails && { thumbnails }),
    ...(fetchOptions && { fetch: fetchOptions }),
  });

  async function liveblogBySlug(slug: string): Promise<Liveblog> {
    const liveblog = await liveblogs.findBySlug(db, slug);
    if (!liveblog) throw errors.notFound(things.liveblog);
    return liveblog;
  }

  async function visibleUpdate(
    liveblog: Liveblog,
    id: number,
    from: Db = db,
  ): Promise<PublishedUpdate> {
    const update = await updates.findById(from, liveblog.id, id);
    if (!update || !isVisible(update)) throw errors.notFound(things.update);
    return update;
  }

  /** How this page's updates are drawn now (its date style, or the site's). */
  async function contextFor(liveblog: Liveblog, now: Date): Promise<UpdateContext> {
    return renderContext(liveblog, now, publicUrl, liveblog.dateStyle ?? (await siteDateStyle(db)));
  }

  function publishedDraft(
    update: PublishedUpdate,
    context: UpdateContext,
    type: EventDraft['type'],
  ): EventDraft {
    return { type, updateId: update.id, data: () => presentUpdateEvent(update, context) };
  }

  /** Unpins every other update of the page and returns the events that say so. */
  async function unpinOthers(trx: Db, update: PublishedUpdate, now: Date): Promise<EventDraft[]> {
    const ids = await updates.unpinOthers(trx, update.liveblogId, update.id, now);
    return ids.map((id) => ({ type: 'update.unpinned', updateId: id, data: () => ({ id }) }));
  }

  /**
   * What every publication does, whoever publishes (now, from a draft, or the scheduler):
   * index it, record the revision and the audit row, and return its live events.
   */
  async function wentLive(
    trx: Db,
    update: PublishedUpdate,
    liveblog: Liveblog,
    context: UpdateContext,
    by: Actor,
    now: Date,
  ): Promise<EventDraft[]> {
    await search.indexUpdate(trx, update, liveblog);
    await updates.recordRevision(trx, update, who(by), 'publish', null, now);
    await audit(
      trx,
      by,
      {
        action: 'update.publish',
        targetType: 'update',
        targetId: update.id,
        after: snapshot(update),
      },
      now,
    );
    const drafts: EventDraft[] = [publishedDraft(update, context, 'update.published')];
    if (update.pinned) drafts.push(...(await unpinOthers(trx, update, now)));
    return drafts;
  }

  return {
    async publish(
      actor: Actor,
      slug: string,
      input: CreateUpdateBody,
      options: PublishOptions = {},
    ): Promise<UpdateResult> {
      assertCan(actor, 'update.publish');
      const given = bodyOf(input);
      const blocks = given === undefined ? undefined : await media.resolve(given);
      if (blocks === undefined || !blocksHaveText(blocks)) throw noText();
      const liveblog = await liveblogBySlug(slug);
      const now = clock.now();
      const context = await contextFor(liveblog, now);
      const scheduleAt = input.publishAt === undefined ? undefined : new Date(input.publishAt);
      if (scheduleAt !== undefined && scheduleAt.getTime() > now.getTime()) {
        return this.schedule(actor, liveblog, input, blocks, scheduleAt);
      }
      const publishedAt = options.publishedAt ?? now;
      const result = await db.transaction().execute(async (trx) => {
        const update = await updates.insert(
          trx,
          {
            ...newUpdateFields(actor, liveblog, input, blocks),
            status: 'published',
            publishedAt,
          },
          now,
        );
        if (!isVisible(update)) throw new Error('a published update must be visible');
        const drafts = await wentLive(trx, update, liveblog, context, actor, now);
        const after = await recordEvents(trx, liveblog.id, drafts, now);
        return { update, liveblog: after };
      });
      await ringAfterCommit(bus, result.liveblog);
      return result;
    },

    async edit(
      actor: Actor,
      slug: string,
      id: number,
      patch: PatchUpdateBody,
    ): Promise<UpdateResult> {
      assertCan(actor, 'update.edit');
      const liveblog = await liveblogBySlug(slug);
      const current = await visibleUpdate(liveblog, id);
      const given = bodyOf(patch);
      const blocks = given === undefined ? undefined : await media.resolve(given);
      if (blocks !== undefined && !blocksHaveText(blocks)) throw noText();
      const headline = cleanHeadline(patch.headline);
      const sources = cleanSources(patch.sources);

      const changes: UpdateChanges = {};
      if (headline !== undefined && headline !== current.headline) changes.headline = headline;
      if (blocks !== undefined && !sameJson(blocks, current.blocks)) changes.blocks = blocks;
      if (sources !== undefined && !sameJson(sources, current.sources)) changes.sources = sources;
      const contentChanged = Object.keys(changes).length > 0;
      if (patch.keyEvent !== undefined && patch.keyEvent !== current.keyEvent)
        changes.keyEvent = patch.keyEvent;
      if (patch.breaking !== undefined && patch.breaking !== current.breaking)
        changes.breaking = patch.breaking;
      const pinChanged = patch.pinned !== undefined && patch.pinned !== current.pinned;
      if (pinChanged) changes.pinned = patch.pinned;
      if (Object.keys(changes).length === 0) return { update: current, liveblog };

      const now = clock.now();
      const context = await contextFor(liveblog, now);
      if (contentChanged) changes.editedAt = now;
      const result = await db.transaction().execute(async (trx) => {
        const update = await updates.change(trx, current.id, changes, now);
        if (!isVisible(update)) throw errors.notFound(things.update);
        await search.indexUpdate(trx, update, liveblog);
        await updates.recordRevision(trx, update, who(actor), 'edit', null, now);
        await audit(
          trx,
          actor,
          {
            action: 'update.edit',
            targetType: 'update',
            targetId: update.id,
            before: snapshot(current),
            after: snapshot(update),
          },
          now,
        );
        const drafts: EventDraft[] = [];
        const flagsChanged = changes.keyEvent !== undefined || changes.breaking !== undefined;
        if (contentChanged || flagsChanged)
          drafts.push(publishedDraft(update, context, 'update.edited'));
        if (pinChanged && update.pinned) {
          drafts.push(...(await unpinOthers(trx, update, now)));
          drafts.push(publishedDraft(update, context, 'update.pinned'));
        } else if (pinChanged) {
          drafts.push({
            type: 'update.unpinned',
            updateId: update.id,
            data: () => ({ id: update.id }),
          });
        }
        const after = await recordEvents(trx, liveblog.id, drafts, now);
        return { update, liveblog: after };
      });
      await ringAfterCommit(bus, result.liveblog);
      return result;
    },

    async remove(actor: Actor, slug: string, id: number): Promise<void> {
      assertCan(actor, 'update.delete');
      const liveblog = await liveblogBySlug(slug);
      const current = await visibleUpdate(liveblog, id);
      const now = clock.now();
      const after = await db.transaction().execute(async (trx) => {
        await updates.softDelete(trx, current.id, now);
        await search.removeUpdate(trx, current.id);
        await audit(
          trx,
          actor,
          {
            action: 'update.delete',
            targetType: 'update',
            targetId: current.id,
            before: snapshot(current),
          },
          now,
        );
        return recordEvents(
          trx,
          liveblog.id,
          [{ type: 'update.deleted', updateId: current.id, data: () => ({ id: current.id }) }],
          now,
        );
      });
      await ringAfterCommit(bus, after);
    },

    /** Scheduled: stored now, published by publishDue when its time comes. */
    async schedule(
      actor: Actor,
      liveblog: Liveblog,
      input: CreateUpdateBody,
      blocks: Block[],
      at: Date,
    ): Promise<UpdateResult> {
      assertCan(actor, 'update.publish');
      const now = clock.now();
      const update = await db.transaction().execute(async (trx) => {
        const created = await updates.insert(
          trx,
          {
            ...newUpdateFields(actor, liveblog, input, blocks),
            status: 'scheduled',
            publishedAt: null,
            scheduledAt: at,
          },
          now,
        );
        await updates.recordRevision(trx, created, who(actor), 'schedule', null, now);
        await audit(
          trx,
          actor,
          {
            action: 'update.schedule',
            targetType: 'update',
            targetId: created.id,
            after: { ...snapshot(created), at: at.toISOString() },
          },
          now,
        );
        return created;
      });
      return { update, liveblog };
    },

    /** Publishes every scheduled update whose time has come; safe to run on every node at once. */
    async publishDue(): Promise<number> {
      const now = clock.now();
      let published = 0;
      for (const due of await updates.dueScheduled(db, now, 50)) {
        const liveblog = await liveblogs.findById(db, due.liveblogId);
        if (!liveblog) continue;
        const context = await contextFor(liveblog, now);
        const after = await db.transaction().execute(async (trx) => {
          // Only the node whose update flips the status records the events.
          const claimed = await trx
            .updateTable('updates')
            .set({
              status: 'published',
              publishedAt: (due.scheduledAt ?? now).toISOString(),
              updatedAt: now.toISOString(),
            })
            .where('id', '=', due.id)
            .where('status', '=', 'scheduled')
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) === 0) return undefined;
          const update = await updates.findById(trx, liveblog.id, due.id);
          if (!update || !isVisible(update)) return undefined;
          const drafts = await wentLive(trx, update, liveblog, context, SCHEDULER, now);
          return recordEvents(trx, liveblog.id, drafts, now);
        });
        if (after) {
          published++;
          await ringAfterCommit(bus, after);
        }
      }
      return published;
    },

    /** A reporter's (or editor's) draft: saved, never shown to readers. */
    async createDraft(actor: Actor, slug: string, input: DraftBody): Promise<UpdateResult> {
      assertCan(actor, 'draft.write');
      const liveblog = await liveblogBySlug(slug);
      const blocks = await media.resolve(bodyOf(input) ?? []);
      const now = clock.now();
      const update = await db.transaction().execute(async (trx) => {
        const created = await updates.insert(
          trx,
          {
            liveblogId: liveblog.id,
            headline: cleanHeadline(input.headline) ?? null,
            blocks,
            sources: cleanSources(input.sources) ?? [],
            keyEvent: input.keyEvent ?? false,
            pinned: input.pinned ?? false,
            breaking: input.breaking ?? false,
            authorName: actor.name,
            status: 'draft',
            publishedAt: null,
            authorUserId: actor.kind === 'user' ? actor.id : null,
          },
          now,
        );
        await audit(
          trx,
          actor,
          { action: 'draft.create', targetType: 'update', targetId: created.id },
          now,
        );
        return created;
      });
      return { update, liveblog };
    },

    async draft(actor: Actor, slug: string, id: number): Promise<UpdateResult> {
      assertCan(actor, 'draft.write');
      const liveblog = await liveblogBySlug(slug);
      const draft = await updates.findById(db, liveblog.id, id);
      if (draft?.deletedAt !== null || draft.status === 'published')
        throw errors.notFound(things.update);
      if (
        !can(actor, 'draft.review') &&
        !(actor.kind === 'user' && draft.authorUserId === actor.id)
      )
        throw notYours();
      return { update: draft, liveblog };
    },

    /** Autosave: the whole draft as the composer holds it. */
    async saveDraft(
      actor: Actor,
      slug: string,
      id: number,
      input: DraftBody,
    ): Promise<UpdateResult> {
      const { update: draft, liveblog } = await this.draft(actor, slug, id);
      if (draft.status === 'scheduled' && !can(actor, 'update.publish'))
        throw wrongState(draft.status);
      const given = bodyOf(input);
      const blocks = given === undefined ? undefined : await media.resolve(given);
      const now = clock.now();
      const update = await db.transaction().execute((trx) =>
        updates.change(
          trx,
          draft.id,
          {
            ...(input.headline !== undefined && {
              headline: cleanHeadline(input.headline) ?? null,
            }),
            ...(blocks !== undefined && { blocks }),
            ...(input.sources !== undefined && { sources: cleanSources(input.sources) ?? [] }),
            ...(input.keyEvent !== undefined && { keyEvent: input.keyEvent }),
            ...(input.pinned !== undefined && { pinned: input.pinned }),
            ...(input.breaking !== undefined && { breaking: input.breaking }),
          },
          now,
        ),
      );
      return { update, liveblog };
    },

    async submitDraft(actor: Actor, slug: string, id: number): Promise<UpdateResult> {
      const { update: draft, liveblog } = await this.draft(actor, slug, id);
      if (draft.status !== 'draft') throw wrongState(draft.status);
      if (!blocksHaveText(draft.blocks)) throw noText();
      const now = clock.now();
      const update = await db.transaction().execute(async (trx) => {
        const changed = await updates.change(
          trx,
          draft.id,
          { status: 'submitted', submittedAt: now, returnNote: null },
          now,
        );
        await updates.recordRevision(trx, changed, who(actor), 'submit', null, now);
        await audit(
          trx,
          actor,
          { action: 'draft.submit', targetType: 'update', targetId: draft.id },
          now,
        );
        return changed;
      });
      return { update, liveblog };
    },

    async returnDraft(actor: Actor, slug: string, id: number, note: string): Promise<UpdateResult> {
      assertCan(actor, 'draft.review');
      const { update: draft, liveblog } = await this.draft(actor, slug, id);
      if (draft.status !== 'submitted') throw wrongState(draft.status);
      const now = clock.now();
      const cleanNote = normaliseText(note).trim().slice(0, 2000);
      const update = await db.transaction().execute(async (trx) => {
        const changed = await updates.change(
          trx,
          draft.id,
          { status: 'draft', returnNote: cleanNote, submittedAt: null },
          now,
        );
        await updates.recordRevision(trx, changed, who(actor), 'return', cleanNote, now);
        await audit(
          trx,
          actor,
          {
            action: 'draft.return',
            targetType: 'update',
            targetId: draft.id,
            after: { note: cleanNote },
          },
          now,
        );
        return changed;
      });
      return { update, liveblog };
    },

    /** An editor publishes a draft (its own or a submitted one), now or at a given time. */
    async publishDraft(
      actor: Actor,
      slug: string,
      id: number,
      publishAt?: string,
    ): Promise<UpdateResult> {
      assertCan(actor, 'update.publish');
      const { update: draft, liveblog } = await this.draft(actor, slug, id);
      if (!blocksHaveText(draft.blocks)) throw noText();
      const now = clock.now();
      const context = await contextFor(liveblog, now);
      const at = publishAt === undefined ? undefined : new Date(publishAt);
      const result = await db.transaction().execute(async (trx) => {
        if (at !== undefined && at.getTime() > now.getTime()) {
          const changed = await updates.change(
            trx,
            draft.id,
            { status: 'scheduled', scheduledAt: at },
            now,
          );
          await updates.recordRevision(trx, changed, who(actor), 'schedule', null, now);
          await audit(
            trx,
            actor,
            {
              action: 'update.schedule',
              targetType: 'update',
              targetId: draft.id,
              after: { at: at.toISOString() },
            },
            now,
          );
          return { update: changed, liveblog };
        }
        const update = await updates.change(
          trx,
          draft.id,
          { status: 'published', publishedAt: now, returnNote: null },
          now,
        );
        if (!isVisible(update)) throw new Error('a published update must be visible');
        const drafts = await wentLive(trx, update, liveblog, context, actor, now);
        return { update, liveblog: await recordEvents(trx, liveblog.id, drafts, now) };
      });
      if (result.update.status === 'published') await ringAfterCommit(bus, result.liveblog);
      return result;
    },

    async deleteDraft(actor: Actor, slug: string, id: number): Promise<void> {
      const { update: draft } = await this.draft(actor, slug, id);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await updates.softDelete(trx, draft.id, now);
        await audit(
          trx,
          actor,
          { action: 'draft.delete', targetType: 'update', targetId: draft.id },
          now,
        );
      });
    },

    /** Reporters see their own drafts; editors also the submitted queue and scheduled updates. */
    async drafts(actor: Actor, slug: string): Promise<{ liveblog: Liveblog; updates: Update[] }> {
      assertCan(actor, 'draft.write');
      const liveblog = await liveblogBySlug(slug);
      if (can(actor, 'draft.review')) {
        const queue = await updates.listUnpublished(
          db,
          liveblog.id,
          ['submitted', 'scheduled'],
          null,
        );
        const own =
          actor.kind === 'user'
            ? await updates.listUnpublished(db, liveblog.id, ['draft'], actor.id)
            : [];
        return { liveblog, updates: [...queue, ...own] };
      }
      const mine =
        actor.kind === 'user'
          ? await updates.listUnpublished(db, liveblog.id, ['draft', 'submitted'], actor.id)
          : [];
      return { liveblog, updates: mine };
    },

    /** Who changed what, newest first. */
    async revisions(actor: Actor, slug: string, id: number) {
      assertCan(actor, 'update.edit');
      const liveblog = await liveblogBySlug(slug);
      const update = await updates.findById(db, liveblog.id, id);
      if (!update) throw errors.notFound(things.update);
      return { liveblog, update, revisions: await updates.revisions(db, id) };
    },

    async previewContext(actor: Actor, slug: string): Promise<{ liveblog: Liveblog }> {
      assertCan(actor, 'draft.write');
      return { liveblog: await liveblogBySlug(slug) };
    },

    /** Photos and embeds filled in as publishing would (for the preview). */
    async resolveMedia(actor: Actor, blocks: Block[]): Promise<Block[]> {
      assertCan(actor, 'draft.write');
      return media.resolve(blocks);
    },

    /** Public: one published update. */
    async get(slug: string, id: number): Promise<UpdateResult> {
      const liveblog = await liveblogBySlug(slug);
      return { liveblog, update: await visibleUpdate(liveblog, id) };
    },

    /** Public: published updates newest first, older than `before` (an update id). */
    async list(
      slug: string,
      before: number | undefined,
      limit: number,
    ): Promise<{ liveblog: Liveblog; updates: PublishedUpdate[]; nextBefore: number | null }> {
      const liveblog = await liveblogBySlug(slug);
      let cursor: { publishedAt: Date; id: number } | null = null;
      if (before !== undefined) {
        const anchor = await visibleUpdate(liveblog, before);
        cursor = { publishedAt: anchor.publishedAt, id: anchor.id };
      }
      const page = await updates.listPublishedBefore(db, liveblog.id, cursor, limit + 1);
      const more = page.length > limit;
      const shown = page.slice(0, limit);
      return { liveblog, updates: shown, nextBefore: more ? (shown.at(-1)?.id ?? null) : null };
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
