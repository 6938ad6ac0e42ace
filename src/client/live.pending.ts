// New updates that arrive while the reader is further down wait hidden, counted in a pill and in
// the tab's title, and are revealed when the reader comes back to the top (or clicks the pill).
import { plural } from '../lib/time.format.js';
import type { LivePage } from './live.context.js';

/** Whether the top of the list is on screen, in a visible tab. */
export function streamTopVisible(live: LivePage): boolean {
  return live.updates.getBoundingClientRect().top >= -1 && document.visibilityState === 'visible';
}

/** The pill and the "(n)" in the title, for the updates waiting. */
export function showPending(live: LivePage): void {
  const { pill, pillButton, baseTitle } = live;
  const n = live.pending.size;
  if (n === 0) {
    if (pill) pill.hidden = true;
    document.title = baseTitle;
    return;
  }
  if (pillButton) pillButton.textContent = plural(live.locale, n, live.m.newUpdates, live.digits);
  if (pill) pill.hidden = false;
  document.title = `(${n}) ${baseTitle}`;
}

function reveal(live: LivePage): void {
  for (const element of live.pending) element.hidden = false;
  live.pending.clear();
  showPending(live);
}

/** Screen readers hear a new update at once, even while it waits hidden. */
export function announce(live: LivePage, element: HTMLElement): void {
  if (!live.announcer) return;
  const headline = element.querySelector('.update-headline')?.textContent;
  const text = headline ?? element.querySelector('.update-body')?.textContent ?? '';
  live.announcer.textContent = `${live.m.newUpdates.one ?? ''}: ${text.slice(0, 200)}`;
}

export function bindReveal(live: LivePage): void {
  const { updates } = live;
  live.pillButton?.addEventListener('click', () => {
    reveal(live);
    updates.scrollIntoView({ block: 'start' });
    updates.querySelector<HTMLElement>('article')?.focus({ preventScroll: true });
  });
  const maybeReveal = () => {
    if (live.pending.size > 0 && streamTopVisible(live)) reveal(live);
  };
  window.addEventListener('scroll', maybeReveal, { passive: true });
  document.addEventListener('visibilitychange', maybeReveal);
}
