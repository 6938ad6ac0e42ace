// The wire inbox page in the newsroom and its one form: turn an item into a draft on a live
// page (then on to that page's desk). Registered by newsroom.routes.ts under /newsroom.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toAppError } from '../platform/platform.http.js';
import type { StaffPages } from '../newsroom/newsroom.pages.js';
import { messageOf } from '../newsroom/newsroom.forms.js';
import { Html } from '../newsroom/newsroom.schema.js';
import type { WireService } from './wire.service.js';
import { WireDeskQuery, WireDraftForm, WireParams } from './wire.schema.js';
import { wm } from './wire.messages.js';
import { WirePage } from './wire.view.js';

export interface WireDeskRoutesOptions {
  readonly pages: StaffPages;
  readonly wire: Pick<WireService, 'desk' | 'draftFrom'>;
}

export const wireDeskRoutes: FastifyPluginAsyncTypebox<WireDeskRoutesOptions> = (
  app,
  { pages, wire },
) => {
  async function inbox(request: FastifyRequest, reply: FastifyReply, error?: string, status = 200) {
    const session = pages.signedIn(request, reply, 'wire.read');
    if (!session) return reply;
    const language = (request.query as { language?: string }).language;
    const { entries, pages: livePages, refused } = await wire.desk(session.actor, language);
    const locale = pages.locale(request);
    const page = (
      <WirePage
        locale={locale}
        entries={entries}
        pages={livePages}
        refused={refused}
        language={language}
        csrfToken={session.csrfToken}
        {...(error !== undefined && { error })}
      />
    );
    return pages.render(request, reply, wm(locale).title, page, { status });
  }

  app.get(
    '/wire',
    { schema: { hide: true, querystring: WireDeskQuery, response: { 200: Html } } },
    (request, reply) => inbox(request, reply),
  );

  app.post(
    '/wire/:id/draft',
    { schema: { hide: true, params: WireParams, querystring: WireDeskQuery, body: WireDraftForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'wire.read');
      if (!session) return reply;
      try {
        const slug = (request.body.liveblog ?? '').trim();
        const { liveblog } = await wire.draftFrom(session.actor, request.params.id, slug);
        return await reply.redirect(`/newsroom/liveblogs/${liveblog.slug}#queue`, 303);
      } catch (error) {
        const known = toAppError(error);
        if (!known || known.status === 403) throw error;
        return inbox(request, reply, messageOf(error, pages.locale(request)), known.status);
      }
    },
  );

  return Promise.resolve();
};
