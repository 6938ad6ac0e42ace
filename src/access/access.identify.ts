// Who is asking: a Bearer token first, otherwise the newsroom session cookie, whose writes must
// come from this site and carry the CSRF token (one hook for the whole app, installed here).
// Declares the request decorations it provides.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymousActor, type Actor } from './access.policy.js';
import type { AccountService, SessionInfo } from './access.accounts.js';
import { checkSessionWrite, readSignInCookie } from './access.session.js';
import type { TokenService } from './access.tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The newsroom session behind the cookie, when there is one. */
    session: SessionInfo | undefined;
  }
}

export type Identify = (request: FastifyRequest) => Promise<void>;

/**
 * Every request starts anonymous; routes that need to know who asks add the returned hook. Call
 * it on the root instance before any route is registered: its guard then runs before every
 * handler that has a session (after the body is parsed, so a form's CSRF field is there).
 */
export function registerIdentity(
  app: FastifyInstance,
  {
    tokens,
    accounts,
    publicUrl,
  }: { tokens: TokenService; accounts: AccountService; publicUrl: string },
  { secureCookies }: { readonly secureCookies: boolean },
): Identify {
  const publicOrigin = new URL(publicUrl).origin;
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', (request, _reply, done) => {
    request.actor = anonymousActor;
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    checkSessionWrite(request, publicOrigin);
    done();
  });
  return async (request) => {
    if (request.headers.authorization !== undefined) {
      request.actor = await tokens.authenticate(request.headers.authorization);
      return;
    }
    const session = await accounts.session(readSignInCookie(request, 'session', secureCookies));
    if (session) {
      request.session = session;
      // Until a required two-factor set-up is done the session acts for nobody: the API refuses
      // its writes, and the newsroom sends the person to set it up.
      request.actor = session.mustSetUpTwoFactor ? anonymousActor : session.actor;
    }
  };
}
