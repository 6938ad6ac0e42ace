// The outward shapes of an update: the JSON API, and the data of a live event.
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { DateStyle } from '../lib/time.format.js';
import { blocksToText } from '../blocks/blocks.schema.js';
import type { PublishedUpdate, Update } from './update.types.js';
import type { UpdateOut } from './update.schema.js';
import {
  renderKeyEventHtml,
  renderPinnedHtml,
  renderUpdateHtml,
  permalinkPath,
  type UpdateContext,
} from './update.view.js';

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
    status: update.status,
    publishedAt: update.publishedAt?.toISOString() ?? null,
    editedAt: update.editedAt?.toISOString() ?? null,
    revision: update.revision,
    url: `${publicUrl}${permalinkPath(liveblog.slug, update.id)}`,
    scheduledAt: update.scheduledAt?.toISOString() ?? null,
    returnNote: update.returnNote,
  };
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
  };
}
