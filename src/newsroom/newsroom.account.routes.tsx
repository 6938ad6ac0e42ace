// The person's own account page (/newsroom/account): setting up, renewing and turning off
// two-factor sign-in. Each handler calls one method of the two-factor service.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toAppError } from '../platform/platform.http.js';
import type { SessionInfo } from '../access/access.accounts.js';
import type { TwoFactorService } from '../access/access.twofactor.js';
import type { StaffPages } from './newsroom.pages.js';
import { CodeForm, Html, LangQuery } from './newsroom.schema.js';
import { tm } from './newsroom.twofactor.messages.js';
import { AccountPage, RecoveryCodesPage } from './newsroom.account.view.js';

export interface AccountRoutesOptions {
  readonly pages: StaffPages;
  readonly twoFactor: Pick<
    TwoFactorService,
    'status' | 'begin' | 'confirm' | 'disable' | 'renewRecoveryCodes'
  >;
}

/** Where a signed-in person goes while a required set-up is not done, and what stays open. */
export const ACCOUNT_PATH = '/newsroom/account';
export const OPEN_DURING_SET_UP: ReadonlySet<string> = new Set([
  ACCOUNT_PATH,
  '/newsroom/account/two-factor/start',
  '/newsroom/account/two-factor/confirm',
  '/newsroom/logout',
]);

export const accountRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = (
  app,
  { pages, twoFactor },
) => {
  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    session: SessionInfo,
    failure?: { message: string; status: number },
  ) {
    const locale = pages.locale(request);
    const page = (
      <AccountPage
        locale={locale}
        who={session.user}
        status={await twoFactor.status(session)}
        csrfToken={session.csrfToken}
        {...(failure && { error: failure.message })}
      />
    );
    return pages.render(request, reply, tm(locale).account, page, {
      status: failure?.status ?? 200,
    });
  }

  /** Runs a code-checked action; a refused code shows the account page with the message. */
  async function withCode(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string | undefined,
    action: (session: SessionInfo, code: string) => Promise<readonly string[] | undefined>,
  ) {
    const session = pages.signedIn(request, reply);
    if (!session) return reply;
    const locale = pages.locale(request);
    try {
      const codes = await action(session, code ?? '');
      if (!codes) return await reply.redirect(ACCOUNT_PATH, 303);
      const page = <RecoveryCodesPage locale={locale} codes={codes} />;
      return await pages.render(request, reply, tm(locale).recoveryCodes, page);
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      for (const [name, value] of Object.entries(known.headers ?? {}))
        void reply.header(name, value);
      const failure = { message: known.messages[locale], status: known.status };
      return accountPage(request, reply, session, failure);
    }
  }

  app.get(
    '/account',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply);
      if (!session) return reply;
      return accountPage(request, reply, session);
    },
  );

  app.post('/account/two-factor/start', { schema: { hide: true } }, async (request, reply) => {
    const session = pages.signedIn(request, reply);
    if (!session) return reply;
    try {
      await twoFactor.begin(session);
    } catch (error) {
      // Already on (a second tab): the page says so.
      if (toAppError(error)?.status !== 409) throw error;
    }
    return reply.redirect(ACCOUNT_PATH, 303);
  });

  app.post(
    '/account/two-factor/confirm',
    { schema: { hide: true, body: CodeForm } },
    (request, reply) =>
      withCode(request, reply, request.body.code, (session, code) =>
        twoFactor.confirm(session, code),
      ),
  );

  app.post(
    '/account/two-factor/recovery-codes',
    { schema: { hide: true, body: CodeForm } },
    (request, reply) =>
      withCode(request, reply, request.body.code, (session, code) =>
        twoFactor.renewRecoveryCodes(session, code),
      ),
  );

  app.post(
    '/account/two-factor/disable',
    { schema: { hide: true, body: CodeForm } },
    (request, reply) =>
      withCode(request, reply, request.body.code, async (session, code) => {
        await twoFactor.disable(session, code);
        return undefined;
      }),
  );

  return Promise.resolve();
};
