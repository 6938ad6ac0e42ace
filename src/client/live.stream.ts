// The event stream, with our own reconnect loop: a browser EventSource gives up for good after one
// non-200 reply (such as a 503 during a deploy), so every error closes it and we reconnect with our
// last event id after a jittered backoff; after a few failures in a row, polling takes over.
import { EVENT_TYPES } from '../realtime/realtime.events.js';
import { applyEvent } from './live.apply.js';
import type { LivePage } from './live.context.js';
import { startPolling } from './live.polling.js';
import { connectionBack, connectionLost } from './live.connection.js';

const STREAM_FAILURES_BEFORE_POLLING = 3;
const RETRY_STREAM_WHILE_POLLING_MS = 60_000;

function backoff(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** attempt);
  return base / 2 + Math.random() * base; // jitter: a restart must not bring every reader back at once
}

function schedule(live: LivePage, ms: number): void {
  window.clearTimeout(live.transport.retryTimer);
  live.transport.retryTimer = window.setTimeout(() => {
    connect(live);
  }, ms);
}

/** Whatever the browser would do next, we decide: close, back off, reconnect with our id. */
function failed(live: LivePage, stream: EventSource): void {
  const { transport, body } = live;
  stream.close();
  transport.failures++;
  body.dataset.liveState = 'retrying';
  connectionLost(live);
  if (transport.failures >= STREAM_FAILURES_BEFORE_POLLING) {
    startPolling(live);
    // Keep trying the stream now and then; a good connection ends polling.
    schedule(live, RETRY_STREAM_WHILE_POLLING_MS);
    transport.failures = 0;
    return;
  }
  schedule(live, backoff(transport.failures));
}

export function connect(live: LivePage): void {
  const { transport, body } = live;
  if (transport.stopped) return;
  const url = `/live/${encodeURIComponent(live.slug)}/events?lastEventId=${live.lastEventId}`;
  const stream = new EventSource(url);
  transport.source = stream;
  const handler = (event: MessageEvent<string>) => {
    transport.failures = 0;
    const seq = event.lastEventId ? Number(event.lastEventId) : undefined;
    applyEvent(live, event.type, seq, JSON.parse(event.data));
  };
  for (const type of [...EVENT_TYPES, 'reset']) {
    stream.addEventListener(type, handler);
  }
  stream.addEventListener('ready', () => {
    transport.failures = 0;
    body.dataset.liveState = 'stream';
    // The replay of what was missed follows "ready" at once, in the same stream.
    connectionBack(live);
  });
  stream.addEventListener('shutdown', (event: MessageEvent<string>) => {
    const { retry } = JSON.parse(event.data) as { retry: number };
    stream.close();
    schedule(live, retry / 2 + Math.random() * retry);
  });
  stream.onerror = () => {
    failed(live, stream);
  };
}
