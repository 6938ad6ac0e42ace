// The reader's HTML pages: the front page, a live page and its numbered older pages,
// and the permalink of an update (which lands on the page that holds it).
import { isSameOrigin } from '../access/access.session.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { t } from '../lib/i18n.messages.js';
import { blocksToText } from '../blocks/blocks.schema.js';
import { LivePage, type LivePageModel } from '../liveblog/liveblog.view.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { PublishedUpdate } from '../update/update.types.js';
import { ConsentPage, FrontPage } from './reader.view.js';
import { renderDocument, type PageFrame } from '../frame/frame.view.js';
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ANALYTICS_COOKIE,
  consentCookie,
  consentOf,
  cookieValue,
  type Consent,
} from '../platform/platform.consent.js';
import { toAppError } from '../platform/platform.http.js';
import { AppError } from '../platform/platform.errors.js';
import { CommentsSection, type CommentsModel } from '../comment/comment.view.js';
import { siteDateStyle } from '../settings/settings.service.js';
import { firstImageUrl, liveBlogPosting, scriptJson } from './reader.feeds.js';

const COMMENTER_COOKIE = 'ajil_cid';
const NO_CONSENT: Consent = { preferences: false, analytics: false, embeds: false };

/** A path on this site to return to; anything else becomes the front page. */
function safeBack(value: string | undefined): string {
  return value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value.slice(0, 500) : '/';
}

const HtmlOut = Type.String({ description: 'An HTML page' });

