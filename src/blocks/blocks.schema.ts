// Rich text as structured blocks: the newsroom never sends HTML, readers never receive HTML
// that we did not render ourselves. Blocks are stored as JSON and rendered by update.view.tsx.
import { Type, type Static } from 'typebox';
import { normaliseText } from '../lib/text.normalise.js';

export const MAX_TEXT_LENGTH = 20_000;
const MAX_BLOCKS = 50;
const MAX_INLINES = 200;
const MAX_URL = 2_000;

export const LinkHref = Type.String({
  maxLength: MAX_URL,
  pattern: '^(https?://|mailto:)[^\\s]+$',
  description: 'An http(s) or mailto URL',
});

export const TextInline = Type.Object(
  {
    type: Type.Literal('text'),
    text: Type.String({ maxLength: MAX_TEXT_LENGTH }),
    bold: Type.Optional(Type.Boolean()),
    italic: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const LinkInline = Type.Object(
  {
    type: Type.Literal('link'),
    text: Type.String({ minLength: 1, maxLength: MAX_URL }),
    href: LinkHref,
  },
  { additionalProperties: false },
);
export const Inline = Type.Union([TextInline, LinkInline]);
const Inlines = Type.Array(Inline, { minItems: 1, maxItems: MAX_INLINES });

export const ParagraphBlock = Type.Object(
  { type: Type.Literal('paragraph'), content: Inlines },
  { additionalProperties: false },
);
export const HeadingBlock = Type.Object(
  { type: Type.Literal('heading'), text: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);
export const QuoteBlock = Type.Object(
  {
    type: Type.Literal('quote'),
    content: Inlines,
    cite: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export const ListBlock = Type.Object(
  {
    type: Type.Literal('list'),
    ordered: Type.Boolean(),
    items: Type.Array(Inlines, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
/** A photo uploaded through /api/v1/photos; the server fills in the rest from its record. */
export const ImageBlock = Type.Object(
  {
    type: Type.Literal('image'),
    photoId: Type.String({ pattern: '^[a-f0-9]{20}$' }),
    alt: Type.Optional(Type.String({ maxLength: 300 })),
    caption: Type.Optional(Type.String({ maxLength: 500 })),
    credit: Type.Optional(Type.String({ maxLength: 120 })),
    width: Type.Optional(Type.Integer({ minimum: 1 })),
    height: Type.Optional(Type.Integer({ minimum: 1 })),
    widths: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 10 })),
  },
  { additionalProperties: false },
);
/** A post on X, a YouTube video or another link, shown as a card until the reader asks for it. */
export const EmbedBlock = Type.Object(
  {
    type: Type.Literal('embed'),
    url: Type.String({ maxLength: MAX_URL, pattern: '^https?://[^\\s]+$' }),
    provider: Type.Optional(Type.Enum(['x', 'youtube', 'link'])),
    title: Type.Optional(Type.String({ maxLength: 300 })),
    site: Type.Optional(Type.String({ maxLength: 200 })),
    videoId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{11}$' })),
    /** A thumbnail we fetched once and host ourselves (a photo id), so the card loads nothing foreign. */
    thumbnail: Type.Optional(Type.String({ pattern: '^[a-f0-9]{20}$' })),
    thumbnailWidth: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const Block = Type.Union([
  ParagraphBlock,
  HeadingBlock,
  QuoteBlock,
  ListBlock,
  ImageBlock,
  EmbedBlock,
]);
export const Blocks = Type.Array(Block, { minItems: 1, maxItems: MAX_BLOCKS });

export type Inline = Static<typeof Inline>;
export type Block = Static<typeof Block>;

// A URL in running text: scheme, then anything up to white space; trailing punctuation
// (Latin or Arabic) is left out of the link. Linear: no nested quantifiers.
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"،؛؟»]+$/;

/** Splits a line of plain text into text and link inlines. */
export function inlinesFromText(text: string): Inline[] {
  const inlines: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let href = match[0];
    const trailing = TRAILING_PUNCTUATION.exec(href);
    if (trailing) href = href.slice(0, href.length - trailing[0].length);
    if (href.length <= 'https://'.length || href.length > MAX_URL) continue;
    const start = match.index;
    if (start > last) inlines.push({ type: 'text', text: text.slice(last, start) });
    inlines.push({ type: 'link', text: href, href });
    last = start + href.length;
  }
  if (last < text.length) inlines.push({ type: 'text', text: text.slice(last) });
  return inlines;
}

/** Plain text → paragraphs (split on blank lines), single newlines kept as spaces, links detected. */
export function blocksFromText(text: string): Block[] {
  return normaliseText(text)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => ({ type: 'paragraph', content: inlinesFromText(paragraph) }));
}

function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => inline.text).join('');
}

/** The blocks as plain text (for search, feeds, descriptions); paragraphs joined by blank lines. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inlineText(block.content);
        case 'heading':
          return block.text;
        case 'quote':
          return inlineText(block.content) + (block.cite ? ` — ${block.cite}` : '');
        case 'list':
          return block.items.map((item) => `• ${inlineText(item)}`).join('\n');
        case 'image':
          return [block.caption, block.credit].filter(Boolean).join(' — ');
        case 'embed':
          return block.title ?? block.url;
      }
    })
    .join('\n\n');
}

/** True when the blocks hold any visible text. */
export function blocksHaveText(blocks: readonly Block[]): boolean {
  return blocksToText(blocks).trim().length > 0;
}
