// The live-delivery hub of one process. Readers of a page share one channel; when the bus rings,
// the channel reads the new events from the database ONCE and writes the same bytes to every
// reader. Replays after a reconnect come from the events table, never from memory.
import type { Socket } from 'node:net';
import type { Db } from '../storage/storage.database.js';
import { isPageRing, type Bus, type BusMessage, type PageRing } from './realtime.bus.js';
import { createEventRepository, type LiveEvent } from './realtime.repository.js';

export interface HubOptions {
  /** A reader further behind than this is told to reload instead of being replayed. */
  readonly maxReplay: number;
  readonly heartbeatMs: number;
  /** Each active channel also checks the database this often, repairing lost doorbells. */
  readonly sweepMs: number;
  /** A reader whose unsent bytes pass this is dropped; it will resume from its last id. */
  readonly maxBufferedBytes: number;
  /**
   * How long a reader may keep a full socket buffer before it is dropped (at the next write to
   * it, an event or a heartbeat: no timer is kept per reader).
   */
  readonly drainTimeoutMs: number;
  readonly maxPerAddress: number;
  /**
   * Readers written in one turn of the event loop. A page with 15,000 readers here would
   * otherwise hold the process for the whole fan-out, and the newsroom's next publish, the
   * bus's next ring and every page request would wait behind it.
   */
  readonly sliceReaders: number;
  /** The retry hint (ms) given to readers when this process shuts down. */
  readonly shutdownRetryMs: number;
  /** Told how long each fan-out took (seconds), for the metrics. */
  readonly observeFanout?: (seconds: number) => void;
  /** Told, per broadcast event, how many readers got it and when it was committed (metrics). */
  readonly observeDelivery?: (readers: number, committedAt: Date) => void;
}

export const defaultHubOptions: HubOptions = {
  maxReplay: 500,
  heartbeatMs: 20_000,
  sweepMs: 3_000,
  maxBufferedBytes: 512 * 1024,
  drainTimeoutMs: 15_000,
  maxPerAddress: 200,
  sliceReaders: 1_000,
  shutdownRetryMs: 2_000,
};

interface Reader {
  /** The reader's socket itself: the response head is written by the route, events go raw. */
  readonly res: Socket;
  readonly address: string;
  lastSeq: number;
  /** False while its replay runs: broadcasts skip it, the replay loop catches it up. */
  live: boolean;
  /** When a write last found its socket buffer full (ms since the epoch); 0 while it drains. */
  fullSince: number;
}

interface Channel {
  readonly liveblogId: number;
  readonly readers: Set<Reader>;
  /** The newest seq this channel has written out (or found when it opened). */
  lastSent: number;
  /** When every reader last got bytes (ms since the epoch): a busy page needs no heartbeat. */
  wroteAt: number;
  /** A fetch is running; `wanted` records a ring that came meanwhile. */
  fetching: boolean;
  wanted: number;
}

const HEARTBEAT = Buffer.from(':\n\n');
/** Events read from the table at a time, by the pump and by a replay. */
const EVENT_BATCH = 200;
const nextTurn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/** One SSE event; a line break in the data becomes another `data:` line, never a new field. */
export function frameOf(event: { seq: number; type: string; data: string }): Buffer {
  const type = event.type.replace(/[\r\n]/g, '');
  const data = event.data.split(/\r\n|\r|\n/).join('\ndata: ');
  return Buffer.from(`id: ${event.seq}\nevent: ${type}\ndata: ${data}\n\n`);
}

/** Events written together: their frames, and all of them as one Buffer. */
export interface Run {
  readonly events: readonly LiveEvent[];
  readonly frames: readonly Buffer[];
  readonly bytes: Buffer;
}

/**
 * Cuts events into runs of at most `maxBytes` of frames each (an event larger than that is a run
 * of its own), so a burst costs each reader a few writes while no single write is so large that
 * it alone passes a reader's buffer limit.
 */
export function runsOf(list: readonly LiveEvent[], maxBytes: number): Run[] {
  const runs: Run[] = [];
  let events: LiveEvent[] = [];
  let frames: Buffer[] = [];
  let size = 0;
  const close = () => {
    if (frames.length === 0) return;
    const bytes = frames.length === 1 && frames[0] ? frames[0] : Buffer.concat(frames, size);
    runs.push({ events, frames, bytes });
    events = [];
    frames = [];
    size = 0;
  };
  for (const event of list) {
    const frame = frameOf(event);
    if (size > 0 && size + frame.length > maxBytes) close();
    events.push(event);
    frames.push(frame);
    size += frame.length;
  }
  close();
  return runs;
}

export interface HubStats {
  readonly readers: number;
  readonly channels: number;
}

