// Cookie consent that means it: every cookie we set has a declared purpose; before the reader
// chooses, only strictly necessary ones go out, and the server strips any other from every
// response whatever code tried to set it.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const PURPOSES = ['preferences', 'analytics', 'embeds', 'notifications'] as const;
export type Purpose = (typeof PURPOSES)[number];
export type Consent = Readonly<Record<Purpose, boolean>>;

export const CONSENT_COOKIE = 'ajil_consent';
export const ANALYTICS_COOKIE = 'ajil_aid';
export const PREFERENCES_COOKIE = 'ajil_prefs';

/** What each cookie is for. A cookie missing from this table is treated as optional and dropped. */
const COOKIE_PURPOSE: Readonly<Record<string, Purpose | 'necessary'>> = {
  ajil_session: 'necessary',
  '__Host-ajil_session': 'necessary',
  ajil_presession: 'necessary',
  '__Host-ajil_presession': 'necessary',
  ajil_2fa: 'necessary',
  '__Host-ajil_2fa': 'necessary',
  ajil_consent: 'necessary',
  ajil_cid: 'necessary',
  [PREFERENCES_COOKIE]: 'preferences',
  [ANALYTICS_COOKIE]: 'analytics',
};

export function cookieValue(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index !== -1 && part.slice(0, index).trim() === name)
      return decoded(part.slice(index + 1).trim());
  }
  return undefined;
}

/** A cookie value that is not valid percent-encoding counts as absent (never a 500). */
function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * The reader's choice, or undefined before they have made one. Format: "v1.p1.a0.e0.n0"; a
 * choice made before notifications were asked about ("v1.p1.a0.e0") counts as no to them.
 */
export function consentOf(request: FastifyRequest): Consent | undefined {
  const raw = cookieValue(request, CONSENT_COOKIE);
  const match = raw ? /^v1\.p([01])\.a([01])\.e([01])(?:\.n([01]))?$/.exec(raw) : null;
  if (!match) return undefined;
  return {
    preferences: match[1] === '1',
    analytics: match[2] === '1',
    embeds: match[3] === '1',
    notifications: match[4] === '1',
  };
}

export function consentCookie(consent: Consent, secure: boolean): string {
  const flag = (on: boolean) => (on ? 1 : 0);
  const value = `v1.p${flag(consent.preferences)}.a${flag(consent.analytics)}.e${flag(consent.embeds)}.n${flag(consent.notifications)}`;
  return `${CONSENT_COOKIE}=${value}; Path=/; Max-Age=${180 * 24 * 3600}; SameSite=Lax${secure ? '; Secure' : ''}`;
}

function allowed(name: string, consent: Consent | undefined): boolean {
  const purpose = COOKIE_PURPOSE[name];
  if (purpose === 'necessary') return true;
  if (!consent || purpose === undefined) return false;
  return consent[purpose];
}

/** The enforcement point: runs last on every response. */
export function enforceConsent(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const header = reply.getHeader('set-cookie');
    if (header !== undefined) {
      // A choice made in this very request counts (the consent form sets it).
      const list = (Array.isArray(header) ? header : [String(header)]).map(String);
      const chosen = list.find((c) => c.startsWith(`${CONSENT_COOKIE}=`));
      const consent = chosen
        ? consentOf({ headers: { cookie: chosen.split(';')[0] } } as FastifyRequest)
        : consentOf(request);
      // One line per cookie (name and path): the last one set wins. Fastify's reply.header
      // appends to an existing set-cookie list, so the old list is removed before the kept one
      // is written; writing it back without that sent every cookie twice.
      const kept = new Map<string, string>();
      for (const cookie of list) {
        const name = cookie.slice(0, cookie.indexOf('=')).trim();
        const path = /;\s*path=([^;]*)/i.exec(cookie)?.[1]?.trim() ?? '';
        if (allowed(name, consent)) kept.set(`${name};${path}`, cookie);
      }
      reply.removeHeader('set-cookie');
      if (kept.size > 0) void reply.header('set-cookie', [...kept.values()]);
    }
    done(null, payload);
  });
}
