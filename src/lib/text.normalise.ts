// The one text normaliser: every string we store goes through it, whatever the path (API, forms,
// CLI, imports, the wire). It gives the same result on SQLite and PostgreSQL, because nothing that
// one engine accepts and the other refuses (NUL, lone surrogates) is left in the text.
//
//   text  multi-line: NFC, well-formed UTF-16, CR/CRLF as LF, C0 and C1 controls removed (tab and
//         newline stay), DEL removed.
//   line  one line: text, then every run of white space as one space, trimmed.
//   name  a line without bidirectional or invisible controls, which could disguise a name or
//         reorder what follows it. ZWNJ and ZWJ (U+200C/D) stay: Persian and Urdu names and
//         emoji sequences need them.

export type TextKind = 'text' | 'line' | 'name';

// C0 but tab (U+0009) and newline (U+000A), DEL, and C1 (U+0080 to U+009F).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Marks that change direction or are invisible: ALM, LRM/RLM, embeddings and overrides, isolates,
 * zero-width space, word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel
 * separator, combining grapheme joiner, Hangul fillers, interlinear annotation marks.
 */
const INVISIBLE =
  /\u034F|[\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/g;

/** Half of a surrogate pair without its other half (not a character at all). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Bidirectional embeddings, overrides and isolates only (they reorder what follows them). */
export const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/g;

/** Normalises one string for storage; see the kinds above. Idempotent. */
export function normalise(value: string, kind: TextKind = 'text'): string {
  // Lone surrogates become U+FFFD here, not differently in each database driver.
  // (The pair check is slow on long text; most text has no surrogates at all.)
  let text = /[\uD800-\uDFFF]/.test(value) ? value.replace(LONE_SURROGATE, '\uFFFD') : value;
  text = text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
  if (kind === 'name') text = text.replace(INVISIBLE, '');
  if (kind !== 'text') text = text.replace(/\s+/g, ' ').trim();
  // Last, so that a removed character cannot leave a sequence that is no longer composed.
  return text.normalize('NFC');
}

/** Multi-line text (update and comment text, notes). */
export const normaliseText = (value: string): string => normalise(value, 'text');
/** One line (headlines, standfirsts, titles, captions). */
export const normaliseLine = (value: string): string => normalise(value, 'line');
/** A person's or a token's name. */
export const normaliseName = (value: string): string => normalise(value, 'name');

/** Every string inside a JSON-like value (blocks, sources, audit records) as multi-line text. */
export function normaliseDeep<T>(value: T): T {
  if (typeof value === 'string') return normaliseText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normaliseDeep(item)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[normaliseText(key)] = normaliseDeep(item);
    return out as T;
  }
  return value;
}

/** True when the string holds a character the normaliser would remove (for tests and checks). */
export function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(value);
}
