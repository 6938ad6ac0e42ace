// People of the newsroom (admins only): the list, adding an account, changing a role,
// resetting someone's two-factor sign-in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toAppError } from '../platform/platform.http.js';
import { isRole } from '../access/access.policy.js';
import type { AccountService } from '../access/access.accounts.js';
import type { TwoFactorService } from '../access/access.twofactor.js';
import type { StaffPages } from './newsroom.pages.js';
import { messageOf } from './newsroom.forms.js';
import { Html, LangQuery, NewUserForm, RoleForm, UserParams } from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { UsersPage } from './newsroom.users.view.js';

export interface UsersRoutesOptions {
  readonly pages: StaffPages;
  readonly accounts: Pick<AccountService, 'listUsers' | 'createUser' | 'changeRole'>;
  readonly twoFactor: Pick<TwoFactorService, 'reset'>;
}

export const usersRoutes: FastifyPluginAsyncTypebox<UsersRoutesOptions> = (
  app,
  { pages, accounts, twoFactor },
) => {
  async function usersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    error?: string,
    status = 200,
  ) {
    const session = pages.signedIn(request, reply, 'user.manage');
    if (!session) return reply;
    const users = await accounts.listUsers(session.actor);
    const locale = pages.locale(request);
    const page = (
      <UsersPage
        locale={locale}
        users={users}
        csrfToken={session.csrfToken}
        {...(error !== undefined && { error })}
      />
    );
    return pages.render(request, reply, nm(locale).users, page, { status });
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
      try {
        await accounts.createUser(session.actor, {
          email,
          displayName,
          password,
          role: isRole(role) ? role : 'reporter',
        });
        return await reply.redirect('/newsroom/users', 303);
      } catch (error) {
        const known = toAppError(error);
        if (!known || known.status === 403) throw error;
        return usersPage(request, reply, messageOf(error, pages.locale(request)), known.status);
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
      if (!isRole(role)) return usersPage(request, reply, 'role?', 400);
      await accounts.changeRole(session.actor, request.params.id, role);
      return reply.redirect('/newsroom/users', 303);
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
