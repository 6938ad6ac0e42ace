// Placing the server's HTML on the live page: updates in time order, the key events list, the
// pinned box and the count of updates.
import { plural } from '../lib/time.format.js';
import type { LivePage } from './live.context.js';
import { byId, fromServerHtml } from './live.dom.js';

export function existing(live: LivePage, id: number): HTMLElement | null {
  return live.updates.querySelector<HTMLElement>(`article[data-update-id="${id}"]`);
}

/**
 * By publication time, newest first (or oldest first, in that view): a back-dated update finds
 * its own place.
 */
export function insertInOrder(live: LivePage, element: HTMLElement): void {
  const { updates } = live;
  const published = element.dataset.published ?? '';
  const before = (other: string) => (live.oldestFirst ? other > published : other < published);
  for (const article of updates.querySelectorAll<HTMLElement>(':scope > article')) {
    if (before(article.dataset.published ?? '')) {
      updates.insertBefore(element, article);
      return;
    }
  }
  updates.appendChild(element);
}

export function setKeyEvent(data: { id: number; keyEvent: boolean; keyEventHtml?: string }): void {
  const listElement = byId('key-events-list');
  if (!listElement) return;
  listElement.querySelector(`li[data-update-id="${data.id}"]`)?.remove();
  if (data.keyEvent && data.keyEventHtml) {
    const item = fromServerHtml(data.keyEventHtml);
    if (item) listElement.prepend(item);
  }
  const section = listElement.closest('section');
  if (section) section.hidden = listElement.children.length === 0;
}

/** Shows the pinned update; without HTML, empties the box if it held this update. */
export function setPinned(data: { id: number }, pinnedHtml: string | undefined): void {
  const box = byId('pinned');
  if (!box) return;
  const current = box.querySelector<HTMLElement>('article');
  if (pinnedHtml) {
    const element = fromServerHtml(pinnedHtml);
    if (element) box.replaceChildren(element);
    box.hidden = false;
  } else if (current?.dataset.updateId === String(data.id)) {
    box.replaceChildren();
    box.hidden = true;
  }
}

export function adjustCount(live: LivePage, delta: number): void {
  const { updates } = live;
  const count = document.querySelector('.update-count');
  const total = Number(updates.dataset.total ?? '0') + delta;
  updates.dataset.total = String(total);
  if (count)
    count.textContent = `(${plural(live.locale, total, live.m.updatesCount, live.digits)})`;
}
