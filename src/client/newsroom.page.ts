// What the desk page tells its client (live blog, user, locale, CSRF token), and the one way the
// client talks to the live blog's API.
import { DESK_TEXT, type DeskText } from './newsroom.text.js';
import { SAVING_TEXT, type SavingText } from './newsroom.saving.text.js';

export interface DeskPage {
  slug: string;
  locale: 'ar' | 'en';
  csrf: string;
  /** Where this device keeps the composer's draft: one per live blog and user. */
  storageKey: string;
  text: DeskText;
  /** The words about saving, signing in again and conflicts (newsroom.saving.text.ts). */
  saving: SavingText;
}

/**
 * `key`: the Idempotency-Key of a request that must happen once (newsroom.retry.ts); `headers`:
 * any other, such as the `If-Match` of an edit.
 */
export type DeskApi = (
  method: string,
  path: string,
  payload?: unknown,
  key?: string,
  headers?: Record<string, string>,
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
    saving: SAVING_TEXT[locale],
  };
}

export function byId<T extends HTMLElement>(id: string, type: new () => T): T | null {
  const element = document.getElementById(id);
  return element instanceof type ? element : null;
}

/** The error code of a refusal, read from a copy of the answer (the caller still reads it). */
export async function errorCode(response: Response): Promise<string | undefined> {
  if (response.ok) return undefined;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code;
}

/**
 * Reads this desk page again for the session's current CSRF token (after signing in again, or
 * when another tab signed in and so replaced the session). False when the page is not a desk
 * page for a signed-in person any more.
 */
export async function refreshDeskPage(page: DeskPage): Promise<boolean> {
  const response = await fetch(location.href, { credentials: 'same-origin' }).catch(() => null);
  if (!response?.ok) return false;
  const html = new DOMParser().parseFromString(await response.text(), 'text/html');
  const csrf = html.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content;
  if (!csrf || html.body.dataset.liveblog !== page.slug) return false;
  page.csrf = csrf;
  return true;
}

/**
 * Requests under this live blog's API, with the session cookie and the CSRF token. A refusal
 * of the token alone (csrf_failed: the session was replaced) changed nothing, so the token is
 * read afresh and the same request sent once more.
 */
export function deskApi(page: DeskPage): DeskApi {
  const send: DeskApi = async (method, path, payload, key, headers) =>
    fetch(`/api/v1/liveblogs/${encodeURIComponent(page.slug)}${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...headers,
        'x-csrf-token': page.csrf,
        ...(payload !== undefined && { 'content-type': 'application/json' }),
        ...(key !== undefined && { 'idempotency-key': key }),
      },
      ...(payload !== undefined && { body: JSON.stringify(payload) }),
    });
  return async (...args) => {
    const response = await send(...args);
    if ((await errorCode(response)) !== 'csrf_failed' || !(await refreshDeskPage(page)))
      return response;
    return send(...args);
  };
}
