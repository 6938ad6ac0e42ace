// What machines read, as text: the JSON-LD LiveBlogPosting for search engines, and RSS 2.0,
// Atom and JSON Feed 1.1 of a live page and of the whole site. Every string that goes into XML
// passes through xml(); into JSON through JSON.stringify.
import { blocksToText } from '../blocks/blocks.schema.js';
import type { PublishedUpdate } from '../update/update.types.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import {
  VERIFICATION_SCHEME,
  jsonFeedTrust,
  trustModified,
  trustStructuredData,
  withTrust,
} from './reader.trust.presenter.js';
import { updateUrlPath } from '../update/update.paths.js';

export function xml(text: string): string {
  return (
    text
      // Characters XML 1.0 does not allow at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** JSON safe inside <script type="application/ld+json">: no "</script>" can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

function titleOf(update: PublishedUpdate): string {
  if (update.headline) return update.headline;
  const text = blocksToText(update.blocks).replace(/\s+/g, ' ').trim();
  return text.length > 110 ? `${text.slice(0, 109)}…` : text;
}

/** The largest JPEG of the first photo in an update, as an absolute URL. */
export function firstImageUrl(update: PublishedUpdate, publicUrl: string): string | undefined {
  for (const block of update.blocks) {
    if (block.type === 'image' && block.widths && block.widths.length > 0) {
      return `${publicUrl}/media/${block.photoId}-${block.widths[block.widths.length - 1] ?? 0}.jpg`;
    }
  }
  return undefined;
}

/** Edits and verification changes both count (reader.trust.presenter.ts). */
const modifiedOf = trustModified;

export interface StructuredDataInput {
  readonly liveblog: Liveblog;
  readonly updates: readonly PublishedUpdate[];
  readonly canonicalUrl: string;
  readonly publicUrl: string;
  readonly siteName: string;
  readonly lastUpdatedAt: Date | null;
}

/** schema.org LiveBlogPosting with its updates as BlogPosting items. */
export function liveBlogPosting(input: StructuredDataInput): Record<string, unknown> {
  const { liveblog, canonicalUrl } = input;
  const published = liveblog.coverageStartAt ?? liveblog.createdAt;
  const modified = input.lastUpdatedAt ?? liveblog.updatedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: liveblog.headline,
    description: liveblog.standfirst || liveblog.headline,
    url: canonicalUrl,
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonicalUrl },
    inLanguage: liveblog.locale,
    datePublished: published.toISOString(),
    dateModified: modified.toISOString(),
    coverageStartTime: published.toISOString(),
    ...(liveblog.coverageEndAt && { coverageEndTime: liveblog.coverageEndAt.toISOString() }),
    publisher: {
      '@type': 'Organization',
      name: input.siteName,
      url: input.publicUrl,
      logo: { '@type': 'ImageObject', url: `${input.publicUrl}/logo.png`, width: 512, height: 512 },
    },
    liveBlogUpdate: input.updates.map((update) => ({
      '@type': 'BlogPosting',
      headline: titleOf(update),
      articleBody: blocksToText(update.blocks),
      datePublished: update.publishedAt.toISOString(),
      dateModified: modifiedOf(update).toISOString(),
      ...(update.byline && { author: { '@type': 'Person', name: update.byline } }),
      ...(firstImageUrl(update, input.publicUrl) && {
        image: firstImageUrl(update, input.publicUrl),
      }),
      // Each update's own address: it opens the page that holds it, scrolled to it.
      url: `${input.publicUrl}${updateUrlPath(liveblog.slug, update.id)}`,
      mainEntityOfPage: `${input.publicUrl}${updateUrlPath(liveblog.slug, update.id)}`,
      publisher: { '@type': 'Organization', name: input.siteName },
      ...trustStructuredData(update),
    })),
  };
}

export interface FeedItem {
  readonly update: PublishedUpdate;
  readonly liveblog: Liveblog;
}

export interface FeedInput {
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly homeUrl: string;
  readonly selfUrl: string;
  readonly items: readonly FeedItem[];
  readonly updatedAt: Date;
  readonly publicUrl: string;
}

/** An item's text, with its verification note and corrections after it. */
function textOf(item: FeedItem): string {
  return withTrust(blocksToText(item.update.blocks), item.update, item.liveblog);
}

function itemUrl(input: FeedInput, item: FeedItem): string {
  return `${input.publicUrl}${updateUrlPath(item.liveblog.slug, item.update.id)}`;
}

function itemId(input: FeedInput, item: FeedItem): string {
  return `${input.publicUrl}/live/${item.liveblog.slug}/updates/${item.update.id}`;
}

