// A live page's desk, its settings and explainer forms, and an update's history. The composer
// and the live controls call the JSON API themselves (session cookie + CSRF header).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { LiveblogService } from '../liveblog/liveblog.service.js';
import type { UpdateService } from '../update/update.service.js';
import { UpdateParams } from '../update/update.schema.js';
import { embedSnippet } from '../reader/reader.embed.view.js';
import type { StaffPages } from './newsroom.pages.js';
import { explainerFrom, pageChangesFrom } from './newsroom.forms.js';
import { ExplainerForm, Html, LangQuery, PageSettingsForm, SlugParams } from './newsroom.schema.js';
import { presentRevisions } from './newsroom.presenter.js';
import { nm } from './newsroom.messages.js';
import { DeskPage } from './newsroom.desk.view.js';
import type { SourcePreset } from '../settings/settings.sources.js';
import { HistoryPage } from './newsroom.history.view.js';

export interface DeskRoutesOptions {
  readonly pages: StaffPages;
  readonly liveblogs: Pick<LiveblogService, 'change' | 'replaceExplainer'>;
  /** The composer's presets, a site setting. */
  readonly sourcePresets: () => Promise<readonly SourcePreset[]>;
  readonly updates: Pick<UpdateService, 'desk' | 'revisions'>;
  /** The site's public address, for the embed snippet. */
  readonly publicUrl: string;
}

export const deskRoutes: FastifyPluginAsyncTypebox<DeskRoutesOptions> = (app, options) => {
  const { pages, liveblogs, updates, publicUrl, sourcePresets } = options;
  const backToDesk = (slug: string) => `/newsroom/liveblogs/${slug}`;

  app.get(
    '/liveblogs/:slug',
    { schema: { hide: true, params: SlugParams, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply);
      if (!session) return reply;
      const { liveblog, explainer, drafts, published, summary } = await updates.desk(
        session.actor,
        request.params.slug,
      );
      const widget = embedSnippet(publicUrl, liveblog.slug, liveblog.headline);
      const presets = await sourcePresets();
      const page = (
        <DeskPage
          locale={pages.locale(request)}
          actor={session.actor}
          csrfToken={session.csrfToken}
          model={{ liveblog, explainer, drafts, published, widget, summary, presets }}
        />
      );
      return pages.render(request, reply, liveblog.headline, page, {
        withScript: true,
        bodyData: { liveblog: liveblog.slug, 'user-id': String(session.user.id) },
      });
    },
  );

  app.post(
    '/liveblogs/:slug/settings',
    { schema: { hide: true, params: SlugParams, body: PageSettingsForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply);
      if (!session) return reply;
      const { slug } = request.params;
      await liveblogs.change(session.actor, slug, pageChangesFrom(request.body));
      return reply.redirect(backToDesk(slug), 303);
    },
  );

  app.post(
    '/liveblogs/:slug/explainer',
    { schema: { hide: true, params: SlugParams, body: ExplainerForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply);
      if (!session) return reply;
      const { slug } = request.params;
      await liveblogs.replaceExplainer(session.actor, slug, explainerFrom(request.body));
      return reply.redirect(backToDesk(slug), 303);
    },
  );

  app.get(
    '/liveblogs/:slug/updates/:id/history',
    {
      schema: { hide: true, params: UpdateParams, querystring: LangQuery, response: { 200: Html } },
    },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'update.edit');
      if (!session) return reply;
      const { slug, id } = request.params;
      const { liveblog, revisions } = await updates.revisions(session.actor, slug, id);
      const locale = pages.locale(request);
      const page = (
        <HistoryPage locale={locale} liveblog={liveblog} revisions={presentRevisions(revisions)} />
      );
      return pages.render(request, reply, nm(locale).history, page);
    },
  );

  return Promise.resolve();
};
