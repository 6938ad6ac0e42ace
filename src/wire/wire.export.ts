// ninjs 2.0 out: every published update as a news object, and a live page as a composite
// object whose associations are its updates. The tests validate both against the IPTC schema
// (test/fixtures/ninjs/ninjs-schema_2.0.json).
import { blocksToText } from '../blocks/blocks.schema.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { PublishedUpdate, Source } from '../update/update.types.js';
import { permalinkPath } from '../update/update.paths.js';
import { webAddress } from './wire.text.js';

export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '2.0',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json',
} as const;

export type NinjsObject = Record<string, unknown>;

/** The reader's address of a path, when the site has an absolute public address. */
function onSite(publicUrl: string, path: string): string | null {
  return webAddress(publicUrl) === null ? null : webAddress(`${publicUrl}${path}`);
}

function infosource(source: Source) {
  const uri = webAddress(source.url);
  return { name: source.name, literal: source.kind, ...(uri !== null && { uri }) };
}

/** Editorial urgency, 1 (highest) to 9: breaking news first, then key events. */
function urgencyOf(update: PublishedUpdate): number {
  if (update.breaking) return 1;
  return update.keyEvent ? 3 : 5;
}

function words(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** One update as a ninjs object, without the `standard` a top-level document carries. */
function updateObject(update: PublishedUpdate, liveblog: Liveblog, publicUrl: string): NinjsObject {
  const text = blocksToText(update.blocks);
  const path = `/live/${liveblog.slug}/updates/${update.id}`;
  const page = onSite(publicUrl, permalinkPath(liveblog.slug, update.id));
  return {
    uri: onSite(publicUrl, path) ?? `urn:ajil:liveblog:${liveblog.slug}:update:${update.id}`,
    type: 'text',
    representationtype: 'full',
    version: String(update.revision),
    firstcreated: update.publishedAt.toISOString(),
    versioncreated: (update.editedAt ?? update.publishedAt).toISOString(),
    pubstatus: 'usable',
    urgency: urgencyOf(update),
    language: liveblog.locale,
    ...(update.headline !== null && { headlines: [{ role: 'main', value: update.headline }] }),
    ...(text !== '' && {
      bodies: [
        {
          role: 'main',
          contenttype: 'text/plain',
          value: text,
          charcount: Array.from(text).length,
          wordcount: words(text),
        },
      ],
    }),
    ...(update.authorName !== '' && { by: update.authorName }),
    ...(update.sources.length > 0 && { infosources: update.sources.map(infosource) }),
    ...(page !== null && {
      renditions: [{ name: 'web', href: page, contenttype: 'text/html' }],
    }),
    altids: [{ role: 'ajil:update', value: String(update.id) }],
  };
}

export function updateAsNinjs(
  update: PublishedUpdate,
  liveblog: Liveblog,
  publicUrl: string,
): NinjsObject {
  return { standard: NINJS_STANDARD, ...updateObject(update, liveblog, publicUrl) };
}

/** The live page as a composite object; its updates, newest first, are its associations. */
export function liveblogAsNinjs(
  liveblog: Liveblog,
  updates: readonly PublishedUpdate[],
  publicUrl: string,
): NinjsObject {
  const page = onSite(publicUrl, `/live/${liveblog.slug}`);
  const newest = updates
    .map((u) => (u.editedAt ?? u.publishedAt).getTime())
    .reduce((a, b) => Math.max(a, b), liveblog.updatedAt.getTime());
  return {
    standard: NINJS_STANDARD,
    uri: page ?? `urn:ajil:liveblog:${liveblog.slug}`,
    type: 'composite',
    version: String(liveblog.lastSeq),
    firstcreated: liveblog.createdAt.toISOString(),
    versioncreated: new Date(newest).toISOString(),
    pubstatus: 'usable',
    language: liveblog.locale,
    headlines: [{ role: 'main', value: liveblog.headline }],
    ...(liveblog.standfirst !== '' && {
      descriptions: [{ role: 'summary', value: liveblog.standfirst }],
    }),
    ...(page !== null && { renditions: [{ name: 'web', href: page, contenttype: 'text/html' }] }),
    altids: [{ role: 'ajil:liveblog', value: liveblog.slug }],
    associations: updates.map((update) => ({
      name: `update-${update.id}`,
      ...updateObject(update, liveblog, publicUrl),
    })),
  };
}
