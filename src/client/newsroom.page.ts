// What the desk page tells its client (live blog, user, locale, CSRF token), and the one way the
// client talks to the live blog's API.
import { DESK_TEXT, type DeskText } from './newsroom.text.js';

export interface DeskPage {
  slug: string;
  locale: 'ar' | 'en';
  csrf: string;
  /** Where this device keeps the composer's draft: one per live blog and user. */
  storageKey: string;
  text: DeskText;
}

/** `key`: the Idempotency-Key of a request that must happen once (newsroom.retry.ts). */
export type DeskApi = (
  method: string,
  path: string,
  payload?: unknown,
  key?: string,
) => Promise<Response>;

export function readDeskPage(): DeskPage {
  const body = document.body;
  const slug = body.dataset.liveblog ?? '';
  const userId = body.dataset.userId ?? '';
  const locale = body.dataset.locale === 'en' ? 'en' : 'ar';
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  return {
    slug,
    locale,
    csrf,
    storageKey: `ajil-draft:${slug}:${userId}`,
    text: DESK_TEXT[locale],
  };
}

export function byId<T extends HTMLElement>(id: string, type: new () => T): T | null {
  const element = document.getElementById(id);
  return element instanceof type ? element : null;
}

/** Requests under this live blog's API, with the session cookie and the CSRF token. */
export function deskApi(page: DeskPage): DeskApi {
  return async (method, path, payload, key) =>
    fetch(`/api/v1/liveblogs/${encodeURIComponent(page.slug)}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        'x-csrf-token': page.csrf,
        ...(payload !== undefined && { 'content-type': 'application/json' }),
        ...(key !== undefined && { 'idempotency-key': key }),
      },
      ...(payload !== undefined && { body: JSON.stringify(payload) }),
    });
}
