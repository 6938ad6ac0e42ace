// The live desk: follows the staff stream of this page and changes the desk in place — the
// review queue and the published rows are fetched from the server's own views and swapped in,
// never by reloading the page. Reports which update this person has open (presence).
import type { DeskEventData } from '../realtime/realtime.desk-events.js';
import { LIVE_TEXT } from './newsroom.live.text.js';
import { presenceView, type PresenceView } from './newsroom.presence.js';
import { followStaffStream, reportOpen } from './newsroom.stream.js';

interface Parts {
  queue: string;
  rows: { id: number; html: string }[];
  all: boolean;
}

function fromHtml(html: string): Element | null {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}

/** Swaps in the queue and the rows the server drew; the focused control keeps its focus. */
function applyParts(parts: Parts, changed: number | undefined, view: PresenceView): void {
  const queue = document.querySelector('section[aria-labelledby="queue-title"]');
  const fresh = fromHtml(parts.queue);
  if (queue && fresh && !queue.contains(document.activeElement)) queue.replaceWith(fresh);
  else if (queue && fresh) queue.innerHTML = fresh.innerHTML;
  const list = document.getElementById('published');
  if (!list) return;
  if (parts.all) list.replaceChildren(...parts.rows.flatMap((row) => fromHtml(row.html) ?? []));
  else {
    const row = parts.rows[0];
    const old = changed === undefined ? null : list.querySelector(`[data-update-id="${changed}"]`);
    const next = row ? fromHtml(row.html) : null;
    if (old && next) old.replaceWith(next);
    else if (old) old.remove();
    else if (next) list.prepend(next);
    next?.classList.add('desk-item-new');
  }
  view.redraw();
}

export function startLiveDesk(): void {
  const body = document.body;
  const slug = body.dataset.liveblog;
  if (!slug || !document.getElementById('published')) return;
  const locale = body.dataset.locale === 'en' ? 'en' : 'ar';
  const text = LIVE_TEXT[locale];
  const me = Number(body.dataset.userId);
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  const view = presenceView(me, text);
  const status = document.createElement('p');
  status.className = 'desk-live-status';
  status.setAttribute('role', 'status');
  document.getElementById('desk-presence')?.after(status);
  let conn = '';
  let open: number | null = null;

  const refresh = async (update?: number) => {
    const query = new URLSearchParams({ lang: locale, ...(update && { update: String(update) }) });
    const res = await fetch(
      `/newsroom/liveblogs/${encodeURIComponent(slug)}/desk/parts?${query.toString()}`,
      {
        credentials: 'same-origin',
      },
    );
    if (res.ok) applyParts((await res.json()) as Parts, update, view);
  };
  const setOpen = (id: number | null) => {
    open = id;
    if (conn) void reportOpen(csrf, conn, slug, id);
  };

  followStaffStream(`/newsroom/liveblogs/${encodeURIComponent(slug)}/events`, {
    ready(id, first) {
      conn = id;
      status.textContent = '';
      if (open !== null) void reportOpen(csrf, conn, slug, open);
      // What changed between drawing the page and opening the stream.
      if (first) void refresh();
    },
    event(_type, raw) {
      const data = raw as DeskEventData;
      if (data.type === 'comments.queue') return;
      void refresh(data.updateId);
      if (data.by.id !== me) status.textContent = text.changed[data.type]?.(data.by.name) ?? '';
    },
    presence: (people) => {
      view.show(people as Parameters<PresenceView['show']>[0]);
    },
    reset: () => void refresh(),
    down() {
      status.textContent = text.reconnecting;
    },
    signedOut() {
      status.textContent = text.signedOut;
    },
  });

  // This person's own changes: the lists change in place too (the stream also brings them).
  document.addEventListener('ajil:desk-changed', (event) => {
    const id = (event as CustomEvent<{ id?: number }>).detail.id;
    void refresh(id);
    if (id === undefined || id === open) setOpen(null);
  });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const edit = target?.closest<HTMLElement>('[data-action="edit"]');
    const row = edit?.closest<HTMLElement>('[data-update-id]');
    if (row) setOpen(Number(row.dataset.updateId));
    if (target?.closest('#composer-cancel')) setOpen(null);
  });
}
