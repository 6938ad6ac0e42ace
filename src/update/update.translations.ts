// Arabic ⇄ English: an update linked to its translation on the counterpart page (the live page
// named by liveblogs.translation_slug). The link goes both ways and is written in one
// transaction, with a live event on each page whose updates changed (readers see the link
// appear), and each desk's "to translate" queue: the counterpart's updates not yet linked.
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';
import { errors } from '../platform/platform.errors.js';
import type { Db } from '../storage/storage.database.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import {
  recordEvents,
  ringAfterCommit,
  withSeq,
  type EventDraft,
  type PageSeq,
} from '../realtime/realtime.record.js';
import type { UpdateCore, UpdateResult } from './update.core.js';
import { isVisible, type PublishedUpdate, type Update } from './update.types.js';
import type { UpdateContext } from './update.view.js';

const noCounterpart = () =>
  errors.conflict('no_counterpart', {
    ar: 'لهذه الصفحة صفحة مقابلة بلغة أخرى؟ اخترها في إعدادات الصفحة أولًا.',
    en: 'This page has no counterpart in the other language; choose one in its settings first.',
  });

const notOnCounterpart = () =>
  errors.validation([
    { field: '/translation', message: 'must be a published update of the counterpart page' },
  ]);

export interface TranslationQueue {
  readonly liveblog: Liveblog;
  readonly counterpart: Liveblog | undefined;
  /** The counterpart's published updates not yet linked to one here, newest first. */
  readonly queue: readonly PublishedUpdate[];
  /** This page's published updates not yet linked: what a queue item can be linked to. */
  readonly candidates: readonly PublishedUpdate[];
}

/** One side of a link being written: its page, the drafts of its events, how it is drawn. */
interface Side {
  readonly liveblog: Liveblog;
  readonly context: UpdateContext;
  readonly events: EventDraft[];
}

export function translationOps(core: UpdateCore) {
  const { db, updates } = core;

  async function counterpartOf(liveblog: Liveblog): Promise<Liveblog | undefined> {
    if (!liveblog.translationSlug) return undefined;
    const other = await core.liveblogs.findBySlug(db, liveblog.translationSlug);
    return other?.translationSlug === liveblog.slug ? other : undefined;
  }

  /** Sets one update's link and queues the event that redraws it on its page. */
  async function setLink(trx: Db, side: Side, id: number, to: number | null, now: Date) {
    const changed = await updates.change(trx, id, { translationId: to }, now);
    if (isVisible(changed))
      side.events.push(core.liveDraft(changed, side.context, 'update.edited'));
    return changed;
  }

  /** A former partner that still points back lets go of the link. */
  async function release(
    trx: Db,
    side: Side,
    id: number | null | undefined,
    from: number,
    now: Date,
  ) {
    if (!id) return;
    const old = await updates.findById(trx, side.liveblog.id, id);
    if (old?.translationId === from) await setLink(trx, side, old.id, null, now);
  }

  async function ring(pages: readonly (PageSeq | undefined)[], sides: readonly Side[]) {
    for (const page of pages) if (page) await ringAfterCommit(core.bus, page);
    for (const [i, side] of sides.entries()) {
      if (!pages[i]) continue;
      const updateIds = side.events.flatMap((e) => (e.updateId === null ? [] : [e.updateId]));
      core.pageChanged?.({ liveblogId: side.liveblog.id, slug: side.liveblog.slug, updateIds });
    }
  }

  return {
    /** Links update `id` of the page to `translationId` on the counterpart (null: unlinks). */
    async linkTranslation(
      actor: Actor,
      slug: string,
      id: number,
      translationId: number | null,
    ): Promise<UpdateResult> {
      assertCan(actor, 'update.edit');
      const liveblog = await core.liveblogBySlug(slug);
      const update = await core.visibleUpdate(liveblog, id);
      if ((update.translationId ?? null) === translationId) return { update, liveblog };
      const other = await counterpartOf(liveblog);
      if (!other) throw noCounterpart();
      const target =
        translationId === null ? null : await updates.findById(db, other.id, translationId);
      if (target !== null && (!target || !isVisible(target))) throw notOnCounterpart();
      const now = core.clock.now();
      const here: Side = { liveblog, context: await core.contextFor(liveblog, now), events: [] };
      const there: Side = {
        liveblog: other,
        context: await core.contextFor(other, now),
        events: [],
      };
      const done = await db.transaction().execute(async (trx) => {
        // The first statement writes (SQLite takes its lock at once).
        const changed: Update = await setLink(trx, here, update.id, translationId, now);
        await release(trx, there, update.translationId, update.id, now);
        if (target) {
          await release(trx, here, target.translationId, target.id, now);
          await setLink(trx, there, target.id, update.id, now);
        }
        await audit(
          trx,
          actor,
          {
            action: 'update.translation',
            targetType: 'update',
            targetId: update.id,
            before: { translation: update.translationId ?? null },
            after: { translation: translationId, liveblog: other.slug },
          },
          now,
        );
        const pages = [
          here.events.length > 0
            ? await recordEvents(trx, liveblog.id, here.events, now)
            : undefined,
          there.events.length > 0
            ? await recordEvents(trx, other.id, there.events, now)
            : undefined,
        ];
        return { changed, pages };
      });
      await ring(done.pages, [here, there]);
      return { update: done.changed, liveblog: withSeq(liveblog, done.pages[0]) };
    },

    /** The desk's "to translate" queue: what the counterpart published that has no link yet. */
    async toTranslate(actor: Actor, slug: string, limit = 50): Promise<TranslationQueue> {
      assertCan(actor, 'draft.write');
      const liveblog = await core.liveblogBySlug(slug);
      const counterpart = await counterpartOf(liveblog);
      if (!counterpart) return { liveblog, counterpart, queue: [], candidates: [] };
      const [queue, candidates] = [
        await updates.untranslated(db, counterpart.id, limit),
        await updates.untranslated(db, liveblog.id, limit),
      ];
      return { liveblog, counterpart, queue, candidates };
    },
  };
}
