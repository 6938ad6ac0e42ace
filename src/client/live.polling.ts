// Polling, where the event stream keeps failing: the same events, asked for every few seconds (the
// server says how often), until the stream works again (live.stream.ts).
import { applyEvent } from './live.apply.js';
import type { LivePage } from './live.context.js';
import { connectionBack, connectionLost } from './live.connection.js';

interface PollReply {
  lastEventId: number;
  pollInterval: number;
  reset: boolean;
  events: { id: number; type: string; data: unknown }[];
}

async function poll(live: LivePage): Promise<void> {
  let interval = 5_000;
  try {
    const response = await fetch(
      `/live/${encodeURIComponent(live.slug)}/updates.json?after=${live.lastEventId}`,
    );
    if (response.ok) {
      const reply = (await response.json()) as PollReply;
      interval = reply.pollInterval;
      if (reply.reset) applyEvent(live, 'reset', reply.lastEventId, {});
      for (const event of reply.events) applyEvent(live, event.type, event.id, event.data);
      connectionBack(live);
    } else {
      connectionLost(live);
    }
  } catch {
    // Offline: try again after the interval.
    connectionLost(live);
  }
  if (!live.transport.stopped && live.body.dataset.liveState === 'polling') {
    live.transport.pollTimer = window.setTimeout(() => void poll(live), interval);
  }
}

export function startPolling(live: LivePage): void {
  live.body.dataset.liveState = 'polling';
  void poll(live);
}
