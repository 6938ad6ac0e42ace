// The front page and the cookie settings page.
import { directionOf, t, type UiLocale } from '../lib/i18n.messages.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { formatUpdateTime } from '../lib/time.format.js';
import type { Consent } from '../platform/platform.consent.js';
import { StatusBadge } from '../liveblog/liveblog.view.js';

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
