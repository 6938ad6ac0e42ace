// The dashboard: every live page with its readers now, and starting a new page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toAppError } from '../platform/platform.http.js';
import type { LiveblogService } from '../liveblog/liveblog.service.js';
import type { StaffPages } from './newsroom.pages.js';
import { localeField, messageOf } from './newsroom.forms.js';
import { Html, LangQuery, NewPageForm } from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { DashboardPage } from './newsroom.dashboard.view.js';

export interface DashboardRoutesOptions {
  readonly pages: StaffPages;
  readonly liveblogs: Pick<LiveblogService, 'frontPage' | 'create'>;
  /** How many readers have the page open now. */
  readonly readersOf: (liveblogId: number) => number;
}

export const dashboardRoutes: FastifyPluginAsyncTypebox<DashboardRoutesOptions> = (
  app,
  { pages, liveblogs, readersOf },
) => {
  async function dashboard(
    request: FastifyRequest,
    reply: FastifyReply,
    error?: string,
    status = 200,
  ) {
    const session = pages.signedIn(request, reply);
    if (!session) return reply;
    const rows = (await liveblogs.frontPage(200)).map((liveblog) => ({
      liveblog,
      readers: readersOf(liveblog.id),
    }));
    const locale = pages.locale(request);
    const page = (
      <DashboardPage
        locale={locale}
        actor={session.actor}
        rows={rows}
        csrfToken={session.csrfToken}
        {...(error !== undefined && { error })}
      />
    );
    return pages.render(request, reply, nm(locale).dashboard, page, { status });
  }

  app.get(
    '/',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    (request, reply) => dashboard(request, reply),
  );

  app.post(
    '/liveblogs',
    { schema: { hide: true, querystring: LangQuery, body: NewPageForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply);
      if (!session) return reply;
      const { body } = request;
      try {
        const { liveblog } = await liveblogs.create(session.actor, {
          slug: (body.slug ?? '').trim(),
          headline: body.headline ?? '',
          standfirst: body.standfirst ?? '',
          timeZone: body.timeZone ?? 'UTC',
          locale: localeField(body.locale),
        });
        return await reply.redirect(`/newsroom/liveblogs/${liveblog.slug}`, 303);
      } catch (error) {
        const known = toAppError(error);
        if (!known || known.status === 403) throw error;
        return dashboard(request, reply, messageOf(error, pages.locale(request)), known.status);
      }
    },
  );

  return Promise.resolve();
};
