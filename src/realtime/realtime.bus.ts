// The doorbell that wakes live-delivery hubs after a commit. It carries only
// "page N has events up to seq S"; hubs always read the events from the database,
// so a lost or duplicated ring never loses or duplicates an update.
import { EventEmitter } from 'node:events';
import { parseStaffNote, type StaffNote } from './realtime.staff-note.js';

/** "Page N has events up to seq S." */
export interface PageRing {
  readonly liveblogId: number;
  readonly seq: number;
}

/** The staff stream's notes (desk events up to an id, presence, ending streams). */
export interface StaffRing {
  readonly staff: StaffNote;
}

export type BusMessage = PageRing | StaffRing;

export function isPageRing(message: BusMessage): message is PageRing {
  return 'liveblogId' in message;
}

export type BusHandler = (message: BusMessage) => void;

export interface Bus {
  /** Rings after a transaction has committed. Never throws: a lost ring is repaired by the hubs' polling. */
  publish(message: BusMessage): Promise<void>;
  subscribe(handler: BusHandler): () => void;
  close(): Promise<void>;
  /** Rejects when the bus's server cannot be reached (readiness); absent for in-process buses. */
  check?(): Promise<void>;
}

/** One process: an EventEmitter. */
export function createMemoryBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(message) {
      emitter.emit('message', message);
      return Promise.resolve();
    },
    subscribe(handler) {
      emitter.on('message', handler);
      return () => emitter.off('message', handler);
    },
    close() {
      emitter.removeAllListeners();
      return Promise.resolve();
    },
  };
}

export function parseBusMessage(raw: string): BusMessage | undefined {
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    if ('staff' in value) {
      const staff = parseStaffNote(value.staff);
      return staff ? { staff } : undefined;
    }
    const { liveblogId, seq } = value as Record<string, unknown>;
    if (!Number.isSafeInteger(liveblogId) || !Number.isSafeInteger(seq)) return undefined;
    return { liveblogId: liveblogId as number, seq: seq as number };
  } catch {
    return undefined;
  }
}

const CHANNEL = 'ajil:events';

/**
 * Across nodes: Redis pub/sub. At most once — a ring lost in a Redis restart is repaired by
 * the hubs' sweep, since the events themselves are always read from the database.
 */
export async function createRedisBus(url: string, onError: (error: unknown) => void): Promise<Bus> {
  const { Redis } = await import('ioredis');
  const options = { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: true };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  publisher.on('error', onError);
  subscriber.on('error', onError);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(CHANNEL);
  const local = createMemoryBus();
  subscriber.on('message', (_channel: string, raw: string) => {
    const message = parseBusMessage(raw);
    if (message) void local.publish(message);
  });
  return {
    async publish(message) {
      try {
        await publisher.publish(CHANNEL, JSON.stringify(message));
      } catch (error) {
        onError(error);
        // Still wake this node's own readers at once.
        await local.publish(message);
      }
    },
    subscribe: (handler) => local.subscribe(handler),
    async check() {
      if (subscriber.status !== 'ready')
        throw new Error(`Redis subscriber is ${subscriber.status}`);
      await publisher.ping();
    },
    async close() {
      await local.close();
      subscriber.disconnect();
      publisher.disconnect();
      return Promise.resolve();
    },
  };
}

interface ClusterEnvelope {
  readonly ajilBus: BusMessage;
}

function isEnvelope(value: unknown): value is ClusterEnvelope {
  return typeof value === 'object' && value !== null && 'ajilBus' in value;
}

/** Workers of one machine without Redis: rings go through the primary, which relays to all. */
export function createClusterWorkerBus(): Bus {
  const local = createMemoryBus();
  const onMessage = (value: unknown) => {
    if (isEnvelope(value)) void local.publish(value.ajilBus);
  };
  process.on('message', onMessage);
  return {
    publish(message) {
      if (process.send) process.send({ ajilBus: message } satisfies ClusterEnvelope);
      else void local.publish(message);
      return Promise.resolve();
    },
    subscribe: (handler) => local.subscribe(handler),
    close() {
      process.off('message', onMessage);
      return local.close();
    },
  };
}

/** In the primary: relays every worker's ring to every worker (itself included). */
export function relayClusterBus(
  workers: () => Iterable<{ send(message: unknown): boolean }>,
  value: unknown,
): void {
  if (!isEnvelope(value)) return;
  for (const worker of workers()) worker.send(value);
}
