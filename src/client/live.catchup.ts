// Catch-up for a returning reader: «N تحديثات منذ زيارتك الأخيرة», the key events among them,
// and a jump to the first one not yet read. What the reader has seen is remembered in this
// browser only (localStorage, never a cookie): per page, the publication time of the newest
// update shown and the page's count of updates.
import { plural } from '../lib/time.format.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import { liveText } from '../lib/i18n.live.messages.js';
import { byId } from './live.dom.js';

interface LastVisit {
  /** The newest update the reader was shown (its ISO publication time). */
  readonly seen: string;
  /** The updates shown then (several may share one publication time). */
  readonly ids: readonly number[];
  /** How many updates the page had then. */
  readonly total: number;
}

const storageKey = (slug: string) => `ajil:last-visit:${slug}`;

function readVisit(slug: string): LastVisit | null {
  try {
    const raw = localStorage.getItem(storageKey(slug));
    const value = raw ? (JSON.parse(raw) as Partial<LastVisit>) : null;
    return value &&
      typeof value.seen === 'string' &&
      typeof value.total === 'number' &&
      Array.isArray(value.ids)
      ? { seen: value.seen, total: value.total, ids: value.ids.filter(Number.isInteger) }
      : null;
  } catch {
    return null; // storage refused (private mode, full): no catch-up, nothing breaks
  }
}

function writeVisit(slug: string, visit: LastVisit): void {
  try {
    localStorage.setItem(storageKey(slug), JSON.stringify(visit));
  } catch {
    // Storage refused: the next visit simply has no catch-up.
  }
}

function articles(updates: HTMLElement): HTMLElement[] {
  return Array.from(updates.querySelectorAll<HTMLElement>(':scope > article'));
}

/** What the reader has now seen: the newest update shown (not one waiting hidden). */
function seenNow(updates: HTMLElement): LastVisit | null {
  const shown = articles(updates).filter((article) => !article.hidden);
  const seen = shown
    .map((article) => article.dataset.published ?? '')
    .reduce((a, b) => (b > a ? b : a), '');
  const total = Number(updates.dataset.total ?? '0');
  const ids = shown.map((article) => Number(article.dataset.updateId));
  return seen ? { seen, total, ids } : null;
}

/** Not shown last time, and not older than what was: new since the last visit. */
function isUnread(article: HTMLElement, last: LastVisit): boolean {
  const published = article.dataset.published ?? '';
  return published >= last.seen && !last.ids.includes(Number(article.dataset.updateId));
}

function headlineOf(article: HTMLElement): string {
  const text =
    article.querySelector('.update-headline')?.textContent ??
    article.querySelector('.update-body')?.textContent ??
    '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 90 ? `${line.slice(0, 90)}…` : line;
}

function drawCatchUp(
  box: HTMLElement,
  locale: UiLocale,
  count: number,
  unread: HTMLElement[],
): void {
  const r = liveText(locale);
  const digits = document.body.dataset.digits === 'arab' ? 'arab' : 'latn';
  const title = document.createElement('p');
  title.className = 'catch-up-count';
  title.textContent = plural(locale, count, r.sinceLastVisit, digits);
  const parts: HTMLElement[] = [title];
  const keyEvents = unread.filter((article) => article.classList.contains('update-key-event'));
  if (keyEvents.length > 0) {
    const label = document.createElement('p');
    label.textContent = r.keyEventsAmongThem;
    const list = document.createElement('ul');
    list.className = 'catch-up-key-events';
    for (const article of keyEvents) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${article.id}`;
      link.dir = 'auto';
      link.textContent = headlineOf(article);
      item.append(link);
      list.append(item);
    }
    parts.push(label, list);
  }
  const actions = document.createElement('p');
  const jump = document.createElement('button');
  jump.type = 'button';
  jump.className = 'catch-up-jump';
  jump.textContent = r.jumpToFirstUnread;
  // The first unread is the oldest of them: reading down from it, the reader meets the rest.
  const first = unread[unread.length - 1];
  jump.addEventListener('click', () => {
    first?.scrollIntoView({ block: 'start' });
    first?.setAttribute('tabindex', '-1');
    first?.focus({ preventScroll: true });
  });
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'catch-up-dismiss';
  dismiss.textContent = r.dismiss;
  dismiss.addEventListener('click', () => {
    box.hidden = true;
  });
  actions.append(jump, ' ', dismiss);
  parts.push(actions);
  box.replaceChildren(...parts);
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', title.textContent);
  box.hidden = false;
}

/** On the first page, newest first: shows what is new since the last visit, then remembers. */
export function catchUp(locale: UiLocale): void {
  const body = document.body;
  const slug = body.dataset.liveblog;
  const updates = byId('updates');
  const box = byId('catch-up');
  const firstPage =
    body.dataset.page === '1' && body.dataset.filter !== 'key' && body.dataset.sort !== 'oldest';
  if (!slug || !updates || !box || !firstPage || body.dataset.focus) return;
  const last = readVisit(slug);
  if (last) {
    const unread = articles(updates).filter((article) => isUnread(article, last));
    for (const article of unread) article.classList.add('update-unread');
    // Everything on this page is new: the count of the page says how many more there were.
    const total = Number(updates.dataset.total ?? '0');
    const count =
      unread.length === articles(updates).length
        ? Math.max(unread.length, total - last.total)
        : unread.length;
    if (count > 0) drawCatchUp(box, locale, count, unread);
  }
  const remember = () => {
    const now = seenNow(updates);
    if (now) writeVisit(slug, now);
  };
  remember();
  window.addEventListener('pagehide', remember);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') remember();
  });
}
