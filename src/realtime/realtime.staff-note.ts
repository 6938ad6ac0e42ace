// What the bus carries for the staff stream: a doorbell ("desk events up to id N"), a presence
// note (one desk connection's person, page and open update, valid for a while), or an order to
// end the streams of a session or an account. Checked field by field when it comes from Redis.

export interface PresenceNote {
  /** The stream connection's random id. */
  readonly conn: string;
  readonly userId: number;
  readonly name: string;
  readonly liveblogId: number | null;
  readonly updateId: number | null;
  /** How long the note holds (ms) unless renewed; 0: the connection is gone. */
  readonly ttlMs: number;
}

export interface EndStreams {
  readonly userId?: number;
  readonly sessionHash?: string;
}

export type StaffNote =
  { readonly desk: number } | { readonly presence: PresenceNote } | { readonly end: EndStreams };

const isId = (value: unknown): value is number => Number.isSafeInteger(value);
const isIdOrNull = (value: unknown): value is number | null => value === null || isId(value);

function parsePresence(value: Record<string, unknown>): PresenceNote | undefined {
  const { conn, userId, name, liveblogId, updateId, ttlMs } = value;
  if (typeof conn !== 'string' || conn.length > 64 || typeof name !== 'string') return undefined;
  if (!isId(userId) || !isIdOrNull(liveblogId) || !isIdOrNull(updateId) || !isId(ttlMs))
    return undefined;
  return { conn, userId, name: name.slice(0, 120), liveblogId, updateId, ttlMs };
}

function parseEnd(value: Record<string, unknown>): EndStreams | undefined {
  const { userId, sessionHash } = value;
  if (userId !== undefined && !isId(userId)) return undefined;
  if (sessionHash !== undefined && typeof sessionHash !== 'string') return undefined;
  if (userId === undefined && sessionHash === undefined) return undefined;
  return {
    ...(userId !== undefined && { userId }),
    ...(sessionHash !== undefined && { sessionHash }),
  };
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

export function parseStaffNote(value: unknown): StaffNote | undefined {
  const note = asRecord(value);
  if (!note) return undefined;
  if (isId(note.desk)) return { desk: note.desk };
  const presence = asRecord(note.presence);
  if (presence) {
    const parsed = parsePresence(presence);
    return parsed ? { presence: parsed } : undefined;
  }
  const end = asRecord(note.end);
  if (end) {
    const parsed = parseEnd(end);
    return parsed ? { end: parsed } : undefined;
  }
  return undefined;
}
