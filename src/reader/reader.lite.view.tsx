// The lite page: the newest updates as text, for 2G and for readers in outage zones. No
// stylesheet, no web fonts, no script, no image: the browser's own defaults, which read well in
// both directions. Text is isolated and linked like on the full page (text.isolate.ts).
import { renderToString } from 'preact-render-to-string';
import type { Block } from '../blocks/blocks.schema.js';
import { directionOf, t } from '../lib/i18n.messages.js';
import { readerText } from '../lib/i18n.reader.messages.js';
import { IsolatedText } from '../lib/text.isolate.view.js';
import { formatUpdateTime, plural, toIsoString } from '../lib/time.format.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import type { LivePageModel } from '../liveblog/liveblog.view.js';
import type { PublishedUpdate } from '../update/update.types.js';
import { Inlines } from '../update/update.view.js';
import { updateAnchor, updateUrlPath } from '../update/update.paths.js';

export function litePath(slug: string, page = 1): string {
  return `${liveblogPath(slug)}/lite${page > 1 ? `?page=${page}` : ''}`;
}

function LiteBlock({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines content={block.content} />
        </p>
      );
    case 'heading':
      return (
        <p>
          <b>
            <IsolatedText text={block.text} linked={false} />
          </b>
        </p>
      );
    case 'quote':
      return (
        <blockquote>
          <Inlines content={block.content} />
          {block.cite ? <> — {block.cite}</> : null}
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item, j) => (
        <li key={j}>
          <Inlines content={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    // A photo is its caption, an embed its link: nothing to download but text.
    case 'image':
      return block.caption ? (
        <p>
          <i dir="auto">{block.caption}</i>
        </p>
      ) : null;
    case 'embed':
      return /^https?:\/\//i.test(block.url) ? (
        <p dir="auto">
          <a href={block.url} rel="noopener nofollow ugc">
            {block.title ?? block.url}
          </a>
        </p>
      ) : null;
  }
}

function LiteUpdate({ update, model }: { update: PublishedUpdate; model: LivePageModel }) {
  const { liveblog, context } = model;
  const m = t(liveblog.locale);
  return (
    <article id={updateAnchor(update.id)}>
      <h3 dir="auto">
        <a href={updateUrlPath(liveblog.slug, update.id)}>
          {update.headline ? (
            <IsolatedText text={update.headline} linked={false} />
          ) : (
            <time dateTime={toIsoString(update.publishedAt)}>
              {formatUpdateTime(
                update.publishedAt,
                liveblog.timeZone,
                liveblog.locale,
                context.dateStyle,
              )}
            </time>
          )}
        </a>
      </h3>
      <p>
        {update.breaking ? <b>{m.breaking} · </b> : null}
        {update.keyEvent ? <b>{m.keyEvents} · </b> : null}
        <time dateTime={toIsoString(update.publishedAt)}>
          {formatUpdateTime(
            update.publishedAt,
            liveblog.timeZone,
            liveblog.locale,
            context.dateStyle,
          )}
        </time>
      </p>
      <div dir="auto">
        {update.blocks.map((block, i) => (
          <LiteBlock key={i} block={block} />
        ))}
      </div>
    </article>
  );
}

export function renderLitePage({
  model,
  siteName,
  publicUrl,
}: {
  model: LivePageModel;
  siteName: string;
  publicUrl: string;
}): string {
  const { liveblog, page, pageCount } = model;
  const m = t(liveblog.locale);
  const r = readerText(liveblog.locale);
  const full =
    page > 1 ? `${liveblogPath(liveblog.slug)}?page=${page}` : liveblogPath(liveblog.slug);
  const html = renderToString(
    <html lang={liveblog.locale} dir={directionOf(liveblog.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${liveblog.headline} — ${r.liteTitle} | ${siteName}`}</title>
        <link rel="canonical" href={`${publicUrl}${full}`} />
        {liveblog.standfirst ? <meta name="description" content={liveblog.standfirst} /> : null}
      </head>
      <body>
        <header>
          <p>
            <a href="/">{siteName}</a> · {r.liteNote} <a href={full}>{r.fullPage}</a>
          </p>
          <h1 dir="auto">{liveblog.headline}</h1>
          {liveblog.standfirst ? <p dir="auto">{liveblog.standfirst}</p> : null}
          {model.lastUpdatedAt ? (
            <p>
              {m.lastUpdated}:{' '}
              <time dateTime={toIsoString(model.lastUpdatedAt)}>
                {formatUpdateTime(
                  model.lastUpdatedAt,
                  liveblog.timeZone,
                  liveblog.locale,
                  model.context.dateStyle,
                )}
              </time>
            </p>
          ) : null}
        </header>
        <main>
          <h2>
            {m.latestUpdates} (
            {plural(liveblog.locale, model.total, m.updatesCount, model.context.dateStyle.digits)})
          </h2>
          {model.updates.map((update) => (
            <LiteUpdate key={update.id} update={update} model={model} />
          ))}
          {model.total === 0 ? <p>{m.noUpdatesYet}</p> : null}
        </main>
        <footer>
          <nav aria-label={m.pageOf(page, pageCount)}>
            {page > 1 ? (
              <a rel="prev" href={litePath(liveblog.slug, page - 1)}>
                {m.newerPage}
              </a>
            ) : null}{' '}
            {m.pageOf(page, pageCount)}{' '}
            {page < pageCount ? (
              <a rel="next" href={litePath(liveblog.slug, page + 1)}>
                {m.olderPage}
              </a>
            ) : null}
          </nav>
        </footer>
      </body>
    </html>,
  );
  return `<!doctype html>${html}`;
}
