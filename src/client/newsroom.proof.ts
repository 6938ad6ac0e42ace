// Proofing in the composer: a moment after the reporter stops typing, the text goes to
// `POST /api/v1/proof`; the words it marks are underlined in place (CSS Custom Highlights:
// the editor's DOM, and so the blocks it produces, stay exactly as typed) and listed under
// the editor with their suggestions, one click replacing the word. Nothing here blocks
// publishing: a marked word is published as written unless the reporter takes a suggestion.
import { plural } from '../lib/time.format.js';

interface Issue {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  readonly suggestions: readonly string[];
}

/** One text node of the editor and where its text starts in what was proofed. */
interface Piece {
  readonly node: Text;
  readonly start: number;
}

const WAIT_MS = 800;
const HIGHLIGHT = 'proof-misspelling';
const BLOCKS = 'p, li, h2, h3, h4, blockquote, figure, figcaption, pre, div';

const messages = {
  ar: {
    found: (n: number) =>
      plural('ar', n, {
        one: 'كلمة قد تكون خاطئة:',
        two: 'كلمتان قد تكونان خاطئتين:',
        few: '{n} كلمات قد تكون خاطئة:',
        other: '{n} كلمة قد تكون خاطئة:',
      }),
    none: 'لا أخطاء إملائية ظاهرة',
    unavailable: 'التدقيق الإملائي غير متاح الآن',
    take: (word: string, suggestion: string) => `استبدل «${word}» بـ«${suggestion}»`,
    label: 'التدقيق الإملائي',
  },
  en: {
    found: (n: number) =>
      plural('en', n, { one: 'A word may be misspelt:', other: '{n} words may be misspelt:' }),
    none: 'No visible misspellings',
    unavailable: 'Proofing is unavailable right now',
    take: (word: string, suggestion: string) => `Replace “${word}” with “${suggestion}”`,
    label: 'Proofing',
  },
};

/** The editor's text as proofed, with a line break between blocks, and where each node is. */
function textOf(editor: HTMLElement): { text: string; pieces: Piece[] } {
  const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  const pieces: Piece[] = [];
  let text = '';
  let block: Element | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (!(node instanceof Text)) continue;
    const owner = node.parentElement?.closest(BLOCKS) ?? null;
    if (pieces.length > 0 && owner !== block) text += '\n';
    block = owner;
    pieces.push({ node, start: text.length });
    text += node.data;
  }
  return { text, pieces };
}

/** The DOM range of text offsets [start, end), or null when the text changed under it. */
function rangeOf(pieces: readonly Piece[], start: number, end: number): Range | null {
  const at = (offset: number, isEnd: boolean) =>
    pieces.find(
      (piece) =>
        offset >= piece.start &&
        (isEnd
          ? offset <= piece.start + piece.node.data.length
          : offset < piece.start + piece.node.data.length),
    );
  const first = at(start, false);
  const last = at(end, true);
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(first.node, start - first.start);
  range.setEnd(last.node, end - last.start);
  return range;
}

/** Starts proofing the composer of the newsroom page, if there is one. */
export function startProofing(): void {
  const editor = document.getElementById('composer-body');
  if (!editor) return;
  const locale = document.body.dataset.locale === 'en' ? 'en' : 'ar';
  const m = messages[locale];
  const slug = document.body.dataset.liveblog ?? '';
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

  const panel = document.createElement('div');
  panel.id = 'composer-proof';
  panel.className = 'composer-proof';
  panel.setAttribute('role', 'status');
  panel.setAttribute('aria-live', 'polite');
  panel.setAttribute('aria-label', m.label);
  editor.after(panel);

  const highlights = 'highlights' in CSS ? CSS.highlights : undefined;
  let timer: number | undefined;
  let pending: AbortController | undefined;
  let proofed = '';

  function show(issues: readonly Issue[], pieces: readonly Piece[]): void {
    const ranges = issues.flatMap((issue) => {
      const range = rangeOf(pieces, issue.start, issue.end);
      return range ? [{ issue, range }] : [];
    });
    highlights?.set(HIGHLIGHT, new Highlight(...ranges.map(({ range }) => range)));
    if (ranges.length === 0) {
      panel.replaceChildren(proofed.trim() === '' ? '' : m.none);
      return;
    }
    const list = document.createElement('ul');
    for (const { issue, range } of ranges) {
      const item = document.createElement('li');
      item.dataset.word = issue.word;
      const word = document.createElement('bdi');
      word.className = 'proof-word';
      word.textContent = issue.word;
      item.append(word);
      for (const suggestion of issue.suggestions) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'proof-suggestion';
        button.textContent = suggestion;
        button.setAttribute('aria-label', m.take(issue.word, suggestion));
        button.addEventListener('click', () => {
          range.deleteContents();
          range.insertNode(document.createTextNode(suggestion));
          editor?.normalize();
          editor?.dispatchEvent(new Event('input', { bubbles: true }));
        });
        item.append(' ', button);
      }
      list.append(item);
    }
    panel.replaceChildren(m.found(ranges.length), list);
  }

  async function proofNow(): Promise<void> {
    if (!editor) return;
    const { text, pieces } = textOf(editor);
    if (text === proofed) return;
    proofed = text;
    pending?.abort();
    if (text.trim() === '') {
      show([], pieces);
      return;
    }
    pending = new AbortController();
    try {
      const response = await fetch('/api/v1/proof', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ text, ...(slug !== '' && { liveblog: slug }) }),
        signal: pending.signal,
      });
      if (!response.ok) {
        highlights?.delete(HIGHLIGHT);
        panel.replaceChildren(response.status === 503 ? m.unavailable : '');
        return;
      }
      const { issues } = (await response.json()) as { issues: Issue[] };
      // The reporter may have typed on meanwhile: mark only what still reads the same.
      if (textOf(editor).text === text) show(issues, pieces);
    } catch {
      // Offline or superseded: the next pause in typing tries again.
      proofed = '';
    }
  }

  editor.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void proofNow(), WAIT_MS);
  });
  // A draft restored into the editor is proofed too.
  timer = window.setTimeout(() => void proofNow(), WAIT_MS);
}
