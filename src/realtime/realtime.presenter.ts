// The polling fallback's answer as JSON text. The stored event data is already JSON (exactly
// what the stream sends), so it is spliced in rather than parsed and serialised again.
import type { LiveEvent } from './realtime.repository.js';

export interface PollBody {
  readonly lastEventId: number;
  /** Milliseconds the client should wait before polling again. */
  readonly pollInterval: number;
  readonly reset: boolean;
  readonly events: readonly Pick<LiveEvent, 'seq' | 'type' | 'data'>[];
}

export function presentPoll(poll: PollBody): string {
  return (
    `{"lastEventId":${poll.lastEventId},` +
    `"pollInterval":${poll.pollInterval},"reset":${poll.reset},"events":[` +
    poll.events
      .map((e) => `{"id":${e.seq},"type":${JSON.stringify(e.type)},"data":${e.data}}`)
      .join(',') +
    ']}'
  );
}
