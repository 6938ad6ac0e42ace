// The staff stream's hub in one process. Like the readers' hub, a ring makes it read the new
// desk events from the database once and write each frame's same bytes to every staff stream
// that may see it (by role, page and authorship). Presence travels over the bus only: each
// stream is announced every few seconds with an expiry, so the desk is the same on every node.
// Each stream belongs to a session: ending the session (or the role) ends the stream at once.
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Db } from '../storage/storage.database.js';
import { can, type Role } from '../access/access.policy.js';
import type { Bus, BusMessage } from './realtime.bus.js';
import { frameOf } from './realtime.hub.js';
import type { DeskEventData } from './realtime.desk-events.js';
import { createDeskEventRepository, type DeskEvent } from './realtime.staff.repository.js';
import type { EndStreams, PresenceNote, StaffNote } from './realtime.staff-note.js';
import { createPresenceBoard } from './realtime.presence.js';

export interface StaffHubOptions {
  readonly maxReplay: number;
  readonly heartbeatMs: number;
  readonly sweepMs: number;
  /** How often each stream's presence is announced; a note holds for three times this. */
  readonly presenceMs: number;
  /** How often the sessions behind open streams are checked again (the repair for a lost end). */
  readonly recheckMs: number;
  readonly maxBufferedBytes: number;
}

export const defaultStaffHubOptions: StaffHubOptions = {
  maxReplay: 500,
  heartbeatMs: 20_000,
  sweepMs: 3_000,
  presenceMs: 10_000,
  recheckMs: 5_000,
  maxBufferedBytes: 512 * 1024,
};

/** Who holds a stream, as the route found them. */
export interface StaffViewer {
  readonly sessionHash: string;
  readonly userId: number;
  readonly name: string;
  readonly role: Role;
}

/** Which of the open streams' sessions still stand, with the same role. */
export type SessionCheck = (viewers: readonly StaffViewer[]) => Promise<ReadonlySet<string>>;

interface StaffReader extends StaffViewer {
  readonly socket: Socket;
  readonly conn: string;
  /** The live page of a page's desk; null for the site-wide stream. */
  readonly scope: number | null;
  lastId: number;
  live: boolean;
  updateId: number | null;
}

interface Parsed {
  readonly bytes: Buffer;
  readonly data: DeskEventData;
}

/** May this reader see this event? By page, then by audience. */
export function sees(reader: StaffViewer & { scope: number | null }, data: DeskEventData): boolean {
  if (reader.scope !== null && data.liveblogId !== reader.scope) return false;
  const actor = { role: reader.role };
  switch (data.audience) {
    case 'desk':
      return can({ ...actor, kind: 'user', id: reader.userId, name: '' }, 'draft.write');
    case 'review':
      return (
        can({ ...actor, kind: 'user', id: reader.userId, name: '' }, 'draft.review') ||
        (data.authorId !== undefined && data.authorId === reader.userId)
      );
    case 'moderation':
      return can({ ...actor, kind: 'user', id: reader.userId, name: '' }, 'comment.moderate');
  }
}

const HEARTBEAT = Buffer.from(':\n\n');

