// Updates: publish, edit, delete, list. Every write records its live events in the same
// transaction and rings the bus after the commit. Every method checks access first.
import { errors, things } from '../platform/platform.errors.js';
import type { ServiceDeps } from '../platform/platform.deps.js';
import { assertCan, type Actor } from '../newsroom/newsroom.policy.js';
import { createLiveblogRepository, type Liveblog } from '../liveblog/liveblog.repository.js';
import { recordEvents, ringAfterCommit, type EventDraft } from '../realtime/realtime.record.js';
import type { Db } from '../storage/storage.database.js';
import { blocksFromText, blocksHaveText, cleanText, type Block } from './update.blocks.js';
import {
  createUpdateRepository,
  isVisible,
  type PublishedUpdate,
  type Source,
  type Update,
  type UpdateChanges,
} from './update.repository.js';
import type { CreateUpdateBody, PatchUpdateBody } from './update.schema.js';
import { presentUpdateEvent, renderContext } from './update.presenter.js';

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
  if (input.blocks !== undefined) return input.blocks;
  if (input.text !== undefined) return blocksFromText(input.text);
  return undefined;
}

function cleanSources(sources: readonly Source[] | undefined): Source[] | undefined {
  return sources?.map((source) => ({
    name: cleanText(source.name).replace(/\s+/g, ' ').trim(),
    kind: source.kind,
    ...(source.url !== undefined && { url: source.url }),
  }));
}

function cleanHeadline(headline: string | null | undefined): string | null | undefined {
  if (headline === undefined || headline === null) return headline;
  const cleaned = cleanText(headline).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface PublishOptions {
  /** Back-dating for imports and the demo; the API does not expose it. */
  readonly publishedAt?: Date;
}

export function createUpdateService({ db, bus, clock }: ServiceDeps) {
  const liveblogs = createLiveblogRepository();
  const updates = createUpdateRepository();

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

  function publishedDraft(
    update: PublishedUpdate,
    liveblog: Liveblog,
    type: EventDraft['type'],
    now: Date,
  ): EventDraft {
    const context = renderContext(liveblog, now);
    return { type, updateId: update.id, data: () => presentUpdateEvent(update, context) };
  }

  return {
    async publish(
      actor: Actor,
      slug: string,
      input: CreateUpdateBody,
      options: PublishOptions = {},
    ): Promise<UpdateResult> {
      assertCan(actor, 'update.publish');
      const blocks = bodyOf(input);
      if (blocks === undefined || !blocksHaveText(blocks)) throw noText();
      const liveblog = await liveblogBySlug(slug);
      const now = clock.now();
      const publishedAt = options.publishedAt ?? now;
      const result = await db.transaction().execute(async (trx) => {
        const update = await updates.insert(
          trx,
          {
            liveblogId: liveblog.id,
            headline: cleanHeadline(input.headline) ?? null,
            blocks,
            sources: cleanSources(input.sources) ?? [],
            keyEvent: input.keyEvent ?? false,
            pinned: input.pinned ?? false,
            breaking: input.breaking ?? false,
            authorName: input.author?.trim() ?? actor.name,
            status: 'published',
            publishedAt,
          },
          now,
        );
        if (!isVisible(update)) throw new Error('a published update must be visible');
        const drafts: EventDraft[] = [publishedDraft(update, liveblog, 'update.published', now)];
        if (update.pinned) {
          for (const id of await updates.unpinOthers(trx, liveblog.id, update.id, now)) {
            drafts.push({ type: 'update.unpinned', updateId: id, data: () => ({ id }) });
          }
        }
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
      const blocks = bodyOf(patch);
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
      if (contentChanged) changes.editedAt = now;
      const result = await db.transaction().execute(async (trx) => {
        const update = await updates.change(trx, current.id, changes, now);
        if (!isVisible(update)) throw errors.notFound(things.update);
        const drafts: EventDraft[] = [];
        const flagsChanged = changes.keyEvent !== undefined || changes.breaking !== undefined;
        if (contentChanged || flagsChanged)
          drafts.push(publishedDraft(update, liveblog, 'update.edited', now));
        if (pinChanged && update.pinned) {
          for (const other of await updates.unpinOthers(trx, liveblog.id, update.id, now)) {
            drafts.push({ type: 'update.unpinned', updateId: other, data: () => ({ id: other }) });
          }
          drafts.push(publishedDraft(update, liveblog, 'update.pinned', now));
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
        return recordEvents(
          trx,
          liveblog.id,
          [{ type: 'update.deleted', updateId: current.id, data: () => ({ id: current.id }) }],
          now,
        );
      });
      await ringAfterCommit(bus, after);
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
