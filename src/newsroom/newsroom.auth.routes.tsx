// Signing in and out, the one-time setup and the language switch. Login and setup have no
// session yet, so they refuse cross-site posts by Fetch Metadata and Origin.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toAppError } from '../platform/platform.http.js';
import { logSecurityEvent } from '../platform/platform.security.js';
import type { AccountService } from '../access/access.accounts.js';
import { assertSameOrigin, clearSessionCookie, sessionCookie } from '../access/access.session.js';
import type { StaffPages } from './newsroom.pages.js';
import { localeField, messageOf } from './newsroom.forms.js';
import { Html, LangQuery, LocaleForm, LoginForm, SetupForm } from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { LoginPage } from './newsroom.login.view.js';
import { SetupPage } from './newsroom.setup.view.js';

const SESSION_MAX_AGE = 7 * 24 * 60 * 60;

export interface AuthRoutesOptions {
  readonly pages: StaffPages;
  readonly accounts: Pick<
    AccountService,
    'setupOpen' | 'login' | 'setupAndLogin' | 'logout' | 'setLocale'
  >;
  readonly publicUrl: string;
  readonly secureCookies: boolean;
}

type App = Parameters<FastifyPluginAsyncTypebox<AuthRoutesOptions>>[0];

/** The cookie of a fresh session. */
const signedInCookie = (sessionId: string, { secureCookies }: AuthRoutesOptions) =>
  sessionCookie(sessionId, secureCookies, SESSION_MAX_AGE);

/** Signing in (the page and the form), out, and the language switch. */
function sessionRoutes(app: App, options: AuthRoutesOptions) {
  const { pages, accounts, publicUrl, secureCookies } = options;
  const origin = new URL(publicUrl).origin;

  app.get(
    '/login',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      if (await accounts.setupOpen()) return reply.redirect('/newsroom/setup', 303);
      if (request.session) return reply.redirect('/newsroom', 303);
      const locale = pages.locale(request);
      return pages.render(request, reply, nm(locale).login, <LoginPage locale={locale} />);
    },
  );

  app.post('/login', { schema: { hide: true, body: LoginForm } }, async (request, reply) => {
    const { email = '', password = '' } = request.body;
    const locale = localeField(request.body.locale);
    assertSameOrigin(request, origin);
    try {
      const { sessionId } = await accounts.login({ email, password, address: request.ip, locale });
      return await reply
        .header('set-cookie', signedInCookie(sessionId, options))
        .redirect('/newsroom', 303);
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      logSecurityEvent(request, known.status === 429 ? 'signin.throttled' : 'signin.failed', {
        account: email.trim().toLowerCase(),
        reason: known.code,
      });
      for (const [name, value] of Object.entries(known.headers ?? {}))
        void reply.header(name, value);
      const page = <LoginPage locale={locale} error={known.messages[locale]} email={email} />;
      return pages.render(request, reply, nm(locale).login, page, { status: known.status });
    }
  });

  // No body to validate: the nav's sign-out form carries only its CSRF field.
  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.session) await accounts.logout(request.session);
    clearSessionCookie(reply, secureCookies);
    return reply.redirect('/newsroom/login', 303);
  });

  app.post('/locale', { schema: { hide: true, body: LocaleForm } }, async (request, reply) => {
    const session = pages.signedIn(request, reply);
    if (!session) return reply;
    await accounts.setLocale(session, localeField(request.body.locale));
    // Back to the newsroom page the switch was pressed on, never elsewhere.
    const back = request.headers.referer;
    const path = back ? new URL(back, publicUrl).pathname : '';
    return reply.redirect(path.startsWith('/newsroom') ? path : '/newsroom', 303);
  });
}

/** The one-time setup of the first admin, open only while no account exists. */
function setupRoutes(app: App, options: AuthRoutesOptions) {
  const { pages, accounts } = options;
  const origin = new URL(options.publicUrl).origin;

  app.get(
    '/setup',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      if (!(await accounts.setupOpen())) return reply.redirect('/newsroom/login', 303);
      const locale = pages.locale(request);
      return pages.render(request, reply, nm(locale).setupTitle, <SetupPage locale={locale} />);
    },
  );

  app.post(
    '/setup',
    { schema: { hide: true, querystring: LangQuery, body: SetupForm } },
    async (request, reply) => {
      const locale = pages.locale(request);
      const { email = '', displayName = '', password = '' } = request.body;
      assertSameOrigin(request, origin);
      try {
        const { sessionId } = await accounts.setupAndLogin({
          email,
          displayName,
          password,
          address: request.ip,
          locale,
        });
        return await reply
          .header('set-cookie', signedInCookie(sessionId, options))
          .redirect('/newsroom', 303);
      } catch (error) {
        const status = toAppError(error)?.status ?? 500;
        if (status === 403) return reply.redirect('/newsroom/login', 303);
        const page = <SetupPage locale={locale} error={messageOf(error, locale)} />;
        return pages.render(request, reply, nm(locale).setupTitle, page, { status });
      }
    },
  );
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = (app, options) => {
  sessionRoutes(app, options);
  setupRoutes(app, options);
  return Promise.resolve();
};