function firstSentence(update: PublishedUpdate): string {
  const text = blocksToText(update.blocks).replace(/\s+/g, ' ').trim();
  const end = text.search(/[.!؟?。]\s/);
  const sentence = end > 0 ? text.slice(0, end + 1) : text;
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

export const readerRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { reader, comments } = app.services;
  const { siteName, publicUrl } = app.config;
  const secure = publicUrl.startsWith('https://');
  const origin = new URL(publicUrl).origin;

  // Forms (comments, consent) are accepted on these reader routes only.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  // The consent banner depends on the reader's cookie: caches must keep the versions apart.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      void reply.header('vary', 'cookie');
    done(null, payload);
  });

  // A first-party analytics id, only for readers who agreed to analytics.
  app.addHook('onRequest', (request, reply, done) => {
    if (
      request.method === 'GET' &&
      consentOf(request)?.analytics &&
      !cookieValue(request, ANALYTICS_COOKIE)
    ) {
      void reply.header(
        'set-cookie',
        `${ANALYTICS_COOKIE}=${randomBytes(16).toString('base64url')}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax${secure ? '; Secure' : ''}`,
      );
    }
    done();
  });

  function frame(
    request: FastifyRequest,
    partial: Omit<PageFrame, 'siteName' | 'assets' | 'nonce' | 'consent' | 'path'>,
  ): PageFrame {
    return {
      siteName,
      assets: app.assets,
      nonce: request.cspNonce,
      consent: consentOf(request),
      path: safeBack(request.url),
      ...partial,
    };
  }

  async function commentsModel(
    slug: string,
    order: 'newest' | 'oldest',
    notice?: 'pending' | 'published',
    error?: string,
  ): Promise<CommentsModel> {
    const { liveblog, comments: list, count } = await comments.list(slug, order);
    return {
      slug,
      locale: liveblog.locale,
      timeZone: liveblog.timeZone,
      dateStyle: liveblog.dateStyle ?? (await siteDateStyle(app.database.db)),
      comments: list,
      count,
      order,
      formToken: await comments.formToken(slug),
      notice,
      error,
    };
  }

  function livePageHtml(
    request: FastifyRequest,
    model: LivePageModel,
    focus?: PublishedUpdate,
  ): string {
    const { liveblog } = model;
    const canonicalPath = focus
      ? `${liveblogPath(liveblog.slug)}/updates/${focus.id}`
      : model.page > 1
        ? `${liveblogPath(liveblog.slug)}?page=${model.page}`
        : liveblogPath(liveblog.slug);
    const title = focus?.headline ?? liveblog.headline;
    const description = focus ? firstSentence(focus) : liveblog.standfirst;
    const image =
      (focus && firstImageUrl(focus, publicUrl)) ??
      model.updates.map((u) => firstImageUrl(u, publicUrl)).find((url) => url !== undefined) ??
      `${publicUrl}/logo.png`;
    const live = liveblog.status === 'live';
    return renderDocument(
      frame(request, {
        locale: liveblog.locale,
        title: `${title}${model.page > 1 ? ` — ${t(liveblog.locale).pageOf(model.page, model.pageCount)}` : ''} | ${siteName}`,
        description,
        canonicalUrl: `${publicUrl}${canonicalPath}`,
        scripts: live || model.page === 1 ? [app.assets.url('live.js')] : [],
        head: (
          <>
            {liveblog.translationSlug ? (
              <>
                <link
                  rel="alternate"
                  hrefLang={liveblog.locale}
                  href={`${publicUrl}${liveblogPath(liveblog.slug)}`}
                />
                <link
                  rel="alternate"
                  hrefLang={liveblog.locale === 'ar' ? 'en' : 'ar'}
                  href={`${publicUrl}${liveblogPath(liveblog.translationSlug)}`}
                />
              </>
            ) : null}
            <meta property="og:type" content="article" />
            <meta property="og:site_name" content={siteName} />
            <meta property="og:title" content={title} />
            <meta property="og:description" content={description} />
            <meta property="og:url" content={`${publicUrl}${canonicalPath}`} />
            <meta property="og:locale" content={liveblog.locale === 'ar' ? 'ar_AR' : 'en_GB'} />
            <link
              rel="alternate"
              type="application/json+oembed"
              href={`${publicUrl}/oembed?url=${encodeURIComponent(`${publicUrl}${liveblogPath(liveblog.slug)}`)}`}
            />
            <link
              rel="alternate"
              type="application/rss+xml"
              title={liveblog.headline}
              href={`${liveblogPath(liveblog.slug)}/feed.rss`}
            />
            <link
              rel="alternate"
              type="application/atom+xml"
              title={liveblog.headline}
              href={`${liveblogPath(liveblog.slug)}/feed.atom`}
            />
            <link
              rel="alternate"
              type="application/feed+json"
              title={liveblog.headline}
              href={`${liveblogPath(liveblog.slug)}/feed.json`}
            />
            <script
              type="application/ld+json"
              // Data, not script: serialised so that no "</script>" can close the element.
              // eslint-disable-next-line no-restricted-syntax
              dangerouslySetInnerHTML={{
                __html: scriptJson(
                  liveBlogPosting({
                    liveblog,
                    updates: model.updates,
                    // Each update's anchor is on this very page (page N of the coverage).
                    canonicalUrl: `${publicUrl}${canonicalPath}`,
                    publicUrl,
                    siteName,
                    lastUpdatedAt: model.lastUpdatedAt,
                  }),
                ),
              }}
            />
            <meta property="og:image" content={image} />
            <meta
              name="twitter:card"
              content={image.endsWith('/logo.png') ? 'summary' : 'summary_large_image'}
            />
            <meta name="twitter:image" content={image} />
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
          status: liveblog.status,
          digits: model.context.dateStyle.digits,
        },
      }),
      <LivePage model={model} />,
    );
  }

  app.get('/', { schema: { hide: true, response: { 200: HtmlOut } } }, async (request, reply) => {
    const liveblogs = await reader.frontPage();
    const html = renderDocument(
      frame(request, { locale: 'ar', title: `${siteName} — ${t('ar').siteTagline}` }),
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
          order: Type.Optional(Type.Enum(['newest', 'oldest'])),
          comment: Type.Optional(Type.Enum(['pending', 'published'])),
        }),
        response: { 200: HtmlOut },
      },
    },
    async (request, reply) => {
      const page = request.query.page ?? 1;
      const model = await reader.livePage(request.params.slug, page);
      const withComments =
        page === 1
          ? {
              ...model,
              comments: (
                <CommentsSection
                  model={await commentsModel(
                    request.params.slug,
                    request.query.order === 'oldest' ? 'oldest' : 'newest',
                    request.query.comment === 'pending' || request.query.comment === 'published'
                      ? request.query.comment
                      : undefined,
                  )}
                />
              ),
            }
          : model;
      // Pages vary with the consent banner, so a shared cache must keep them apart.
      return reply
        .type('text/html; charset=utf-8')
        .header(
          'cache-control',
          request.query.comment
            ? 'private, no-store'
            : 'public, max-age=5, stale-while-revalidate=30',
        )
        .send(livePageHtml(request, withComments));
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
        .send(livePageHtml(request, model, update));
    },
  );

  async function commentFailed(
    slug: string,
    request: FastifyRequest,
    reply: FastifyReply,
    error: AppError,
  ) {
    for (const [name, value] of Object.entries(error.headers ?? {})) void reply.header(name, value);
    const model = await reader.livePage(slug, 1);
    const message = error.messages[model.liveblog.locale];
    const withComments = {
      ...model,
      comments: <CommentsSection model={await commentsModel(slug, 'newest', undefined, message)} />,
    };
    return reply
      .code(error.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(livePageHtml(request, withComments));
  }

  app.post(
    '/live/:slug/comments',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug }),
        body: Type.Record(Type.String(), Type.String({ maxLength: 10_000 })),
      },
    },
    async (request, reply) => {
      const slug = request.params.slug;
      if (!isSameOrigin(request, origin)) {
        return commentFailed(
          slug,
          request,
          reply,
          new AppError(403, 'cross_site', {
            ar: 'أرسل التعليق من صفحة التغطية نفسها.',
            en: 'Send the comment from the live page itself.',
          }),
        );
      }
      const presented = cookieValue(request, COMMENTER_COOKIE);
      const cookieId =
        presented && /^[A-Za-z0-9_-]{22}$/.test(presented)
          ? presented
          : randomBytes(16).toString('base64url');
      try {
        const { shown } = await comments.post(
          slug,
          {
            name: request.body.name ?? '',
            email: request.body.email,
            text: request.body.text ?? '',
            website: request.body.website,
            formToken: request.body.t ?? '',
          },
          { address: request.ip, cookieId },
        );
        // Abuse protection for the comment the reader asked us to publish: a necessary cookie.
        void reply.header(
          'set-cookie',
          `${COMMENTER_COOKIE}=${cookieId}; Path=/live; Max-Age=${365 * 24 * 3600}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
        );
        return await reply.redirect(
          `/live/${slug}?comment=${shown ? 'published' : 'pending'}#comments`,
          303,
        );
      } catch (error) {
        const known = toAppError(error);
        if (!known || known.status === 404) throw error;
        return commentFailed(slug, request, reply, known);
      }
    },
  );

  app.get(
    '/consent',
    {
      schema: {
        hide: true,
        querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: HtmlOut },
      },
    },
    async (request, reply) => {
      const back = safeBack(request.query.back);
      const consent = consentOf(request);
      const html = renderDocument(
        // The banner is not shown over the very page where the choice is made.
        {
          ...frame(request, { locale: 'ar', title: `${t('ar').cookieSettings} | ${siteName}` }),
          consent: consent ?? NO_CONSENT,
        },
        <ConsentPage locale="ar" consent={consent} back={back} />,
      );
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await Promise.resolve(html));
    },
  );

  app.post(
    '/consent',
    { schema: { hide: true, body: Type.Record(Type.String(), Type.String({ maxLength: 600 })) } },
    (request, reply) => {
      if (!isSameOrigin(request, origin))
        throw new AppError(403, 'cross_site', {
          ar: 'طلب من موقع آخر.',
          en: 'A request from another site.',
        });
      const choice = request.body.choice;
      const all = choice === 'all';
      const custom = choice === 'custom';
      const consent: Consent = {
        preferences: all || (custom && request.body.preferences === '1'),
        analytics: all || (custom && request.body.analytics === '1'),
        embeds: all || (custom && request.body.embeds === '1'),
      };
      return reply
        .header('set-cookie', consentCookie(consent, secure))
        .header('cache-control', 'no-store')
        .redirect(safeBack(request.body.back), 303);
    },
  );

  return Promise.resolve();
};
