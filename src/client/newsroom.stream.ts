// The staff stream in the browser: its own reconnect loop (from the last event id, with a
// jittered delay that doubles), the connection id the server gives, and the end of the stream
// when the session ends. Used by the desk and the moderation desk.
import { DESK_EVENT_TYPES } from '../realtime/realtime.desk-events.js';

export interface StaffStreamHandlers {
  ready(conn: string, first: boolean): void;
  event(type: string, data: unknown): void;
  presence(people: unknown): void;
  reset(): void;
  down(): void;
  signedOut(): void;
}

export function followStaffStream(path: string, on: StaffStreamHandlers): void {
  let last = '';
  let delay = 500;
  let first = true;
  const open = () => {
    const source = new EventSource(last ? `${path}?lastEventId=${last}` : path);
    source.addEventListener('ready', (event) => {
      delay = 500;
      const { conn } = JSON.parse((event as MessageEvent<string>).data) as { conn: string };
      on.ready(conn, first);
      first = false;
    });
    for (const type of DESK_EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        const message = event as MessageEvent<string>;
        last = message.lastEventId;
        on.event(type, JSON.parse(message.data));
      });
    }
    source.addEventListener('presence', (event) => {
      on.presence((JSON.parse((event as MessageEvent<string>).data) as { people: unknown }).people);
    });
    source.addEventListener('reset', (event) => {
      last = String(
        (JSON.parse((event as MessageEvent<string>).data) as { lastEventId: number }).lastEventId,
      );
      on.reset();
    });
    source.addEventListener('signedout', () => {
      source.close();
      on.signedOut();
    });
    source.onerror = () => {
      source.close();
      on.down();
      setTimeout(open, delay * (0.5 + Math.random()));
      delay = Math.min(delay * 2, 15_000);
    };
  };
  open();
}

/** Tells the server which update this person has open on this connection (null: none). */
export async function reportOpen(
  csrf: string,
  conn: string,
  liveblog: string | null,
  updateId: number | null,
): Promise<void> {
  await fetch('/newsroom/desk/presence', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify({ conn, liveblog, updateId }),
  }).catch(() => undefined);
}
