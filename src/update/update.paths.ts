// The addresses of an update and the few words that stand for it where it has no headline: pure
// helpers shared by the renderer, the share menu, the reader pages, feeds and push.
import type { PublishedUpdate } from './update.types.js';

export function updateAnchor(id: number): string {
  return `update-${id}`;
}

export function permalinkPath(slug: string, id: number): string {
  return `/live/${slug}/updates/${id}#${updateAnchor(id)}`;
}

/**
 * The update's own address, without a fragment: what share links, social cards, feeds and the
 * structured data point at. The page it opens scrolls to the update by itself.
 */
export function updateUrlPath(slug: string, id: number): string {
  return `/live/${slug}/updates/${id}`;
}

/** The first words of an update's first paragraph, for where it has no headline. */
export function firstWords(update: PublishedUpdate): string {
  for (const block of update.blocks) {
    const text = block.type === 'paragraph' ? block.content.map((i) => i.text).join('') : '';
    if (text.trim()) return text.length > 90 ? `${text.slice(0, 90).trimEnd()}…` : text;
  }
  return '';
}
