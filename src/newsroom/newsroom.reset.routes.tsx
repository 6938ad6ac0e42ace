// The one-time password link (`/newsroom/reset/:secret`), made by an admin on the users page or
// by the operator's CLI. Open without a session: its post is refused from other sites (Fetch
// Metadata and Origin), and the secret is never written to a log line of ours.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { toAppError } from '../platform/platform.http.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import { assertSameOrigin } from '../access/access.session.js';
import { RESET_PATH, type ResetLinkService } from '../access/access.reset.js';
import type { StaffPages } from './newsroom.pages.js';
import { localeField, messageOf } from './newsroom.forms.js';
import { Html, LangQuery } from './newsroom.schema.js';
import { am } from './newsroom.accounts.messages.js';
import { ResetDonePage, ResetPage } from './newsroom.reset.view.js';

export interface ResetRoutesOptions {
  readonly pages: StaffPages;
  readonly resetLinks: Pick<ResetLinkService, 'inspect' | 'use'>;
  readonly publicUrl: string;
}

const ResetParams = Type.Object({ secret: Type.String({ minLength: 1, maxLength: 200 }) });
const ResetForm = Type.Object(
  {
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
    locale: Type.Optional(Type.String({ maxLength: 5 })),
    email: Type.Optional(Type.String({ maxLength: 400 })),
    password: Type.Optional(Type.String({ maxLength: 1000 })),
    repeat: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const resetRoutes: FastifyPluginAsyncTypebox<ResetRoutesOptions> = (
  app,
  { pages, resetLinks, publicUrl },
) => {
  const origin = new URL(publicUrl).origin;
  // The secret is in the address: no page this opens may pass it on as a referrer.
  app.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header('referrer-policy', 'no-referrer');
    done(null, payload);
  });

  /** The form again (with an error), or the link's refusal when it no longer works. */
  async function form(
    request: FastifyRequest,
    reply: FastifyReply,
    locale: UiLocale,
    secret: string,
    error?: { message: string; status: number },
  ) {
    const a = am(locale);
    try {
      const holder = await resetLinks.inspect(secret);
      const page = (
        <ResetPage
          locale={locale}
          action={`${RESET_PATH}${secret}`}
          {...holder}
          csrfToken={request.session?.csrfToken}
          {...(error && { error: error.message })}
        />
      );
      return await pages.render(request, reply, a.resetTitle, page, {
        status: error?.status ?? 200,
      });
    } catch (failure) {
      const known = toAppError(failure);
      if (!known) throw failure;
      const page = <ResetDonePage locale={locale} message={known.messages[locale]} />;
      return pages.render(request, reply, a.resetTitle, page, { status: known.status });
    }
  }

  app.get(
    '/reset/:secret',
    {
      schema: { hide: true, params: ResetParams, querystring: LangQuery, response: { 200: Html } },
    },
    (request, reply) => {
      return form(request, reply, pages.locale(request), request.params.secret);
    },
  );

  app.post(
    '/reset/:secret',
    { schema: { hide: true, params: ResetParams, body: ResetForm } },
    async (request, reply) => {
      assertSameOrigin(request, origin);
      const locale = localeField(request.body.locale);
      const { secret } = request.params;
      const { password = '', repeat = '' } = request.body;
      if (password !== repeat)
        return form(request, reply, locale, secret, {
          message: am(locale).passwordsDiffer,
          status: 400,
        });
      try {
        await resetLinks.use(secret, password);
      } catch (error) {
        const known = toAppError(error);
        if (!known) throw error;
        if (known.code === 'reset_link_invalid') return form(request, reply, locale, secret);
        return form(request, reply, locale, secret, {
          message: messageOf(error, locale),
          status: known.status,
        });
      }
      const page = <ResetDonePage locale={locale} message={am(locale).passwordSaved} />;
      return pages.render(request, reply, am(locale).resetTitle, page);
    },
  );

  return Promise.resolve();
};
