// The hint under the stream's title when the connection drops («reconnecting…») and when it is
// back and the missed events are replayed («caught up»), announced politely to screen readers.
import { liveText } from '../lib/i18n.live.messages.js';
import type { LivePage } from './live.context.js';
import { byId } from './live.dom.js';

const CAUGHT_UP_SHOWN_MS = 5_000;

function hint(): HTMLElement | null {
  return byId('live-connection');
}

export function connectionLost(live: LivePage): void {
  const element = hint();
  live.transport.lost = true;
  if (!element || element.dataset.state === 'lost') return;
  window.clearTimeout(live.transport.hintTimer);
  element.textContent = liveText(live.locale).reconnecting;
  element.dataset.state = 'lost';
  element.hidden = false;
}

/** The stream (or a poll) answered again: say so for a moment, then step aside. */
export function connectionBack(live: LivePage): void {
  if (!live.transport.lost) return;
  live.transport.lost = false;
  const element = hint();
  if (!element) return;
  element.textContent = liveText(live.locale).caughtUp;
  element.dataset.state = 'back';
  element.hidden = false;
  window.clearTimeout(live.transport.hintTimer);
  live.transport.hintTimer = window.setTimeout(() => {
    element.hidden = true;
    delete element.dataset.state;
  }, CAUGHT_UP_SHOWN_MS);
}
