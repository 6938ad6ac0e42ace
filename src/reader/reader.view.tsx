// The front page, the cookie settings page, and what a live page's head tells search engines,
// social sites and feed readers.
import { directionOf, t, type UiLocale } from '../lib/i18n.messages.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { formatUpdateTime } from '../lib/time.format.js';
import type { Consent } from '../platform/platform.consent.js';
import { StatusBadge } from '../liveblog/liveblog.view.js';
import { pm } from '../push/push.messages.js';

export function ConsentPage({
  locale,
  consent,
  back,
}: {
  locale: UiLocale;
  consent: Consent | undefined;
  back: string;
}) {
  const m = t(locale);
  return (
    <div class="consent-page">
      <h1>{m.cookieSettings}</h1>
      <p>{m.cookieText}</p>
      <form method="post" action="/consent" class="consent-form">
        <input type="hidden" name="back" value={back} />
        <input type="hidden" name="choice" value="custom" />
        <label>
          <input type="checkbox" checked disabled /> {m.cookieNecessary} — {m.cookieNecessaryNote}
        </label>
        <label>
          <input
            type="checkbox"
            name="preferences"
            value="1"
            checked={consent?.preferences ?? false}
          />{' '}
          {m.cookiePreferences}
        </label>
        <label>
          <input type="checkbox" name="analytics" value="1" checked={consent?.analytics ?? false} />{' '}
          {m.cookieAnalytics}
        </label>
        <label>
          <input type="checkbox" name="embeds" value="1" checked={consent?.embeds ?? false} />{' '}
          {m.cookieEmbeds}
        </label>
        <label>
          <input
            type="checkbox"
            name="notifications"
            value="1"
            checked={consent?.notifications ?? false}
          />{' '}
          {pm(locale).cookieNotifications}
        </label>
        <button type="submit">{m.cookieSave}</button>
      </form>
    </div>
  );
}

function PageCard({ liveblog, locale }: { liveblog: Liveblog; locale: UiLocale }) {
  return (
    <li class="page-card">
      <StatusBadge liveblog={liveblog} locale={locale} />
      <h3 lang={liveblog.locale} dir={directionOf(liveblog.locale)}>
        <a href={liveblogPath(liveblog.slug)}>{liveblog.headline}</a>
      </h3>
      {liveblog.standfirst ? (
        <p lang={liveblog.locale} dir={directionOf(liveblog.locale)}>
          {liveblog.standfirst}
        </p>
      ) : null}
      <p class="page-card-time">
        {t(locale).lastUpdated}:{' '}
        <time dateTime={liveblog.updatedAt.toISOString()}>
          {formatUpdateTime(liveblog.updatedAt, liveblog.timeZone, locale)}
        </time>
      </p>
    </li>
  );
}

export function FrontPage({
  liveblogs,
  locale,
}: {
  liveblogs: readonly Liveblog[];
  locale: UiLocale;
}) {
  const m = t(locale);
  const live = liveblogs.filter((l) => l.status === 'live' || l.status === 'scheduled');
  const recent = liveblogs.filter((l) => l.status === 'ended');
  return (
    <div class="front-page">
      <h1 class="visually-hidden">{m.siteTagline}</h1>
      <section aria-labelledby="live-pages">
        <h2 id="live-pages">{m.livePages}</h2>
        {live.length === 0 ? <p>{m.noPages}</p> : null}
        <ul class="page-list">
          {live.map((liveblog) => (
            <PageCard key={liveblog.id} liveblog={liveblog} locale={locale} />
          ))}
        </ul>
      </section>
      {recent.length > 0 ? (
        <section aria-labelledby="recent-pages">
          <h2 id="recent-pages">{m.recentPages}</h2>
          <ul class="page-list">
            {recent.map((liveblog) => (
              <PageCard key={liveblog.id} liveblog={liveblog} locale={locale} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export interface LivePageHeadModel {
  readonly liveblog: Liveblog;
  readonly siteName: string;
  readonly publicUrl: string;
  /** Of the page, or of the update a permalink is for. */
  readonly title: string;
  readonly description: string;
  readonly canonicalUrl: string;
  /** An absolute image URL for the social cards (our logo when the page has no photo). */
  readonly image: string;
  /** The schema.org LiveBlogPosting, already serialised for a script element. */
  readonly structuredData: string;
}

/** Alternates (the other language, oEmbed, the feeds), Open Graph, JSON-LD and the social card. */
export function LivePageHead({ model }: { model: LivePageHeadModel }) {
  const { liveblog, siteName, publicUrl, title, description, canonicalUrl, image } = model;
  return (
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
      <meta property="og:url" content={canonicalUrl} />
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
        dangerouslySetInnerHTML={{ __html: model.structuredData }}
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
  );
}