export function createHub(db: Db, bus: Bus, options: HubOptions = defaultHubOptions) {
  const events = createEventRepository();
  const channels = new Map<number, Channel>();
  const perAddress = new Map<string, number>();
  let closed = false;
  const onError = (error: unknown) => {
    errorHandler(error);
  };
  let errorHandler: (error: unknown) => void = () => undefined;
  // A run stays well inside a reader's buffer limit.
  const runBytes = Math.max(16 * 1024, Math.floor(options.maxBufferedBytes / 8));

  /**
   * One write to one reader. A reader whose unsent bytes would pass maxBufferedBytes, or whose
   * buffer has stayed full for drainTimeoutMs, is cut instead: one slow phone must not hold
   * memory or delay the others, and it resumes by id. Checked here rather than by a timer and a
   * 'drain' listener per reader, which cost the most exactly when many readers lag.
   */
  function write(reader: Reader, bytes: Buffer, at: number): void {
    const { res } = reader;
    if (res.destroyed || res.writableEnded) return;
    const pending = res.writableLength;
    if (pending === 0) reader.fullSince = 0;
    else if (
      pending + bytes.length > options.maxBufferedBytes ||
      (reader.fullSince > 0 && at - reader.fullSince > options.drainTimeoutMs)
    ) {
      res.destroy();
      return;
    }
    if (!res.write(bytes) && reader.fullSince === 0) reader.fullSince = at;
  }

  /**
   * Writes a run of new events to every live reader: each event is framed once, the run is one
   * Buffer shared by all, and each reader gets one write (one syscall) for the whole run. The
   * pump awaits it, so a page's runs never overlap and every reader gets them in order.
   */
  async function broadcastRun(channel: Channel, run: Run): Promise<void> {
    const { events: list, frames, bytes } = run;
    const at = Date.now();
    const first = list[0]?.seq ?? 0;
    const last = list[list.length - 1]?.seq ?? 0;
    // Marked sent before the first write: a reader whose replay ends while this run is being
    // written sees it is behind and reads these events itself (join's loop), so none is missed.
    channel.lastSent = last;
    channel.wroteAt = at;
    let written = 0;
    // How many readers got each event: all of the run, plus those that had part of it already.
    let full = 0;
    const partial = new Array<number>(list.length).fill(0);
    for (const reader of channel.readers) {
      if (!reader.live || reader.lastSeq >= last) continue;
      if (reader.lastSeq < first) {
        write(reader, bytes, at);
        full++;
      } else {
        // Its replay ran ahead of this channel: only the rest of the run is new to it.
        const from = list.findIndex((event) => event.seq > reader.lastSeq);
        write(reader, Buffer.concat(frames.slice(from)), at);
        for (let i = from; i < list.length; i++) partial[i] = (partial[i] ?? 0) + 1;
      }
      reader.lastSeq = last;
      if (++written % options.sliceReaders === 0) await nextTurn();
    }
    list.forEach((event, i) =>
      options.observeDelivery?.(full + (partial[i] ?? 0), event.createdAt),
    );
  }

  async function broadcast(channel: Channel, list: readonly LiveEvent[]): Promise<void> {
    const t0 = performance.now();
    for (const run of runsOf(list, runBytes)) await broadcastRun(channel, run);
    options.observeFanout?.((performance.now() - t0) / 1000);
  }

  /** Reads everything after lastSent and broadcasts it; coalesces rings that come meanwhile. */
  async function pump(channel: Channel): Promise<void> {
    if (channel.fetching) return;
    channel.fetching = true;
    try {
      while (channel.wanted > channel.lastSent && channels.get(channel.liveblogId) === channel) {
        const list = await events.after(db, channel.liveblogId, channel.lastSent, EVENT_BATCH);
        if (list.length === 0) break;
        await broadcast(channel, list);
      }
    } finally {
      channel.fetching = false;
    }
  }

  function ring(message: PageRing): void {
    const channel = channels.get(message.liveblogId);
    if (!channel || message.seq <= channel.lastSent) return;
    channel.wanted = Math.max(channel.wanted, message.seq);
    pump(channel).catch(onError);
  }

  const unsubscribe = bus.subscribe((message: BusMessage) => {
    if (isPageRing(message)) ring(message);
  });

  /**
   * A replay from one event of a page: readers asking from the same event at the same moment (a
   * lost node's readers coming back, or a push alert's readers, whose pages all carry the same
   * last event) share one query and its runs.
   */
  const replays = new Map<string, Promise<{ list: LiveEvent[]; runs: Run[] }>>();
  function replayAfter(liveblogId: number, after: number) {
    const key = `${String(liveblogId)}:${String(after)}`;
    let running = replays.get(key);
    if (!running) {
      running = events
        .after(db, liveblogId, after, EVENT_BATCH)
        .then((list) => ({ list, runs: runsOf(list, runBytes) }))
        .finally(() => replays.delete(key));
      replays.set(key, running);
    }
    return running;
  }

  /** One query for every open channel, however many pages this process serves. */
  async function sweepChannels(): Promise<void> {
    if (channels.size === 0) return;
    const seqs = await events.lastSeqs(db, [...channels.keys()]);
    for (const [liveblogId, seq] of seqs) ring({ liveblogId, seq });
  }

  const sweep = setInterval(() => {
    sweepChannels().catch(onError);
  }, options.sweepMs);
  sweep.unref();

  // Every half period, a comment line to each page that has been quiet for half a period: no
  // stream is silent for a whole period, and a page with events flowing costs no extra writes.
  const heartbeat = setInterval(() => {
    const at = Date.now();
    for (const channel of channels.values()) {
      if (at - channel.wroteAt < options.heartbeatMs / 2) continue;
      channel.wroteAt = at;
      for (const reader of channel.readers) write(reader, HEARTBEAT, at);
    }
  }, options.heartbeatMs / 2);
  heartbeat.unref();

  function leave(channel: Channel, reader: Reader): void {
    if (!channel.readers.delete(reader)) return;
    const count = (perAddress.get(reader.address) ?? 1) - 1;
    if (count <= 0) perAddress.delete(reader.address);
    else perAddress.set(reader.address, count);
    if (channel.readers.size === 0) channels.delete(channel.liveblogId);
  }

  return {
    maxReplay: options.maxReplay,

    onError(handler: (error: unknown) => void) {
      errorHandler = handler;
    },

    /** May this address open another stream? */
    admits(address: string): boolean {
      return !closed && (perAddress.get(address) ?? 0) < options.maxPerAddress;
    },

    /**
     * Attaches a reader whose headers are already written. `from` is the last seq it has.
     * Replays what it missed from the database, then makes it live.
     */
    async join(liveblogId: number, currentSeq: number, res: Socket, address: string, from: number) {
      let channel = channels.get(liveblogId);
      if (!channel) {
        channel = {
          liveblogId,
          readers: new Set(),
          lastSent: currentSeq,
          wroteAt: 0,
          fetching: false,
          wanted: currentSeq,
        };
        channels.set(liveblogId, channel);
      }
      const reader: Reader = { res, address, lastSeq: from, live: false, fullSince: 0 };
      channel.readers.add(reader);
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      const joined = channel;
      res.on('close', () => {
        leave(joined, reader);
      });

      const newest = Math.max(currentSeq, channel.lastSent);
      if (from > newest || newest - from > options.maxReplay) {
        // Too far behind (or from another history): the client reloads the first page.
        write(
          reader,
          frameOf({ seq: newest, type: 'reset', data: JSON.stringify({ lastEventId: newest }) }),
          Date.now(),
        );
        reader.lastSeq = newest;
      }
      write(
        reader,
        Buffer.from(`event: ready\ndata: ${JSON.stringify({ from: reader.lastSeq })}\n\n`),
        Date.now(),
      );
      // Catch up from the events table until nothing is left, then go live in the same tick.
      for (;;) {
        if (res.destroyed) return;
        const { list, runs } = await replayAfter(liveblogId, reader.lastSeq);
        // One write per run of the replay, not one per event.
        for (const run of runs) write(reader, run.bytes, Date.now());
        if (list.length > 0) reader.lastSeq = list[list.length - 1]?.seq ?? reader.lastSeq;
        if (list.length < EVENT_BATCH && reader.lastSeq >= joined.lastSent) {
          reader.live = true;
          return;
        }
      }
    },

    stats(): HubStats {
      let readers = 0;
      for (const channel of channels.values()) readers += channel.readers.size;
      return { readers, channels: channels.size };
    },

    /** Readers per live page (by id), for the metrics. */
    readersByPage(): [liveblogId: number, readers: number][] {
      return [...channels.values()].map((channel) => [channel.liveblogId, channel.readers.size]);
    },

    readersOf(liveblogId: number): number {
      return channels.get(liveblogId)?.readers.size ?? 0;
    },

    /** Tells every reader to reconnect (to another node) and ends the streams. */
    close(): void {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(sweep);
      clearInterval(heartbeat);
      const bye = Buffer.from(
        `retry: ${options.shutdownRetryMs}\nevent: shutdown\ndata: ${JSON.stringify({ retry: options.shutdownRetryMs })}\n\n`,
      );
      const ending: Socket[] = [];
      for (const channel of channels.values()) {
        for (const reader of channel.readers) {
          if (!reader.res.destroyed) {
            reader.res.end(bye);
            ending.push(reader.res);
          }
        }
      }
      channels.clear();
      // A reader that does not read cannot receive the goodbye: do not let it hold the shutdown.
      if (ending.length > 0) {
        setTimeout(() => {
          for (const socket of ending) socket.destroy();
        }, 1_000).unref();
      }
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
