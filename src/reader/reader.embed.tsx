// The widget partner sites embed: a small live page in an iframe that resizes itself, with the
// partner's colours, and the oEmbed endpoint that hands out the snippet.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { renderToString } from 'preact-render-to-string';
import { Type } from 'typebox';
import { directionOf, t } from '../lib/i18n.messages.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { UpdateArticle } from '../update/update.view.js';
import { errors, things } from '../platform/platform.errors.js';
import type { LivePageModel } from '../liveblog/liveblog.view.js';

const EMBED_UPDATES = 10;
const Colour = Type.String({ pattern: '^[0-9a-fA-F]{6}$', description: 'A hex colour without #' });

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The copy-paste snippet: the iframe, a resize listener that trusts only our origin, a fallback link. */
export function embedSnippet(publicUrl: string, slug: string, title: string, query = ''): string {
  const origin = new URL(publicUrl).origin;
  const src = `${publicUrl}/embed/${slug}${query}`;
  const page = `${publicUrl}${liveblogPath(slug)}`;
  return [
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" data-ajil-embed style="width:100%;min-height:320px;border:0" loading="lazy"></iframe>`,
    `<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(origin)}||!e.data||e.data.type!=="ajil:height")return;document.querySelectorAll("iframe[data-ajil-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})});</script>`,
    `<p><a href="${escapeAttribute(page)}">${escapeAttribute(title)}</a></p>`,
  ].join('\n');
}

function EmbedPage({
  model,
  accent,
  background,
  text,
}: {
  model: LivePageModel;
  accent: string;
  background: string;
  text: string;
}) {
  const { liveblog } = model;
  const { context } = model;
  const m = t(liveblog.locale);
  return (
    <div class="embed">
      <header class="embed-header">
        <span class={`badge status-badge status-${liveblog.status}`}>
          {
            { live: m.live, ended: m.ended, scheduled: m.scheduled, archived: m.archived }[
              liveblog.status
            ]
          }
        </span>{' '}
        <a
          href={`${context.publicUrl}${liveblogPath(liveblog.slug)}`}
          target="_blank"
          rel="noopener"
          dir="auto"
        >
          {liveblog.headline}
        </a>
      </header>
      <div id="new-updates-pill" class="new-updates-pill" hidden>
        <button type="button" class="new-updates-button" />
      </div>
      <div id="live-announcer" class="visually-hidden" aria-live="polite" />
      <div id="updates" class="updates" data-page="1" data-total={model.total}>
        {model.updates.slice(0, EMBED_UPDATES).map((update) => (
          <UpdateArticle key={update.id} update={update} context={context} />
        ))}
      </div>
      <style>{`:root{--accent:#${accent};--paper:#${background};--ink:#${text}}`}</style>
    </div>
  );
}

export const embedRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { publicUrl, siteName } = app.config;

  app.get(
    '/embed/:slug',
    {
      schema: {
        tags: ['widget'],
        summary: 'The live widget for partner sites (to be framed)',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(
          {
            accent: Type.Optional(Colour),
            background: Type.Optional(Colour),
            text: Type.Optional(Colour),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const model = await app.services.reader.livePage(request.params.slug, 1);
      const { liveblog } = model;
      const body = renderToString(
        <EmbedPage
          model={model}
          accent={request.query.accent ?? 'b3121f'}
          background={request.query.background ?? 'ffffff'}
          text={request.query.text ?? '1a1a1a'}
        />,
      );
      const html = `<!doctype html>${renderToString(
        <html lang={liveblog.locale} dir={directionOf(liveblog.locale)}>
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="robots" content="noindex" />
            <title>{`${liveblog.headline} | ${siteName}`}</title>
            <link rel="stylesheet" href={app.assets.url('app.css')} />
            <script type="module" src={app.assets.url('live.js')} nonce={request.cspNonce} />
          </head>
          <body
            class="embedded"
            data-liveblog={liveblog.slug}
            data-last-event-id={liveblog.lastSeq}
            data-page="1"
            data-locale={liveblog.locale}
            data-time-zone={liveblog.timeZone}
            data-status={liveblog.status}
            data-embed="1"
          >
            <div id="embed-root" />
          </body>
        </html>,
      ).replace('<div id="embed-root"></div>', body)}`;
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=5')
        .send(html);
    },
  );

  app.get(
    '/oembed',
    {
      schema: {
        tags: ['widget'],
        summary: 'oEmbed for live pages',
        querystring: Type.Object(
          {
            url: Type.String({ maxLength: 2000 }),
            format: Type.Optional(Type.Enum(['json'])),
            maxwidth: Type.Optional(Type.Integer({ minimum: 100, maximum: 4000 })),
            maxheight: Type.Optional(Type.Integer({ minimum: 100, maximum: 4000 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      let slug: string | undefined;
      try {
        const url = new URL(request.query.url);
        if (url.origin === new URL(publicUrl).origin)
          slug = /^\/live\/([a-z0-9-]+)/.exec(url.pathname)?.[1];
      } catch {
        slug = undefined;
      }
      if (!slug) throw errors.notFound(things.liveblog);
      const liveblog = await app.services.liveblogs.bySlug(slug);
      const width = request.query.maxwidth ?? 600;
      const height = Math.min(request.query.maxheight ?? 600, 600);
      return {
        version: '1.0',
        type: 'rich',
        provider_name: siteName,
        provider_url: publicUrl,
        title: liveblog.headline,
        width,
        height,
        html: embedSnippet(publicUrl, liveblog.slug, liveblog.headline),
      };
    },
  );

  return Promise.resolve();
};
