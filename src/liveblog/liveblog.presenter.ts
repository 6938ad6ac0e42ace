// The outward shape of a live page in the JSON API.
import { blocksToText } from '../blocks/blocks.schema.js';
import type { ExplainerSection, Liveblog } from './liveblog.types.js';
import type { LiveblogOut } from './liveblog.schema.js';

export function explainerAnchor(position: number): string {
  return `background-${position + 1}`;
}

export function liveblogPath(slug: string): string {
  return `/live/${slug}`;
}

export function presentLiveblog(
  liveblog: Liveblog,
  explainer: readonly ExplainerSection[],
  publicUrl: string,
): LiveblogOut {
  return {
    slug: liveblog.slug,
    headline: liveblog.headline,
    standfirst: liveblog.standfirst,
    status: liveblog.status,
    locale: liveblog.locale,
    timeZone: liveblog.timeZone,
    coverageStartAt: liveblog.coverageStartAt?.toISOString() ?? null,
    coverageEndAt: liveblog.coverageEndAt?.toISOString() ?? null,
    lastEventId: liveblog.lastSeq,
    translation: liveblog.translationSlug,
    url: `${publicUrl}${liveblogPath(liveblog.slug)}`,
    createdAt: liveblog.createdAt.toISOString(),
    updatedAt: liveblog.updatedAt.toISOString(),
    explainer: explainer.map((section) => ({
      title: section.title,
      text: blocksToText(section.blocks),
      anchor: explainerAnchor(section.position),
    })),
  };
}
