// Signing in and out, the one-time setup and the language switch. Login and setup have no
// session yet, so they refuse cross-site posts by Fetch Metadata and Origin; the sign-in form
// also carries a pre-session token bound to a short-lived cookie (against login CSRF). An
// account with two-factor sign-in goes through a second step, held by a signed pending cookie.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toAppError } from '../platform/platform.http.js';
import { logSecurityEvent } from '../platform/platform.security.js';
import type { AppError } from '../platform/platform.errors.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import type { AccountService } from '../access/access.accounts.js';
import { LOGIN_FORM_SECONDS, PENDING_SECONDS } from '../access/access.signin.js';
import {
  assertSameOrigin,
  clearSessionCookie,
  readSignInCookie,
  sessionCookie,
  signInCookie,
} from '../access/access.session.js';
import type { StaffPages } from './newsroom.pages.js';
import { localeField, messageOf } from './newsroom.forms.js';
import {
  Html,
  LangQuery,
  LocaleForm,
  LoginForm,
  SecondStepForm,
  SetupForm,
} from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { tm } from './newsroom.twofactor.messages.js';
import { LoginPage, SecondStepPage } from './newsroom.login.view.js';
import { SetupPage } from './newsroom.setup.view.js';

const SESSION_MAX_AGE = 7 * 24 * 60 * 60;

export interface AuthRoutesOptions {
  readonly pages: StaffPages;
  readonly accounts: Pick<
    AccountService,
    | 'setupOpen'
    | 'loginForm'
    | 'login'
    | 'pendingSignIn'
    | 'completeTwoFactor'
    | 'setupAndLogin'
    | 'logout'
    | 'setLocale'
  >;
  readonly publicUrl: string;
  readonly secureCookies: boolean;
}

type App = Parameters<FastifyPluginAsyncTypebox<AuthRoutesOptions>>[0];

/** The cookie of a fresh session. */
const signedInCookie = (sessionId: string, { secureCookies }: AuthRoutesOptions) =>
  sessionCookie(sessionId, secureCookies, SESSION_MAX_AGE);

/** Signing in (the page, the form and its second step), out, and the language switch. */
function sessionRoutes(app: App, options: AuthRoutesOptions) {
  const { pages, accounts, publicUrl, secureCookies: secure } = options;
  const origin = new URL(publicUrl).origin;
  const clear = (reply: FastifyReply, kind: 'preSession' | 'pending') =>
    reply.header('set-cookie', signInCookie(kind, '', { secure, maxAgeSeconds: 0 }));

  /** The sign-in page, its pre-session cookie (re)set and its token bound to it. */
  async function loginPage(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: UiLocale,
    failed?: { error: AppError; email: string },
  ) {
    const presented = readSignInCookie(request, 'preSession', secure);
    const { nonce, token } = await accounts.loginForm(presented);
    void reply.header(
      'set-cookie',
      signInCookie('preSession', nonce, { secure, maxAgeSeconds: LOGIN_FORM_SECONDS }),
    );
    for (const [name, value] of Object.entries(failed?.error.headers ?? {}))
      void reply.header(name, value);
    const page = (
      <LoginPage
        locale={locale}
        formToken={token}
        {...(failed && { error: failed.error.messages[locale], email: failed.email })}
      />
    );
    const status = failed?.error.status ?? 200;
    return pages.render(request, reply, nm(locale).login, page, { status });
  }

  /** The signed-in answer: the session cookie, the sign-in's other cookies cleared. */
  function signedIn(reply: FastifyReply, sessionId: string) {
    clear(reply, 'preSession');
    clear(reply, 'pending');
    return reply
      .header('set-cookie', signedInCookie(sessionId, options))
      .redirect('/newsroom', 303);
  }

  app.get(
    '/login',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      if (await accounts.setupOpen()) return reply.redirect('/newsroom/setup', 303);
      if (request.session) return reply.redirect('/newsroom', 303);
      return loginPage(request, reply, pages.locale(request));
    },
  );

  app.post('/login', { schema: { hide: true, body: LoginForm } }, async (request, reply) => {
    const { email = '', password = '' } = request.body;
    const locale = localeField(request.body.locale);
    assertSameOrigin(request, origin);
    try {
      const result = await accounts.login({
        email,
        password,
        address: request.ip,
        locale,
        form: {
          nonce: readSignInCookie(request, 'preSession', secure),
          token: request.body._login,
        },
      });
      if (result.step === 'session') return await signedIn(reply, result.sessionId);
      const pending = { secure, maxAgeSeconds: PENDING_SECONDS, sameSite: 'Strict' as const };
      return await reply
        .header('set-cookie', signInCookie('pending', result.pending, pending))
        .redirect(`/newsroom/login/two-factor?lang=${locale}`, 303);
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      logSecurityEvent(request, known.status === 429 ? 'signin.throttled' : 'signin.failed', {
        account: email.trim().toLowerCase(),
        reason: known.code,
      });
      return loginPage(request, reply, locale, { error: known, email });
    }
  });

  app.get(
    '/login/two-factor',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      const step = await accounts.pendingSignIn(readSignInCookie(request, 'pending', secure));
      if (!step) return reply.redirect('/newsroom/login', 303);
      const locale = request.query.lang ?? step.locale;
      const page = <SecondStepPage locale={locale} />;
      return pages.render(request, reply, tm(locale).stepTitle, page);
    },
  );

  app.post(
    '/login/two-factor',
    { schema: { hide: true, body: SecondStepForm } },
    async (request, reply) => {
      const locale = localeField(request.body.locale);
      assertSameOrigin(request, origin);
      try {
        const { sessionId } = await accounts.completeTwoFactor({
          pending: readSignInCookie(request, 'pending', secure),
          code: request.body.code ?? '',
          address: request.ip,
        });
        return await signedIn(reply, sessionId);
      } catch (error) {
        const known = toAppError(error);
        if (!known) throw error;
        if (known.code === 'two_factor_expired') {
          clear(reply, 'pending');
          return loginPage(request, reply, locale, { error: known, email: '' });
        }
        for (const [name, value] of Object.entries(known.headers ?? {}))
          void reply.header(name, value);
        const page = <SecondStepPage locale={locale} error={known.messages[locale]} />;
        const title = tm(locale).stepTitle;
        return pages.render(request, reply, title, page, { status: known.status });
      }
    },
  );

  // No body to validate: the nav's sign-out form carries only its CSRF field.
  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.session) await accounts.logout(request.session);
    clearSessionCookie(reply, secure);
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
