// Who is asking: a Bearer token first, otherwise the newsroom session cookie (whose writes
// must pass the CSRF check). Declares the request decorations it provides.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { anonymousActor, type Actor } from './access.policy.js';
import type { AccountService, SessionInfo } from './access.accounts.js';
import { readSignInCookie } from './access.session.js';
import type { TokenService } from './access.tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The newsroom session behind the cookie, when there is one. */
    session: SessionInfo | undefined;
  }
}

export type Identify = (request: FastifyRequest) => Promise<void>;

/** Every request starts anonymous; routes that need to know who asks add the returned hook. */
export function registerIdentity(
  app: FastifyInstance,
  { tokens, accounts }: { tokens: TokenService; accounts: AccountService },
  { secureCookies }: { readonly secureCookies: boolean },
): Identify {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', (request, _reply, done) => {
    request.actor = anonymousActor;
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
