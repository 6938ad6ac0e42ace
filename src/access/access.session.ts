// The newsroom session's cookie, and the checks every state-changing request made with it must
// pass: the one same-origin check (Fetch Metadata, Origin, Referer) and the CSRF token.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/platform.errors.js';
import { cookieValue } from '../platform/platform.consent.js';
import { csrfMatches, type SessionInfo } from './access.accounts.js';

/**
 * The sign-in's cookies: the session, the sign-in form's pre-session cookie, and the pending
 * second step of a two-factor sign-in. Over TLS each takes the `__Host-` prefix, so the browser
 * keeps it only with Secure, Path=/ and no Domain, and no other host (a subdomain) can set or
 * overwrite it. Each mode reads only its own name: a plain-HTTP cookie is never taken for the
 * secure one.
 */
const SIGN_IN_COOKIES = {
  session: 'ajil_session',
  preSession: 'ajil_presession',
  pending: 'ajil_2fa',
} as const;

export type SignInCookie = keyof typeof SIGN_IN_COOKIES;

export function cookieName(kind: SignInCookie, secure: boolean): string {
  return secure ? `__Host-${SIGN_IN_COOKIES[kind]}` : SIGN_IN_COOKIES[kind];
}

export function readSignInCookie(
  request: FastifyRequest,
  kind: SignInCookie,
  secure: boolean,
): string | undefined {
  return cookieValue(request, cookieName(kind, secure));
}

/** Whether the request carries a newsroom session cookie under either name (plain or TLS). */
export function hasSessionCookie(request: FastifyRequest): boolean {
  return (
    cookieValue(request, cookieName('session', false)) !== undefined ||
    cookieValue(request, cookieName('session', true)) !== undefined
  );
}

/** A Set-Cookie line for one of the sign-in's cookies (Max-Age 0 clears it). */
export function signInCookie(
  kind: SignInCookie,
  value: string,
  { secure, maxAgeSeconds, sameSite = 'Lax' }: CookieOptions,
): string {
  return [
    `${cookieName(kind, secure)}=${value}`,
    'Path=/',
    'HttpOnly',
    `SameSite=${sameSite}`,
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export interface CookieOptions {
  readonly secure: boolean;
  readonly maxAgeSeconds: number;
  readonly sameSite?: 'Lax' | 'Strict';
}

export function sessionCookie(value: string, secure: boolean, maxAgeSeconds: number): string {
  return signInCookie('session', value, { secure, maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.header('set-cookie', sessionCookie('', secure, 0));
}

export const csrfFailed = () =>
  new AppError(403, 'csrf_failed', {
    ar: 'انتهت صلاحية النموذج أو أنه لم يصدر من هذا الموقع. أعد تحميل الصفحة وحاول مجددًا.',
    en: 'This form has expired or did not come from this site. Reload the page and try again.',
  });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Throws 403 unless a state-changing session request carries the session's CSRF token. */
export function checkCsrf(request: FastifyRequest, session: SessionInfo | undefined): void {
  if (!session || SAFE_METHODS.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const body = request.body as Record<string, unknown> | undefined;
  const fromForm = typeof body?._csrf === 'string' ? body._csrf : undefined;
  if (!csrfMatches(session.csrfToken, fromHeader ?? fromForm)) throw csrfFailed();
}

export const crossSiteRefused = () =>
  new AppError(403, 'cross_site', {
    ar: 'لا يُقبل هذا النموذج من موقع آخر.',
    en: 'This form is not accepted from another site.',
  });

/** True when `origin` (a serialised origin such as `https://example.org`) is this site. */
function isThisSite(origin: string, request: FastifyRequest, publicOrigin: string): boolean {
  const host = request.headers.host ?? '';
  return origin === publicOrigin || origin === `http://${host}` || origin === `https://${host}`;
}

function refererOrigin(referer: string): string | undefined {
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * The one same-origin check for state changes. Fetch Metadata first: anything but
 * `same-origin` or `none` (typed or bookmarked by the user) is another site, a sibling
 * subdomain (`same-site`) included. Then the Origin header, which must be this site (its public
 * address, or the host it was reached by); `Origin: null` is not. Without an Origin, a Referer
 * decides the same way. A request with none of the three is allowed: every browser that could
 * carry the cookie cross-site sends Origin on a cross-site POST and Fetch Metadata besides, so
 * such a request comes from a program, not from a page of another site.
 */
export function isSameOrigin(request: FastifyRequest, publicOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const from = request.headers.origin;
  if (from !== undefined) return isThisSite(from, request, publicOrigin);
  const referer = request.headers.referer;
  if (referer === undefined) return true;
  const origin = refererOrigin(referer);
  return origin !== undefined && isThisSite(origin, request, publicOrigin);
}

/** Throws 403 for a cross-site state change. */
export function assertSameOrigin(request: FastifyRequest, publicOrigin: string): void {
  if (!isSameOrigin(request, publicOrigin)) throw crossSiteRefused();
}

export const crossSiteWriteRefused = () =>
  new AppError(403, 'cross_site', {
    ar: 'لا يُقبل هذا الطلب من موقع آخر. افتح غرفة الأخبار من عنوان الموقع نفسه وحاول مجددًا.',
    en: 'This request is not accepted from another site. Open the newsroom at this site and try again.',
  });

/**
 * The guard of every state change made with the session cookie (newsroom forms and the JSON
 * API alike): from this site, and with the session's CSRF token. Requests with a Bearer token
 * never have a session (identify looks at the token only), so they pass untouched: a token
 * is no ambient authority a page of another site could borrow.
 */
export function checkSessionWrite(request: FastifyRequest, publicOrigin: string): void {
  const session = request.session;
  if (!session || SAFE_METHODS.has(request.method)) return;
  if (!isSameOrigin(request, publicOrigin)) throw crossSiteWriteRefused();
  checkCsrf(request, session);
}
