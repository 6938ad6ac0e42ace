// Update events applied to the page: published, edited and deleted updates, and the first page
// taken afresh when the client is too far behind to replay.
import type { LivePage } from './live.context.js';
import { byId, fromServerHtml } from './live.dom.js';
import { announce, showPending, streamTopVisible } from './live.pending.js';
import { adjustCount, existing, insertInOrder, setKeyEvent, setPinned } from './live.place.js';
import { tickRelativeTimes } from './live.time.js';

export interface UpdateEventData {
  id: number;
  revision: number;
  publishedAt: string;
  keyEvent: boolean;
  pinned: boolean;
  html: string;
  keyEventHtml?: string;
  pinnedHtml?: string;
}

/** The new version in the old one's place, hidden and waiting if the old one was. */
function replace(live: LivePage, old: HTMLElement, element: HTMLElement): void {
  element.hidden = old.hidden;
  if (live.pending.delete(old)) live.pending.add(element);
  old.replaceWith(element);
}

/** Key events only: an update that is not one leaves the stream (the key-events list follows). */
function outsideView(live: LivePage, data: UpdateEventData): boolean {
  if (!live.keyEventsOnly || data.keyEvent) return false;
  const old = existing(live, data.id);
  if (old) {
    live.pending.delete(old);
    old.remove();
    adjustCount(live, -1);
  }
  setKeyEvent(data);
  showPending(live);
  return true;
}

export function published(live: LivePage, data: UpdateEventData): void {
  if (outsideView(live, data)) return;
  const old = existing(live, data.id);
  if (old && Number(old.dataset.revision ?? '0') >= data.revision) return; // duplicate
  const element = fromServerHtml(data.html);
  if (!element) return;
  if (old) {
    replace(live, old, element);
  } else {
    // Oldest first, a new update goes at the end, below the reader: nothing moves, so it shows.
    const shown = live.oldestFirst || streamTopVisible(live);
    element.hidden = !shown;
    insertInOrder(live, element);
    if (!shown) live.pending.add(element);
    adjustCount(live, 1);
    announce(live, element);
    document.querySelector('.no-updates')?.remove();
  }
  setKeyEvent(data);
  if (data.pinned) setPinned(data, data.pinnedHtml);
  showPending(live);
  tickRelativeTimes(live);
}

export function edited(live: LivePage, data: UpdateEventData): void {
  if (outsideView(live, data)) return;
  const old = existing(live, data.id);
  if (!old) return; // not on this page: nothing to replace
  if (Number(old.dataset.revision ?? '0') >= data.revision) return;
  const element = fromServerHtml(data.html);
  if (!element) return;
  replace(live, old, element);
  setKeyEvent(data);
  setPinned(data, data.pinned ? data.pinnedHtml : undefined);
  tickRelativeTimes(live);
}

export function deleted(live: LivePage, data: { id: number }): void {
  const old = existing(live, data.id);
  if (old) {
    live.pending.delete(old);
    old.remove();
    adjustCount(live, -1);
  }
  byId('key-events-list')?.querySelector(`li[data-update-id="${data.id}"]`)?.remove();
  setPinned(data, undefined);
  showPending(live);
}

/** Too far behind to replay: take the page afresh, without a reload. */
export async function reloadFirstPage(live: LivePage): Promise<void> {
  const { updates } = live;
  // The same view of the stream (its address), afresh.
  const response = await fetch(location.pathname + location.search, {
    headers: { accept: 'text/html' },
  });
  if (!response.ok) return;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const id of ['updates', 'key-events-list', 'pinned']) {
    const next = doc.getElementById(id);
    const current = byId(id);
    if (next && current) {
      current.replaceChildren(
        ...Array.from(next.childNodes, (node) => document.importNode(node, true)),
      );
      if (next.hasAttribute('hidden')) current.setAttribute('hidden', '');
      else current.removeAttribute('hidden');
    }
  }
  updates.dataset.total = doc.getElementById('updates')?.dataset.total ?? updates.dataset.total;
  adjustCount(live, 0);
  live.pending.clear();
  showPending(live);
  live.lastEventId = Number(doc.body.dataset.lastEventId ?? live.lastEventId);
  tickRelativeTimes(live);
}
