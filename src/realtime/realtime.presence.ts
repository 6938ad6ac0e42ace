// Who is on the desk, across nodes: every node hears every presence note over the bus and keeps
// them here until they expire. Nothing of it is stored: a node that restarts learns the desk
// again from the next round of heartbeats (every few seconds).
import type { PresenceEntry } from './realtime.desk-events.js';
import type { PresenceNote } from './realtime.staff-note.js';

interface Held {
  readonly note: PresenceNote;
  readonly until: number;
}

export function createPresenceBoard(now: () => number = Date.now) {
  const byConn = new Map<string, Held>();

  return {
    /** Takes a note in; true when what the desk sees changed (someone came, left or moved). */
    note(note: PresenceNote): boolean {
      const before = byConn.get(note.conn);
      if (note.ttlMs <= 0) return byConn.delete(note.conn);
      byConn.set(note.conn, { note, until: now() + note.ttlMs });
      const was = before?.note;
      return (
        was?.updateId !== note.updateId ||
        was.liveblogId !== note.liveblogId ||
        was.name !== note.name
      );
    },

    /** Drops notes that were not renewed in time; true when any went. */
    expire(): boolean {
      const at = now();
      let changed = false;
      for (const [conn, held] of byConn) {
        if (held.until <= at) {
          byConn.delete(conn);
          changed = true;
        }
      }
      return changed;
    },

    /**
     * The people on one page's desk (or, for null, everywhere), one entry per person, page and
     * open update, in a stable order.
     */
    people(scope: number | null): PresenceEntry[] {
      const seen = new Map<string, PresenceEntry>();
      for (const { note } of byConn.values()) {
        if (scope !== null && note.liveblogId !== scope) continue;
        const key = `${note.userId}:${note.liveblogId ?? ''}:${note.updateId ?? ''}`;
        seen.set(key, {
          userId: note.userId,
          name: note.name,
          liveblogId: note.liveblogId,
          updateId: note.updateId,
        });
      }
      return [...seen.values()].sort(
        (a, b) => a.userId - b.userId || (a.updateId ?? 0) - (b.updateId ?? 0),
      );
    },

    connOwner(conn: string): number | undefined {
      return byConn.get(conn)?.note.userId;
    },
  };
}

export type PresenceBoard = ReturnType<typeof createPresenceBoard>;
