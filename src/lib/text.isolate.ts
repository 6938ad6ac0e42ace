// Text that reads right in both directions. A sentence in Arabic that carries a URL, an @handle,
// a hashtag, a Latin name or a number with a Latin unit is cut into runs; each such run is drawn
// isolated (<bdi>), so the bidirectional algorithm cannot pull its neutral characters (the "@",
// the ".", the "#") to the wrong side («.WhiteHouse@» instead of «@WhiteHouse.»). URLs and
// handles also become links. The runs together are always the text itself, character for
// character and in order: isolation adds markup, never changes what was written.
//
// One implementation for every renderer: the server's views (update.view.tsx, comment.view.tsx,
// through text.isolate.view.tsx) and the newsroom's client preview (isolatedHtml below).

export type RunKind = 'text' | 'url' | 'handle' | 'hashtag' | 'latin' | 'rtl';

export interface Run {
  readonly kind: RunKind;
  readonly text: string;
  /** For URLs and handles: where the link goes (always http: or https:). */
  readonly href?: string;
}

/** The direction a text is read in, from its first strong letter (like dir="auto"). */
export type TextDirection = 'rtl' | 'ltr';

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_LETTER = /[\p{L}]/u;

export function directionOfText(text: string): TextDirection | undefined {
  for (const char of text) {
    if (RTL_LETTER.test(char)) return 'rtl';
    if (STRONG_LETTER.test(char)) return 'ltr';
  }
  return undefined;
}

// A Latin "word": letters (with their accented forms), digits, and the marks that sit inside
// names and numbers with units ("COVID-19", "O'Neill", "AT&T", "3.5km", "-3°C", "50%").
const LATIN_START = '[A-Za-z0-9\\u00C0-\\u024F]';
const LATIN_INSIDE = "[A-Za-z0-9\\u00C0-\\u024F_.,'’&@+\\-/%°]";
const LATIN_WORD = `${LATIN_START}${LATIN_INSIDE}*`;
const URL_START = '(?:https?:\\/\\/|www\\.)';
// Words joined by single spaces, so "Donald Trump" or "50 km" is one run; never into a URL.
const LATIN_RUN = `${LATIN_WORD}(?:[ \\u00A0](?!${URL_START})${LATIN_WORD})*`;
const RTL_RUN =
  '[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF](?:[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF\\u064B-\\u065F0-9\\u0660-\\u0669 ]*[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF])?';

const PATTERN = (context: TextDirection) =>
  new RegExp(
    [
      `(?<url>(?<![\\p{L}\\p{N}_@])${URL_START}[^\\s<>"«»]+)`,
      '(?<handle>(?<![A-Za-z0-9\\u00C0-\\u024F_@.&])@[A-Za-z0-9_]{1,30}(?![A-Za-z0-9_@]))',
      '(?<hashtag>(?<![A-Za-z0-9\\u00C0-\\u024F_&#])#(?=[\\p{N}_]*[\\p{L}\\p{M}])[\\p{L}\\p{M}\\p{N}_]+)',
      context === 'rtl' ? `(?<latin>${LATIN_RUN})` : `(?<rtl>${RTL_RUN})`,
    ].join('|'),
    'gu',
  );
const PATTERNS = { rtl: PATTERN('rtl'), ltr: PATTERN('ltr') };

// What ends a sentence or a clause is not part of the URL, name or number before it.
const TRAILING = /[.,;:!?،؛؟…'"’”)\]}\-/&@+]+$/u;

/** A URL without its closing punctuation; a ")" stays when the URL opened one ("…_(film)"). */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? '';
    if (end === 0 || !/[.,;:!?،؛؟…'"’”)\]}]/u.test(last)) break;
    if (last === ')') {
      const inside = url.slice(0, end);
      const opened = inside.split('(').length - 1;
      const closed = inside.split(')').length - 1;
      if (opened >= closed) break;
    }
    end--;
  }
  return url.slice(0, end);
}

function trimTrailing(text: string): string {
  return text.replace(TRAILING, '');
}

function hrefOf(url: string): string | undefined {
  const absolute = /^www\./i.test(url) ? `https://${url}` : url;
  try {
    const parsed = new URL(absolute);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? absolute : undefined;
  } catch {
    return undefined;
  }
}

function runOf(groups: Record<string, string | undefined>): Run | undefined {
  if (groups.url !== undefined) {
    const text = trimUrl(groups.url);
    const href = hrefOf(text);
    // "www." alone, or "https://" with nothing after it: not a link, just text.
    if (!href || text.length <= 8) return undefined;
    return { kind: 'url', text, href };
  }
  if (groups.handle !== undefined) {
    return {
      kind: 'handle',
      text: groups.handle,
      href: `https://x.com/${groups.handle.slice(1)}`,
    };
  }
  if (groups.hashtag !== undefined) return { kind: 'hashtag', text: groups.hashtag };
  if (groups.latin !== undefined) {
    const text = trimTrailing(groups.latin);
    // A bare number needs no isolation: digits keep their order in either direction.
    return /[A-Za-z\u00C0-\u024F]/.test(text) ? { kind: 'latin', text } : undefined;
  }
  if (groups.rtl !== undefined) return { kind: 'rtl', text: groups.rtl };
  return undefined;
}

/**
 * The text cut into runs: plain text, and the runs to isolate (URLs, handles, hashtags, and
 * Latin runs in a right-to-left text or right-to-left runs in a left-to-right one). The
 * direction is the text's own (its first strong letter) unless the caller knows better (the
 * paragraph it sits in).
 */
export function isolateRuns(text: string, direction?: TextDirection): Run[] {
  const context = direction ?? directionOfText(text) ?? 'ltr';
  const pattern = PATTERNS[context];
  const runs: Run[] = [];
  let cursor = 0;
  const pushText = (until: number) => {
    if (until <= cursor) return;
    const last = runs[runs.length - 1];
    const piece = text.slice(cursor, until);
    if (last?.kind === 'text') runs[runs.length - 1] = { kind: 'text', text: last.text + piece };
    else runs.push({ kind: 'text', text: piece });
    cursor = until;
  };
  for (const match of text.matchAll(pattern)) {
    const run = runOf(match.groups ?? {});
    if (!run || run.text === '') continue;
    pushText(match.index);
    runs.push(run);
    cursor = match.index + run.text.length;
  }
  pushText(text.length);
  return runs;
}

/** Whether a text needs anything but plain text (no runs to isolate: render it as it is). */
export function isPlainRuns(runs: readonly Run[]): boolean {
  return runs.every((run) => run.kind === 'text');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** The `rel` of links found in text: never followed by search engines, user content marked. */
export const TEXT_LINK_REL = 'noopener nofollow ugc';

/**
 * The same runs as escaped HTML, for code that builds markup as a string (the newsroom's
 * preview): text escaped, isolated runs in <bdi>, URLs and handles as links.
 */
export function isolatedHtml(text: string, direction?: TextDirection): string {
  return isolateRuns(text, direction)
    .map((run) => {
      const inner = escapeHtml(run.text);
      switch (run.kind) {
        case 'text':
          return inner;
        case 'url':
        case 'handle':
          return `<a href="${escapeHtml(run.href ?? '')}" rel="${TEXT_LINK_REL}"><bdi dir="ltr">${inner}</bdi></a>`;
        case 'latin':
          return `<bdi dir="ltr">${inner}</bdi>`;
        case 'rtl':
          return `<bdi dir="rtl">${inner}</bdi>`;
        case 'hashtag':
          return `<bdi>${inner}</bdi>`;
      }
    })
    .join('');
}
