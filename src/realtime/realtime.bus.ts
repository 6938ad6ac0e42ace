// The doorbell that wakes live-delivery hubs after a commit. It carries only
// "page N has events up to seq S"; hubs always read the events from the database,
// so a lost or duplicated ring never loses or duplicates an update.
import { EventEmitter } from 'node:events';

export interface BusMessage {
  readonly liveblogId: number;
  readonly seq: number;
}

export type BusHandler = (message: BusMessage) => void;

export interface Bus {
  /** Rings after a transaction has committed. Never throws: a lost ring is repaired by the hubs' polling. */
  publish(message: BusMessage): Promise<void>;
  subscribe(handler: BusHandler): () => void;
  close(): Promise<void>;
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
    const { liveblogId, seq } = value as Record<string, unknown>;
    if (!Number.isSafeInteger(liveblogId) || !Number.isSafeInteger(seq)) return undefined;
    return { liveblogId: liveblogId as number, seq: seq as number };
  } catch {
    return undefined;
  }
}
