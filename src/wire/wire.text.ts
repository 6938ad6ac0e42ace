// Agency markup (XHTML in NewsML-G2, HTML bodies in ninjs) read down to plain paragraphs. No
// markup from elsewhere is ever stored or shown: only the text survives, split where blocks end.
import { WireParseError } from './wire.types.js';

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : '';
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Paragraphs of plain text from markup: block ends become blank lines, tags are dropped. */
export function markupToText(markup: string): string {
  const text = markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|div|blockquote|tr|section|article)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return paragraphs(decodeEntities(text));
}

/** Plain text tidied: spaces collapsed in each line, paragraphs split by one blank line. */
export function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** A date the agency sent, or a parse error naming the field. */
export function dateOf(value: unknown, field: string): Date | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new WireParseError(field, 'expected a date-time string');
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) throw new WireParseError(field, `not a date-time: ${value}`);
  return date;
}

/** An http(s) address, normalised (non-ASCII percent-encoded); null for anything else. */
export function webAddress(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** 'ar-EG' → 'ar'; empty when nothing usable was given. */
export function primaryLanguage(tag: unknown): string {
  if (typeof tag !== 'string') return '';
  const primary = tag.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : '';
}

/** A version number from text ('3' → 3); 0 when none or not a whole number. */
export function versionOf(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : 0;
}
