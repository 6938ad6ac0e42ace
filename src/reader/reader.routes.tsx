// The reader's HTML pages: the front page, a live page and its numbered older pages,
// and the permalink of an update (which lands on the page that holds it).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { t } from '../lib/i18n.messages.js';
import { blocksToText } from '../update/update.blocks.js';
import { LivePage, type LivePageModel } from '../liveblog/liveblog.view.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { PublishedUpdate } from '../update/update.repository.js';
import { FrontPage, renderDocument, type PageFrame } from './reader.view.js';

const HtmlOut = Type.String({ description: 'An HTML page' });

function firstSentence(update: PublishedUpdate): string {
  const text = blocksToText(update.blocks).replace(/\s+/g, ' ').trim();
  const end = text.search(/[.!؟?。]\s/);
  const sentence = end > 0 ? text.slice(0, end + 1) : text;
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

export const readerRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { reader } = app.services;
  const { siteName, publicUrl } = app.config;

  function frame(
    nonce: string,
    partial: Omit<PageFrame, 'siteName' | 'assets' | 'nonce'>,
  ): PageFrame {
    return { siteName, assets: app.assets, nonce, ...partial };
  }

  function livePageHtml(nonce: string, model: LivePageModel, focus?: PublishedUpdate): string {
    const { liveblog } = model;
    const canonicalPath = focus
      ? `${liveblogPath(liveblog.slug)}/updates/${focus.id}`
      : model.page > 1
        ? `${liveblogPath(liveblog.slug)}?page=${model.page}`
        : liveblogPath(liveblog.slug);
    const title = focus?.headline ?? liveblog.headline;
    const description = focus ? firstSentence(focus) : liveblog.standfirst;
    const live = liveblog.status === 'live';
    return renderDocument(
      frame(nonce, {
        locale: liveblog.locale,
        title: `${title}${model.page > 1 ? ` — ${t(liveblog.locale).pageOf(model.page, model.pageCount)}` : ''} | ${siteName}`,
        description,
        canonicalUrl: `${publicUrl}${canonicalPath}`,
        scripts: live ? [app.assets.url('live.js')] : [],
        head: (
          <>
            <meta property="og:type" content="article" />
            <meta property="og:site_name" content={siteName} />
            <meta property="og:title" content={title} />
            <meta property="og:description" content={description} />
            <meta property="og:url" content={`${publicUrl}${canonicalPath}`} />
            <meta property="og:locale" content={liveblog.locale === 'ar' ? 'ar_AR' : 'en_GB'} />
            <meta name="twitter:card" content="summary" />
            <meta name="twitter:title" content={title} />
            <meta name="twitter:description" content={description} />
          </>
        ),
        bodyData: {
          liveblog: liveblog.slug,
          'last-event-id': liveblog.lastSeq,
          page: model.page,
          locale: liveblog.locale,
          'time-zone': liveblog.timeZone,
        },
      }),
      <LivePage model={model} />,
    );
  }

  app.get('/', { schema: { hide: true, response: { 200: HtmlOut } } }, async (request, reply) => {
    const liveblogs = await reader.frontPage();
    const html = renderDocument(
      frame(request.cspNonce, { locale: 'ar', title: `${siteName} — ${t('ar').siteTagline}` }),
      <FrontPage liveblogs={liveblogs} locale="ar" />,
    );
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=10')
      .send(html);
  });

  app.get(
    '/live/:slug',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
        }),
        response: { 200: HtmlOut },
      },
    },
    async (request, reply) => {
      const model = await reader.livePage(request.params.slug, request.query.page ?? 1);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=5, stale-while-revalidate=30')
        .send(livePageHtml(request.cspNonce, model));
    },
  );

  app.get(
    '/live/:slug/updates/:id',
    {
      schema: {
        hide: true,
        params: Type.Object({
          slug: Slug,
          id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
        }),
        response: { 200: HtmlOut },
      },
    },
    async (request, reply) => {
      const { model, update } = await reader.permalink(request.params.slug, request.params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=30')
        .send(livePageHtml(request.cspNonce, model, update));
    },
  );

  return Promise.resolve();
};
