// What the live-delivery routes ask of the database: the page a reader follows, and for the
// polling fallback the events after a sequence number. The SSE replay itself stays in the hub
// (realtime.hub.ts), which reads the events table once per channel, not per reader.
import type { Db } from '../storage/storage.database.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { liveblogBySlugOr404 } from '../liveblog/liveblog.lookup.js';
import { createEventRepository, type LiveEvent } from './realtime.repository.js';

/** The most events one poll returns; the poller asks again from the last one. */
const POLL_BATCH = 200;

export type Poll =
  /** The poller already holds this answer (its If-None-Match named it): nothing is read. */
  | { readonly etag: string; readonly unchanged: true }
  | {
      readonly etag: string;
      readonly unchanged: false;
      /** Where the poller stands after this answer. */
      readonly lastEventId: number;
      /** Too far behind (or ahead): reload the first page instead of replaying. */
      readonly reset: boolean;
      readonly events: readonly LiveEvent[];
    };

export interface PollRequest {
  /** The poller's newest event. */
  readonly after: number;
  /** Further behind than this and the poller is told to reset (the hub's limit). */
  readonly maxReplay: number;
  /** The ETag the poller already has, if any. */
  readonly etag: string | undefined;
}

export function createRealtimeService({ db }: { readonly db: Db }) {
  const events = createEventRepository();

  return {
    /** The live page a stream is opened for (404 if there is none): its id and newest event. */
    page: (slug: string): Promise<Liveblog> => liveblogBySlugOr404(db, slug),

    /** The events a poller missed, or `unchanged` when it already holds this answer. */
    async poll(slug: string, { after, maxReplay, etag: seen }: PollRequest): Promise<Poll> {
      const liveblog = await liveblogBySlugOr404(db, slug);
      const etag = `"${liveblog.id}-${liveblog.lastSeq}-${after}"`;
      if (seen === etag) return { etag, unchanged: true };
      const reset = after > liveblog.lastSeq || liveblog.lastSeq - after > maxReplay;
      const list = reset ? [] : await events.after(db, liveblog.id, after, POLL_BATCH);
      return {
        etag,
        unchanged: false,
        lastEventId: reset ? liveblog.lastSeq : (list.at(-1)?.seq ?? after),
        reset,
        events: list,
      };
    },
  };
}

export type RealtimeService = ReturnType<typeof createRealtimeService>;
