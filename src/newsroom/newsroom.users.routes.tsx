// People of the newsroom (admins only): the list, adding an account (its role chosen, never
// defaulted), changing a role, disabling and enabling an account, a one-time password link,
// resetting someone's two-factor sign-in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toAppError } from '../platform/platform.http.js';
import { isRole } from '../access/access.policy.js';
import type { AccountService } from '../access/access.accounts.js';
import type { TwoFactorService } from '../access/access.twofactor.js';
import { LINK_HOURS, type ResetLinkService } from '../access/access.reset.js';
import type { StaffPages } from './newsroom.pages.js';
import { messageOf } from './newsroom.forms.js';
import { Html, LangQuery, NewUserForm, RoleForm, UserParams } from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { am } from './newsroom.accounts.messages.js';
import { UsersPage, type MadeLink } from './newsroom.users.view.js';

export interface UsersRoutesOptions {
  readonly pages: StaffPages;
  readonly accounts: Pick<
    AccountService,
    'listUsers' | 'createUser' | 'changeRole' | 'setDisabled'
  >;
  readonly twoFactor: Pick<TwoFactorService, 'reset'>;
  readonly resetLinks: Pick<ResetLinkService, 'create'>;
  readonly publicUrl: string;
}

interface Extra {
  readonly error?: string;
  readonly status?: number;
  readonly madeLink?: MadeLink;
}

export const usersRoutes: FastifyPluginAsyncTypebox<UsersRoutesOptions> = (
  app,
  { pages, accounts, twoFactor, resetLinks, publicUrl },
) => {
  async function usersPage(request: FastifyRequest, reply: FastifyReply, extra: Extra = {}) {
    const session = pages.signedIn(request, reply, 'user.manage');
    if (!session) return reply;
    const users = await accounts.listUsers(session.actor);
    const locale = pages.locale(request);
    const rows = users.map((user) => ({ ...user, disabled: user.disabledAt !== null }));
    const page = (
      <UsersPage
        locale={locale}
        users={rows}
        csrfToken={session.csrfToken}
        selfId={session.user.id}
        {...(extra.error !== undefined && { error: extra.error })}
        {...(extra.madeLink && { madeLink: extra.madeLink })}
      />
    );
    return pages.render(request, reply, nm(locale).users, page, { status: extra.status ?? 200 });
  }

  app.get(
    '/users',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    (request, reply) => usersPage(request, reply),
  );

  app.post(
    '/users',
    { schema: { hide: true, querystring: LangQuery, body: NewUserForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'user.manage');
      if (!session) return reply;
      const { email = '', displayName = '', password = '', role = '' } = request.body;
      const locale = pages.locale(request);
      if (!isRole(role))
        return usersPage(request, reply, { error: am(locale).roleRequired, status: 400 });
      try {
        await accounts.createUser(session.actor, { email, displayName, password, role });
        return await reply.redirect('/newsroom/users', 303);
      } catch (error) {
        const known = toAppError(error);
        if (!known || known.status === 403) throw error;
        return usersPage(request, reply, { error: messageOf(error, locale), status: known.status });
      }
    },
  );

  app.post(
    '/users/:id/role',
    { schema: { hide: true, params: UserParams, querystring: LangQuery, body: RoleForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'user.manage');
      if (!session) return reply;
      const role = request.body.role ?? '';
      if (!isRole(role))
        return usersPage(request, reply, {
          error: am(pages.locale(request)).roleRequired,
          status: 400,
        });
      await accounts.changeRole(session.actor, request.params.id, role);
      return reply.redirect('/newsroom/users', 303);
    },
  );

  // Disabling ends the person's sessions and tokens at once; no body but the CSRF field.
  for (const change of ['disable', 'enable'] as const) {
    app.post(
      `/users/:id/${change}`,
      { schema: { hide: true, params: UserParams } },
      async (request, reply) => {
        const session = pages.signedIn(request, reply, 'user.manage');
        if (!session) return reply;
        try {
          await accounts.setDisabled(session.actor, request.params.id, change === 'disable');
        } catch (error) {
          const known = toAppError(error);
          if (!known || known.status === 403) throw error;
          const message = messageOf(error, pages.locale(request));
          return usersPage(request, reply, { error: message, status: known.status });
        }
        return reply.redirect('/newsroom/users', 303);
      },
    );
  }

  // The link is shown once, on this answer; only its hash is kept.
  app.post(
    '/users/:id/reset-link',
    { schema: { hide: true, params: UserParams } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'user.manage');
      if (!session) return reply;
      const { path } = await resetLinks.create(session.actor, request.params.id);
      const users = await accounts.listUsers(session.actor);
      const name = users.find((user) => user.id === request.params.id)?.displayName ?? '';
      const url = new URL(path, publicUrl).toString();
      return usersPage(request, reply, { madeLink: { displayName: name, url, hours: LINK_HOURS } });
    },
  );

  // No body to validate: the reset button's form carries only its CSRF field.
  app.post(
    '/users/:id/two-factor/reset',
    { schema: { hide: true, params: UserParams } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'user.manage');
      if (!session) return reply;
      await twoFactor.reset(session.actor, request.params.id);
      return reply.redirect('/newsroom/users', 303);
    },
  );

  return Promise.resolve();
};
