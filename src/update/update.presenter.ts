// The outward shapes of an update: the JSON API, and the data of a live event.
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { DateStyle } from '../lib/time.format.js';
import { blocksToText, type Block } from '../blocks/blocks.schema.js';
import type { PublishedUpdate, Update } from './update.types.js';
import type { RevisionOut, UpdateOut } from './update.schema.js';
import { presentTrust } from './update.verification.js';
import { renderCorrectionItemHtml } from './update.trust.view.js';
import {
  renderKeyEventHtml,
  renderPinnedHtml,
  renderUpdateHtml,
  type UpdateContext,
} from './update.view.js';
import { permalinkPath } from './update.paths.js';

export function presentUpdate(update: Update, liveblog: Liveblog, publicUrl: string): UpdateOut {
  return {
    id: update.id,
    liveblog: liveblog.slug,
    headline: update.headline,
    text: blocksToText(update.blocks),
    blocks: update.blocks,
    sources: update.sources,
    keyEvent: update.keyEvent,
    pinned: update.pinned,
    breaking: update.breaking,
    author: update.authorName,
    byline: update.byline ?? null,
    contributors: [...(update.contributors ?? [])],
    status: update.status,
    publishedAt: update.publishedAt?.toISOString() ?? null,
    editedAt: update.editedAt?.toISOString() ?? null,
    revision: update.revision,
    url: `${publicUrl}${permalinkPath(liveblog.slug, update.id)}`,
    scheduledAt: update.scheduledAt?.toISOString() ?? null,
    returnNote: update.returnNote,
    ...presentTrust(update),
    translation:
      update.translationId && liveblog.translationSlug
        ? {
            liveblog: liveblog.translationSlug,
            id: update.translationId,
            url: `${publicUrl}${permalinkPath(liveblog.translationSlug, update.translationId)}`,
          }
        : null,
  };
}

/** One step of an update's history, as stored: its body is the blocks' JSON text. */
export interface StoredRevision {
  readonly revision: number;
  readonly action: string;
  readonly editorName: string;
  readonly createdAt: string;
  readonly headline: string | null;
  readonly body: string;
  readonly note: string | null;
}

/** An update's history for the API, newest first, each body as plain text. */
export function presentRevisions(revisions: readonly StoredRevision[]): RevisionOut[] {
  return revisions.map((r) => ({
    revision: r.revision,
    action: r.action,
    editor: r.editorName,
    at: r.createdAt,
    headline: r.headline,
    text: blocksToText(JSON.parse(r.body) as Block[]),
    note: r.note,
  }));
}

export function renderContext(
  liveblog: Liveblog,
  now: Date,
  publicUrl: string,
  siteStyle: DateStyle,
): UpdateContext {
  return {
    slug: liveblog.slug,
    locale: liveblog.locale,
    timeZone: liveblog.timeZone,
    now,
    publicUrl,
    dateStyle: liveblog.dateStyle ?? siteStyle,
    counterpart: liveblog.translationSlug
      ? { slug: liveblog.translationSlug, locale: liveblog.locale === 'ar' ? 'en' : 'ar' }
      : null,
  };
}

/** What a reader's page needs to place or replace an update: rendered once per event. */
export function presentUpdateEvent(
  update: PublishedUpdate,
  context: UpdateContext,
): Record<string, unknown> {
  return {
    id: update.id,
    revision: update.revision,
    publishedAt: update.publishedAt.toISOString(),
    keyEvent: update.keyEvent,
    pinned: update.pinned,
    html: renderUpdateHtml(update, context),
    ...(update.keyEvent && { keyEventHtml: renderKeyEventHtml(update, context) }),
    ...(update.pinned && { pinnedHtml: renderPinnedHtml(update, context) }),
    ...(update.corrections.length > 0 && {
      correctionHtml: renderCorrectionItemHtml(
        update,
        context,
        permalinkPath(context.slug, update.id),
      ),
    }),
  };
}