function control(type: string, data: unknown): Buffer {
  return Buffer.from(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function createStaffHub(
  db: Db,
  bus: Bus,
  checkSessions: SessionCheck,
  options: StaffHubOptions = defaultStaffHubOptions,
) {
  const desk = createDeskEventRepository();
  const readers = new Set<StaffReader>();
  const board = createPresenceBoard();
  let lastSent = 0;
  let wanted = 0;
  let fetching = false;
  let closed = false;
  let errorHandler: (error: unknown) => void = () => undefined;
  const onError = (error: unknown) => {
    errorHandler(error);
  };

  function write(reader: StaffReader, bytes: Buffer): void {
    const { socket } = reader;
    if (socket.destroyed || socket.writableEnded) return;
    if (socket.writableLength + bytes.length > options.maxBufferedBytes) socket.destroy();
    else socket.write(bytes);
  }

  function parse(event: DeskEvent): Parsed {
    return {
      bytes: frameOf({ seq: event.id, ...event }),
      data: JSON.parse(event.data) as DeskEventData,
    };
  }

  function deliver(event: Parsed, reader: StaffReader): void {
    if (reader.lastId >= event.data.id) return;
    reader.lastId = event.data.id;
    if (sees(reader, event.data)) write(reader, event.bytes);
  }

  async function pump(): Promise<void> {
    if (fetching) return;
    fetching = true;
    try {
      while (wanted > lastSent && readers.size > 0) {
        const list = await desk.after(db, lastSent, 200);
        if (list.length === 0) break;
        for (const event of list.map(parse)) {
          for (const reader of readers) if (reader.live) deliver(event, reader);
          lastSent = event.data.id;
        }
      }
    } finally {
      fetching = false;
    }
  }

  function ring(id: number): void {
    if (id <= lastSent) return;
    wanted = Math.max(wanted, id);
    pump().catch(onError);
  }

  function sendPresence(): void {
    const cache = new Map<number | null, Buffer>();
    for (const reader of readers) {
      if (!reader.live) continue;
      let bytes = cache.get(reader.scope);
      if (!bytes) {
        bytes = control('presence', { people: board.people(reader.scope) });
        cache.set(reader.scope, bytes);
      }
      write(reader, bytes);
    }
  }

  function onPresence(note: PresenceNote): void {
    for (const reader of readers) {
      // Only the stream's own person may say which update they have open.
      if (reader.conn === note.conn && reader.userId === note.userId && note.ttlMs > 0)
        reader.updateId = note.updateId;
    }
    if (board.connOwner(note.conn) !== undefined && board.connOwner(note.conn) !== note.userId)
      return;
    if (board.note(note)) sendPresence();
  }

  function end(target: EndStreams): void {
    for (const reader of readers) {
      const match =
        (target.userId !== undefined && reader.userId === target.userId) ||
        (target.sessionHash !== undefined && reader.sessionHash === target.sessionHash);
      if (match) {
        readers.delete(reader);
        if (!reader.socket.destroyed) reader.socket.end(control('signedout', {}));
        void announce(reader, 0);
      }
    }
  }

  function onNote(note: StaffNote): void {
    if ('desk' in note) ring(note.desk);
    else if ('presence' in note) onPresence(note.presence);
    else end(note.end);
  }

  function announce(reader: StaffReader, ttlMs: number): Promise<void> {
    const { conn, userId, name, scope, updateId } = reader;
    return bus.publish({
      staff: { presence: { conn, userId, name, liveblogId: scope, updateId, ttlMs } },
    });
  }

  const unsubscribe = bus.subscribe((message: BusMessage) => {
    if ('staff' in message) onNote(message.staff);
  });

  const timers = [
    setInterval(() => {
      if (readers.size > 0) desk.lastId(db).then(ring).catch(onError);
    }, options.sweepMs),
    setInterval(() => {
      for (const reader of readers) write(reader, HEARTBEAT);
    }, options.heartbeatMs),
    setInterval(() => {
      for (const reader of readers) announce(reader, options.presenceMs * 3).catch(onError);
      if (board.expire()) sendPresence();
    }, options.presenceMs),
    setInterval(() => {
      if (readers.size > 0) recheck().catch(onError);
    }, options.recheckMs),
  ];
  for (const timer of timers) timer.unref();

  async function recheck(): Promise<void> {
    const list = [...readers];
    const valid = await checkSessions(list);
    for (const reader of list)
      if (!valid.has(reader.sessionHash)) end({ sessionHash: reader.sessionHash });
  }

  async function replay(reader: StaffReader, from: number): Promise<void> {
    reader.lastId = from;
    for (;;) {
      if (reader.socket.destroyed) return;
      const list = await desk.after(db, reader.lastId, 200);
      for (const event of list.map(parse)) deliver(event, reader);
      if (list.length < 200 && reader.lastId >= lastSent) {
        reader.live = true; // in the same tick as the last check: no broadcast can slip between
        return;
      }
    }
  }

  return {
    onError(handler: (error: unknown) => void) {
      errorHandler = handler;
    },

    /** The newest desk event id (where a stream opened without an id starts). */
    lastId: () => desk.lastId(db),

    /**
     * Attaches a stream whose head is written: `ready` (with the connection's id), the replay
     * after `from`, then live events and presence.
     */
    async join(
      viewer: StaffViewer,
      scope: number | null,
      socket: Socket,
      from: number | undefined,
    ) {
      const newest = await desk.lastId(db);
      if (readers.size === 0) {
        // Nobody was listening here: there is nothing older to send to anyone.
        lastSent = Math.max(lastSent, newest);
        wanted = Math.max(wanted, newest);
      }
      const conn = randomBytes(12).toString('base64url');
      const reader: StaffReader = {
        ...viewer,
        socket,
        conn,
        scope,
        lastId: newest,
        live: false,
        updateId: null,
      };
      readers.add(reader);
      socket.on('close', () => {
        if (readers.delete(reader)) announce(reader, 0).catch(onError);
      });
      let start = from ?? newest;
      if (start > newest || newest - start > options.maxReplay) {
        write(reader, control('reset', { lastEventId: newest }));
        start = newest;
      }
      write(reader, control('ready', { conn, from: start }));
      await replay(reader, start);
      await announce(reader, options.presenceMs * 3);
      write(reader, control('presence', { people: board.people(scope) }));
    },

    /** A person says which update they have open on a stream of theirs (any node's stream). */
    async open(
      viewer: StaffViewer,
      conn: string,
      liveblogId: number | null,
      updateId: number | null,
    ) {
      await bus.publish({
        staff: {
          presence: {
            conn,
            userId: viewer.userId,
            name: viewer.name,
            liveblogId,
            updateId,
            ttlMs: options.presenceMs * 3,
          },
        },
      });
    },

    stats: () => ({ streams: readers.size }),

    close(): void {
      if (closed) return;
      closed = true;
      unsubscribe();
      for (const timer of timers) clearInterval(timer);
      const ending = [...readers].filter((reader) => !reader.socket.destroyed);
      for (const reader of ending) reader.socket.end(control('shutdown', { retry: 2000 }));
      readers.clear();
      // A desk that does not read cannot take the goodbye: do not let it hold up the shutdown.
      if (ending.length > 0) {
        setTimeout(() => {
          for (const reader of ending) reader.socket.destroy();
        }, 1_000).unref();
      }
    },
  };
}

/** Ends the open staff streams of a session or of an account, on every node (the bus). */
export async function endStaffStreams(bus: Bus, target: EndStreams): Promise<void> {
  await bus.publish({ staff: { end: target } });
}

export type StaffHub = ReturnType<typeof createStaffHub>;
