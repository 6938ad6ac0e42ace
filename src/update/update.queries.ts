// Reading updates: the public list and one update, the desk's drafts and revisions, and the
// composer's preview drawn by the same renderer readers get.
import { errors, things } from '../platform/platform.errors.js';
import { assertCan, can, type Actor } from '../access/access.policy.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { PreviewBody } from './update.schema.js';
import type { PublishedUpdate, Update, Verification } from './update.types.js';
import type { UpdateCore, UpdateResult } from './update.core.js';
import { renderUpdateHtml } from './update.view.js';
import { createSummaryRepository } from '../liveblog/liveblog.summary.repository.js';

const summaries = createSummaryRepository();

/** An update as it would look published now: what the preview draws. */
function previewUpdate(liveblog: Liveblog, body: PreviewBody, author: string, now: Date) {
  return {
    id: 0,
    liveblogId: liveblog.id,
    headline: body.headline ?? null,
    blocks: body.blocks,
    sources: body.sources ?? [],
    keyEvent: body.keyEvent ?? false,
    pinned: false,
    breaking: body.breaking ?? false,
    authorName: author,
    byline: body.byline ?? null,
    contributors: [],
    status: 'published' as const,
    publishedAt: now,
    editedAt: null,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
    revision: 1,
    authorUserId: null,
    submittedAt: null,
    returnNote: null,
    scheduledAt: null,
    verification: null,
    verificationAt: null,
    verificationNote: null,
    corrections: [],
  };
}

export function queryOps(core: UpdateCore) {
  const { updates, db } = core;

  /** Editors see the submitted queue, scheduled updates and their own drafts. */
  async function reviewQueue(actor: Actor, liveblog: Liveblog): Promise<Update[]> {
    const queue = await updates.listUnpublished(db, liveblog.id, ['submitted', 'scheduled'], null);
    const own =
      actor.kind === 'user'
        ? await updates.listUnpublished(db, liveblog.id, ['draft'], actor.id)
        : [];
    return [...queue, ...own];
  }

  return {
    /** Reporters see their own drafts; editors also the submitted queue and scheduled updates. */
    async drafts(actor: Actor, slug: string): Promise<{ liveblog: Liveblog; updates: Update[] }> {
      assertCan(actor, 'draft.write');
      const liveblog = await core.liveblogBySlug(slug);
      if (can(actor, 'draft.review'))
        return { liveblog, updates: await reviewQueue(actor, liveblog) };
      const mine =
        actor.kind === 'user'
          ? await updates.listUnpublished(db, liveblog.id, ['draft', 'submitted'], actor.id)
          : [];
      return { liveblog, updates: mine };
    },

    /** Who changed what, newest first. */
    async revisions(actor: Actor, slug: string, id: number) {
      assertCan(actor, 'update.edit');
      const liveblog = await core.liveblogBySlug(slug);
      const update = await updates.findById(db, liveblog.id, id);
      if (!update) throw errors.notFound(things.update);
      return { liveblog, update, revisions: await updates.revisions(db, id) };
    },

    /** The HTML readers would see for this update, from the same renderer. */
    async preview(actor: Actor, slug: string, body: PreviewBody): Promise<string> {
      assertCan(actor, 'draft.write');
      const liveblog = await core.liveblogBySlug(slug);
      const blocks = await core.media.resolve(body.blocks);
      const now = core.clock.now();
      const update = previewUpdate(liveblog, { ...body, blocks }, actor.name, now);
      return renderUpdateHtml(update, await core.contextFor(liveblog, now));
    },

    /** The desk of a page: the page and its explainer, the drafts the actor sees, the latest 50. */
    async desk(actor: Actor, slug: string) {
      assertCan(actor, 'draft.write');
      const { liveblog, updates: drafts } = await this.drafts(actor, slug);
      const [explainer, published, summary] = await Promise.all([
        core.liveblogs.explainer(db, liveblog.id),
        updates.listPublishedBefore(db, liveblog.id, null, 50),
        summaries.current(db, liveblog.id),
      ]);
      return { liveblog, explainer, drafts, published, summary };
    },

    /** Public: one published update. */
    async get(slug: string, id: number): Promise<UpdateResult> {
      const liveblog = await core.liveblogBySlug(slug);
      return { liveblog, update: await core.visibleUpdate(liveblog, id) };
    },

    /** Public: published updates newest first, older than `before` (an update id). */
    async list(
      slug: string,
      before: number | undefined,
      limit: number,
      only?: Verification,
    ): Promise<{ liveblog: Liveblog; updates: PublishedUpdate[]; nextBefore: number | null }> {
      const liveblog = await core.liveblogBySlug(slug);
      let cursor: { publishedAt: Date; id: number } | null = null;
      if (before !== undefined) {
        const anchor = await core.visibleUpdate(liveblog, before);
        cursor = { publishedAt: anchor.publishedAt, id: anchor.id };
      }
      const page = await updates.listPublishedBefore(db, liveblog.id, cursor, limit + 1, only);
      const more = page.length > limit;
      const shown = page.slice(0, limit);
      return { liveblog, updates: shown, nextBefore: more ? (shown.at(-1)?.id ?? null) : null };
    },
  };
}
