// The moderation desk for volume: move with j/k (or the arrows), select with x (Shift+A: all),
// act with a/r/s/b, undo with u (or Ctrl+Z) for five seconds before the verdict is sent; the
// queue follows the staff stream, so comments held or moderated elsewhere come and go live.
import type { DeskEventData } from '../realtime/realtime.desk-events.js';
import { LIVE_TEXT, countText, type LiveText } from './newsroom.live.text.js';
import { followStaffStream } from './newsroom.stream.js';

const UNDO_MS = 5_000;
const KEYS: Record<string, string> = { a: 'approve', r: 'reject', s: 'spam', b: 'block' };

interface Pending {
  readonly rows: HTMLElement[];
  readonly action: string;
  timer: number;
}

interface Desk {
  readonly queue: HTMLElement;
  readonly text: LiveText;
  readonly locale: 'ar' | 'en';
  readonly csrf: string;
  readonly undoLine: HTMLElement;
  readonly pending: Pending[];
  current: HTMLElement | null;
}

const visibleRows = (desk: Desk) =>
  [...desk.queue.querySelectorAll<HTMLElement>('li[data-comment-id]')].filter((row) => !row.hidden);

function countRows(desk: Desk): void {
  const n = visibleRows(desk).length;
  const count = document.getElementById('mod-count');
  if (count) count.textContent = countText(desk.locale, n, desk.text.held);
  const empty = document.querySelector<HTMLElement>('.mod-empty');
  if (empty) empty.hidden = n > 0;
}

function focusRow(desk: Desk, row: HTMLElement | null | undefined): void {
  desk.current?.classList.remove('mod-current');
  desk.current = row ?? null;
  if (!row) return;
  row.classList.add('mod-current');
  row.focus();
}

function move(desk: Desk, step: number): void {
  const rows = visibleRows(desk);
  const at = desk.current ? rows.indexOf(desk.current) : -1;
  focusRow(desk, rows[Math.min(rows.length - 1, Math.max(0, at + step))]);
}

const box = (row: HTMLElement) => row.querySelector<HTMLInputElement>('input[type="checkbox"]');

function send(desk: Desk, item: Pending, keepalive = false): void {
  const ids = item.rows.map((row) => Number(row.dataset.commentId));
  void fetch('/newsroom/comments/verdicts', {
    method: 'POST',
    credentials: 'same-origin',
    keepalive,
    headers: { 'content-type': 'application/json', 'x-csrf-token': desk.csrf },
    body: JSON.stringify({ ids, action: item.action }),
  }).then(
    (res) => {
      if (!res.ok) throw new Error(String(res.status));
      for (const row of item.rows) row.remove();
    },
    () => {
      for (const row of item.rows) row.hidden = false;
      desk.undoLine.textContent = desk.text.failed;
      countRows(desk);
    },
  );
}

function act(desk: Desk, action: string): void {
  const rows = visibleRows(desk);
  const chosen = rows.filter((row) => box(row)?.checked);
  const targets =
    chosen.length > 0 ? chosen : desk.current && !desk.current.hidden ? [desk.current] : [];
  if (targets.length === 0) return;
  const last = Math.max(...targets.map((row) => rows.indexOf(row)));
  const after = rows.slice(last + 1).find((row) => !targets.includes(row));
  for (const row of targets) {
    row.hidden = true;
    const input = box(row);
    if (input) input.checked = false;
  }
  const item: Pending = { rows: targets, action, timer: 0 };
  item.timer = window.setTimeout(() => {
    desk.pending.splice(desk.pending.indexOf(item), 1);
    send(desk, item);
  }, UNDO_MS);
  desk.pending.push(item);
  desk.undoLine.textContent = `${desk.text.verdicts[action] ?? action} (${targets.length}) — ${desk.text.undo}: u`;
  countRows(desk);
  focusRow(desk, after ?? visibleRows(desk).at(-1));
}

function undo(desk: Desk): void {
  const item = desk.pending.pop();
  if (!item) return;
  window.clearTimeout(item.timer);
  for (const row of item.rows) row.hidden = false;
  desk.undoLine.textContent = desk.text.undone;
  countRows(desk);
  focusRow(desk, item.rows[0]);
}

function selectAll(desk: Desk, on?: boolean): void {
  const rows = visibleRows(desk);
  const value = on ?? !rows.every((row) => box(row)?.checked);
  for (const row of rows) {
    const input = box(row);
    if (input) input.checked = value;
  }
  const all = document.getElementById('mod-select-all');
  if (all instanceof HTMLInputElement) all.checked = value;
}