export function rss(input: FeedInput): string {
  const items = input.items
    .map(
      (item) => `<item>
<title>${xml(titleOf(item.update))}</title>
<link>${xml(itemUrl(input, item))}</link>
<guid isPermaLink="false">${xml(itemId(input, item))}</guid>
<pubDate>${item.update.publishedAt.toUTCString()}</pubDate>
<description>${xml(textOf(item))}</description>
${item.update.byline ? `<dc:creator>${xml(item.update.byline)}</dc:creator>` : ''}${
        item.update.verification
          ? `\n<category domain="${VERIFICATION_SCHEME}">${item.update.verification}</category>`
          : ''
      }
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${xml(input.title)}</title>
<link>${xml(input.homeUrl)}</link>
<description>${xml(input.description)}</description>
<language>${xml(input.language)}</language>
<lastBuildDate>${input.updatedAt.toUTCString()}</lastBuildDate>
<atom:link href="${xml(input.selfUrl)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}

export function atom(input: FeedInput): string {
  const entries = input.items
    .map(
      (item) => `<entry>
<title>${xml(titleOf(item.update))}</title>
<link rel="alternate" href="${xml(itemUrl(input, item))}"/>
<id>${xml(itemId(input, item))}</id>
<published>${item.update.publishedAt.toISOString()}</published>
<updated>${modifiedOf(item.update).toISOString()}</updated>
<author><name>${xml(item.update.byline ?? input.title)}</name></author>
<content type="text">${xml(textOf(item))}</content>${
        item.update.verification
          ? `\n<category scheme="${VERIFICATION_SCHEME}" term="${item.update.verification}"/>`
          : ''
      }
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(input.language)}">
<title>${xml(input.title)}</title>
<subtitle>${xml(input.description)}</subtitle>
<link rel="alternate" href="${xml(input.homeUrl)}"/>
<link rel="self" href="${xml(input.selfUrl)}"/>
<id>${xml(input.homeUrl)}</id>
<updated>${input.updatedAt.toISOString()}</updated>
${entries}
</feed>
`;
}

export function jsonFeed(input: FeedInput): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: input.title,
    home_page_url: input.homeUrl,
    feed_url: input.selfUrl,
    description: input.description,
    language: input.language,
    items: input.items.map((item) => ({
      id: itemId(input, item),
      url: itemUrl(input, item),
      title: titleOf(item.update),
      content_text: textOf(item),
      date_published: item.update.publishedAt.toISOString(),
      date_modified: modifiedOf(item.update).toISOString(),
      ...(item.update.byline && { authors: [{ name: item.update.byline }] }),
      language: item.liveblog.locale,
      ...(item.update.verification && { tags: [item.update.verification] }),
      ...jsonFeedTrust(item.update),
    })),
  });
}

export const FEED_FORMATS = {
  rss: { type: 'application/rss+xml; charset=utf-8', build: rss },
  atom: { type: 'application/atom+xml; charset=utf-8', build: atom },
  json: { type: 'application/feed+json; charset=utf-8', build: jsonFeed },
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;

/** A feed ready to send: what it says, and a version that changes whenever that does. */
export interface FeedDocument {
  readonly input: FeedInput;
  /** Goes into the ETag (with the format). */
  readonly version: string;
}

/** The feed of one live page: its newest updates; updated when the page or one of them was. */
export function pageFeed(
  liveblog: Liveblog,
  updates: readonly PublishedUpdate[],
  format: FeedFormat,
  publicUrl: string,
): FeedDocument {
  const newest = updates.reduce(
    (max, u) => Math.max(max, modifiedOf(u).getTime()),
    liveblog.updatedAt.getTime(),
  );
  return {
    input: {
      title: liveblog.headline,
      description: liveblog.standfirst || liveblog.headline,
      language: liveblog.locale,
      homeUrl: `${publicUrl}${liveblogPath(liveblog.slug)}`,
      selfUrl: `${publicUrl}${liveblogPath(liveblog.slug)}/feed.${format}`,
      items: updates.map((update) => ({ update, liveblog })),
      updatedAt: new Date(newest),
      publicUrl,
    },
    version: `${liveblog.id}|${liveblog.lastSeq}|${liveblog.updatedAt.toISOString()}`,
  };
}

/** The site's feed: the newest updates of every page; `now` dates it when there are none. */
export function siteFeed(
  items: readonly FeedItem[],
  now: Date,
  format: FeedFormat,
  { publicUrl, siteName }: { readonly publicUrl: string; readonly siteName: string },
): FeedDocument {
  const newest = items.reduce((max, i) => Math.max(max, modifiedOf(i.update).getTime()), 0);
  return {
    input: {
      title: siteName,
      description: siteName,
      language: 'ar',
      homeUrl: `${publicUrl}/`,
      selfUrl: `${publicUrl}/feed.${format}`,
      items,
      updatedAt: new Date(newest || now.getTime()),
      publicUrl,
    },
    version: items.map((i) => `${i.update.id}:${i.update.revision}`).join(','),
  };
}
