// The live client's shared context on the first page of a live blog that is live: its elements,
// the updates waiting to be shown, the last event applied and the transport's state. Every part
// takes this one object, so nothing is shared through module-level variables.
import type { UiLocale } from '../lib/i18n.messages.js';
import { isUiLocale, liveText } from '../lib/i18n.live.messages.js';
import { byId } from './live.dom.js';

import type { LiveMessages } from '../lib/i18n.live.messages.js';

/** The event stream or the polling that stands in for it (live.stream.ts, live.polling.ts). */
export interface Transport {
  source: EventSource | null;
  failures: number;
  stopped: boolean;
  pollTimer: number | undefined;
  retryTimer: number | undefined;
  /** Whether the reader was told the connection dropped (live.connection.ts). */
  lost: boolean;
  hintTimer: number | undefined;
}

export interface LivePage {
  readonly slug: string;
  readonly locale: UiLocale;
  readonly digits: 'latn' | 'arab';
  readonly m: LiveMessages;
  /** The reader's view of the stream (the page's address): key events only, oldest first. */
  readonly keyEventsOnly: boolean;
  readonly oldestFirst: boolean;
  readonly body: HTMLElement;
  /** The list of updates (#updates). */
  readonly updates: HTMLElement;
  readonly baseTitle: string;
  /** New updates placed but hidden until the reader is back at the top. */
  readonly pending: Set<HTMLElement>;
  readonly pill: HTMLElement | null;
  readonly pillButton: HTMLButtonElement | null;
  readonly announcer: HTMLElement | null;
  /** The sequence number of the last event applied, sent on every reconnect and poll. */
  lastEventId: number;
  readonly transport: Transport;
}

export function pageLocale(): UiLocale {
  const localeAttr = document.body.dataset.locale ?? 'ar';
  return isUiLocale(localeAttr) ? localeAttr : 'ar';
}

/**
 * The live context, or null where the page does not follow the stream: the server says which
 * pages do (<body data-follow>): the first page newest first, the last page oldest first, of a
 * live blog that is live.
 */
export function openLivePage(locale: UiLocale): LivePage | null {
  const body = document.body;
  const slug = body.dataset.liveblog;
  const updates = byId('updates');
  if (!slug || !updates || body.dataset.follow !== '1' || body.dataset.status !== 'live')
    return null;
  const pill = byId('new-updates-pill');
  return {
    slug,
    locale,
    digits: body.dataset.digits === 'arab' ? 'arab' : 'latn',
    m: liveText(locale),
    keyEventsOnly: body.dataset.filter === 'key',
    oldestFirst: body.dataset.sort === 'oldest',
    body,
    updates,
    baseTitle: document.title,
    pending: new Set<HTMLElement>(),
    pill,
    pillButton: pill?.querySelector('button') ?? null,
    announcer: byId('live-announcer'),
    lastEventId: Number(body.dataset.lastEventId ?? '0'),
    transport: {
      source: null,
      failures: 0,
      stopped: false,
      pollTimer: undefined,
      retryTimer: undefined,
      lost: false,
      hintTimer: undefined,
    },
  };
}

/** The live blog is no longer live: no more stream, polls or retries. */
export function stopTransport(live: LivePage): void {
  const { transport } = live;
  transport.stopped = true;
  transport.source?.close();
  window.clearTimeout(transport.pollTimer);
  window.clearTimeout(transport.retryTimer);
}
