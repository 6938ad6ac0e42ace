// A refusal from the server, told truthfully: its own message in the desk's language, placed
// next to the field its details name (the headline, a paragraph, the sources…), the field marked
// invalid. Nothing the person wrote is touched; the note goes at the next save that succeeds.
import type { Composer } from './newsroom.composer.js';
import { byId } from './newsroom.page.js';
import type { SavingText } from './newsroom.saving.text.js';

export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details: readonly { field: string; message: string }[];
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    messages?: { ar?: string; en?: string };
    details?: { field: string; message: string }[];
  };
}

/** The problem in an answer that is not 2xx, its message in the page's language. */
export async function readProblem(response: Response, locale: 'ar' | 'en'): Promise<Problem> {
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as ErrorBody | null;
  const error = body?.error;
  return {
    status: response.status,
    code: error?.code ?? `http_${response.status}`,
    message: error?.messages?.[locale] ?? error?.message ?? '',
    details: error?.details ?? [],
  };
}

interface Culprit {
  readonly element: HTMLElement | null;
  readonly label: string;
  /** The offending text's length, when the field holds text. */
  readonly length?: number;
}

/** Which part of the composer a detail's field (`/blocks/3/inlines/0/text`, `/headline`) is. */
function culpritOf(composer: Composer, field: string, words: SavingText): Culprit {
  const path = field.replace(/^body:/, '');
  const [, top = '', index] = /^\/([a-zA-Z]+)(?:\/(\d+))?/.exec(path) ?? [];
  if (top === 'headline')
    return {
      element: composer.headline,
      label: words.field.headline,
      length: composer.headline.value.length,
    };
  if (top === 'blocks' || top === 'text') {
    const n = index === undefined ? undefined : Number(index);
    const block = n === undefined ? null : composer.editor.children.item(n);
    return {
      element: composer.editor,
      label: n === undefined ? words.field.body : words.field.paragraph(n + 1),
      length: (block ?? composer.editor).textContent.length,
    };
  }
  if (top === 'sources') return { element: composer.sourceList, label: words.field.sources };
  if (top === 'byline')
    return { element: byId('composer-byline', HTMLElement), label: words.field.byline };
  if (top === 'contributors')
    return { element: byId('composer-contributors', HTMLElement), label: words.field.contributors };
  if (top === 'publishAt')
    return { element: byId('schedule-at', HTMLElement), label: words.field.schedule };
  return { element: null, label: '' };
}

/** What the limit was, read from the validator's words (the only part of them worth showing). */
function limitOf(message: string, words: SavingText): string {
  const match = /more than (\d+) (characters|items)/.exec(message);
  return match ? words.atMost(Number(match[1]), match[2] === 'items' ? 'items' : 'characters') : '';
}

const NOTE_CLASS = 'field-refusal';

/** Removes every note of an earlier refusal and the invalid marks. */
export function clearRefusal(composer: Composer): void {
  for (const note of composer.form.querySelectorAll(`.${NOTE_CLASS}`)) note.remove();
  for (const field of composer.form.querySelectorAll('[aria-invalid="true"]')) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
  delete composer.status.dataset.tone;
}

function noteNextTo(
  culprit: Culprit,
  id: string,
  words: SavingText,
  problem: Problem,
  detail: string,
) {
  const note = document.createElement('p');
  note.className = NOTE_CLASS;
  note.id = id;
  const cause = document.createElement('strong');
  cause.textContent = `${words.refusedAt} ${culprit.label}: `;
  const parts = [problem.message, limitOf(detail, words)];
  if (culprit.length !== undefined && parts[1]) parts.push(words.length(culprit.length));
  note.append(cause, parts.filter(Boolean).join(' '));
  culprit.element?.setAttribute('aria-invalid', 'true');
  culprit.element?.setAttribute('aria-describedby', id);
  culprit.element?.insertAdjacentElement('afterend', note);
}

/** Shows a refusal: the server's message in the status line, and beside each field it names. */
export function showRefusal(composer: Composer, problem: Problem): void {
  const words = composer.page.saving;
  clearRefusal(composer);
  composer.status.dataset.tone = 'refused';
  composer.status.textContent = [problem.message, words.refused].filter(Boolean).join(' ');
  const seen = new Set<HTMLElement>();
  problem.details.forEach((detail, i) => {
    const culprit = culpritOf(composer, detail.field, words);
    if (!culprit.element || seen.has(culprit.element)) return;
    seen.add(culprit.element);
    noteNextTo(culprit, `refusal-${String(i)}`, words, problem, detail.message);
  });
}

/** The status line in one of its tones (saved, offline, refused, signed-out, conflict). */
export function sayTone(composer: Composer, tone: string, message: string): void {
  composer.status.dataset.tone = tone;
  composer.status.textContent = message;
}