function onKey(desk: Desk, event: KeyboardEvent): void {
  const target = event.target as HTMLElement | null;
  const typing =
    target?.closest('textarea, select, input:not([type="checkbox"])') !== null && target !== null;
  if (typing || event.altKey || event.metaKey) return;
  const key = event.key;
  if (event.ctrlKey) {
    if (key.toLowerCase() === 'z') {
      event.preventDefault();
      undo(desk);
    }
    return;
  }
  if (key === 'j' || key === 'ArrowDown') move(desk, 1);
  else if (key === 'k' || key === 'ArrowUp') move(desk, -1);
  else if (key === 'A' && event.shiftKey) selectAll(desk);
  else if (key === 'x' && desk.current) {
    const input = box(desk.current);
    if (input) input.checked = !input.checked;
  } else if (KEYS[key]) act(desk, KEYS[key]);
  else if (key === 'u') undo(desk);
  else if (key === '?') {
    const help = document.getElementById('mod-shortcuts');
    if (help instanceof HTMLDetailsElement) help.open = !help.open;
  } else return;
  event.preventDefault();
}

async function addHeld(desk: Desk, id: number): Promise<void> {
  if (desk.queue.querySelector(`[data-comment-id="${id}"]`)) return;
  const res = await fetch(`/newsroom/comments/rows?ids=${id}&lang=${desk.locale}`, {
    credentials: 'same-origin',
  });
  if (!res.ok) return;
  const { rows } = (await res.json()) as { rows: { id: number; html: string }[] };
  for (const row of rows) {
    if (desk.queue.querySelector(`[data-comment-id="${row.id}"]`)) continue;
    const template = document.createElement('template');
    template.innerHTML = row.html.trim();
    const element = template.content.firstElementChild;
    if (element instanceof HTMLElement) {
      showButtons(element);
      desk.queue.append(element);
    }
  }
  countRows(desk);
}

function onQueueEvent(desk: Desk, data: DeskEventData): void {
  if (data.change === 'held' && data.commentId !== undefined) void addHeld(desk, data.commentId);
  if (data.change === 'moderated') {
    const mine = new Set(desk.pending.flatMap((item) => item.rows));
    for (const id of data.commentIds ?? []) {
      const row = desk.queue.querySelector<HTMLElement>(`[data-comment-id="${id}"]`);
      if (row && !mine.has(row)) {
        if (row === desk.current) move(desk, 1);
        row.remove();
      }
    }
    countRows(desk);
  }
}

function showButtons(row: HTMLElement): void {
  for (const button of row.querySelectorAll<HTMLButtonElement>('[data-verdict]')) {
    button.hidden = false;
    button.type = 'button';
  }
}

export function startModerationDesk(): void {
  const queue = document.getElementById('mod-queue');
  const undoLine = document.getElementById('mod-undo');
  if (!queue || !undoLine) return;
  const locale = document.body.dataset.locale === 'en' ? 'en' : 'ar';
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  const desk: Desk = {
    queue,
    undoLine,
    text: LIVE_TEXT[locale],
    locale,
    csrf,
    pending: [],
    current: null,
  };
  for (const row of queue.querySelectorAll<HTMLElement>('li[data-comment-id]')) showButtons(row);
  document.addEventListener('keydown', (event) => {
    onKey(desk, event);
  });
  queue.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-verdict]') : null;
    const row = button?.closest<HTMLElement>('li[data-comment-id]');
    if (!button || !row) return;
    event.preventDefault();
    focusRow(desk, row);
    act(desk, button.dataset.verdict ?? '');
  });
  queue.addEventListener('focusin', (event) => {
    const row =
      event.target instanceof Element
        ? event.target.closest<HTMLElement>('li[data-comment-id]')
        : null;
    if (row && row !== desk.current) {
      desk.current?.classList.remove('mod-current');
      desk.current = row;
      row.classList.add('mod-current');
    }
  });
  document.getElementById('mod-select-all')?.addEventListener('change', (event) => {
    selectAll(desk, (event.target as HTMLInputElement).checked);
  });
  // Leaving the page does not lose a verdict still waiting for its undo time.
  window.addEventListener('pagehide', () => {
    for (const item of desk.pending.splice(0)) {
      window.clearTimeout(item.timer);
      send(desk, item, true);
    }
  });
  followStaffStream('/newsroom/desk/events', {
    ready: () => undefined,
    event: (type, data) => {
      if (type === 'comments.queue') onQueueEvent(desk, data as DeskEventData);
    },
    presence: () => undefined,
    reset: () => undefined,
    down: () => undefined,
    signedOut: () => undefined,
  });
  focusRow(desk, visibleRows(desk)[0]);
}
