// The widget partner sites embed: a small live page, with the partner's colours, made to be
// framed; and the copy-paste snippet that frames it and resizes it.
import { renderToString } from 'preact-render-to-string';
import { directionOf, t } from '../lib/i18n.messages.js';
import type { Assets } from '../platform/platform.assets.js';
import { ReaderHeadLinks } from '../frame/frame.view.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { UpdateArticle } from '../update/update.view.js';
import type { LivePageModel } from '../liveblog/liveblog.view.js';

const EMBED_UPDATES = 10;

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

export interface EmbedDocument {
  readonly model: LivePageModel;
  /** Hex colours without #. */
  readonly accent: string;
  readonly background: string;
  readonly text: string;
  readonly siteName: string;
  readonly assets: Assets;
}

/** The whole widget document: not indexed, with the live client and the partner's colours. */
export function renderEmbedDocument({
  model,
  accent,
  background,
  text,
  siteName,
  assets,
}: EmbedDocument): string {
  const { liveblog } = model;
  const body = renderToString(
    <EmbedPage model={model} accent={accent} background={background} text={text} />,
  );
  return `<!doctype html>${renderToString(
    <html lang={liveblog.locale} dir={directionOf(liveblog.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${liveblog.headline} | ${siteName}`}</title>
        <ReaderHeadLinks assets={assets} locale={liveblog.locale} />
        <script type="module" src={assets.url('live.js')} />
      </head>
      <body
        class="embedded"
        data-liveblog={liveblog.slug}
        data-last-event-id={liveblog.lastSeq}
        data-page="1"
        data-follow="1"
        data-locale={liveblog.locale}
        data-time-zone={liveblog.timeZone}
        data-status={liveblog.status}
        data-embed="1"
      >
        <div id="embed-root" />
      </body>
    </html>,
  ).replace('<div id="embed-root"></div>', body)}`;
}
