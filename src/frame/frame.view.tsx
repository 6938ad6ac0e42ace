// The page frame every reader page shares (head, header with the search box, footer, consent
// banner), and the 404 and error pages. A ground floor: it imports no domain.
import type { ComponentChildren } from 'preact';
import { createHash } from 'node:crypto';
import { renderToString } from 'preact-render-to-string';
import { directionOf, t, type UiLocale } from '../lib/i18n.messages.js';
import type { Assets } from '../platform/platform.assets.js';
import { CONSENT_COOKIE } from '../platform/platform.consent.js';
import { SearchBox } from './frame.search-box.js';

export interface PageFrame {
  readonly locale: UiLocale;
  readonly title: string;
  readonly description?: string;
  readonly siteName: string;
  readonly assets: Assets;
  readonly canonicalUrl?: string;
  readonly scripts?: readonly string[];
  readonly head?: ComponentChildren;
  /** Attributes the live client reads from <body>. */
  readonly bodyData?: Readonly<Record<string, string | number>>;
  /** False on the consent page itself; every other page carries the banner. */
  readonly banner?: boolean;
  /** Where the consent form returns to. */
  readonly path?: string;
}

/**
 * The one inline script: before the body is drawn, it marks <html> when the reader has made a
 * cookie choice, and the stylesheet hides the banner. So the page is the same bytes for every
 * reader (a shared cache keeps one copy) and a reader who has chosen never sees it flash.
 */
const CONSENT_STATE_SCRIPT = `if(/(?:^|;\\s*)${CONSENT_COOKIE}=v1\\./.test(document.cookie))document.documentElement.classList.add('consent-chosen')`;

/** The CSP hashes of the inline scripts above, for `script-src`. */
export const INLINE_SCRIPT_HASHES: readonly string[] = [
  `'sha256-${createHash('sha256').update(CONSENT_STATE_SCRIPT).digest('base64')}'`,
];

/** Accept all, reject all, or choose: plain forms, so the choice works without JavaScript. */
function ConsentBanner({ locale, back }: { locale: UiLocale; back: string }) {
  const m = t(locale);
  return (
    <section class="consent-banner" aria-labelledby="consent-title" role="region">
      <h2 id="consent-title">{m.cookieTitle}</h2>
      <p>{m.cookieText}</p>
      <div class="consent-actions">
        <form method="post" action="/consent">
          <input type="hidden" name="back" value={back} />
          <button type="submit" name="choice" value="all" class="consent-accept">
            {m.cookieAcceptAll}
          </button>
        </form>
        <form method="post" action="/consent">
          <input type="hidden" name="back" value={back} />
          <button type="submit" name="choice" value="none" class="consent-reject">
            {m.cookieRejectAll}
          </button>
        </form>
        <a href={`/consent?back=${encodeURIComponent(back)}`} class="consent-choose">
          {m.cookieChoose}
        </a>
      </div>
    </section>
  );
}

/**
 * What the head of every reader page links (the widget's too): the stylesheet, the text face
 * the first screen needs (preloaded, so text is not drawn twice), the icons and the web-app
 * manifest, and the browser's colour for each scheme.
 */
export function ReaderHeadLinks({ assets, locale }: { assets: Assets; locale: UiLocale }) {
  return (
    <>
      <meta name="color-scheme" content="light dark" />
      <meta name="theme-color" content="#b3121f" media="(prefers-color-scheme: light)" />
      <meta name="theme-color" content="#7a0c15" media="(prefers-color-scheme: dark)" />
      <link
        rel="preload"
        href={assets.url(`fonts/naskh-400-${locale === 'ar' ? 'arabic' : 'latin'}.woff2`)}
        as="font"
        type="font/woff2"
        crossOrigin="anonymous"
      />
      <link rel="stylesheet" href={assets.url('app.css')} />
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="apple-touch-icon" href="/icon-192.png" />
      <link rel="manifest" href="/manifest.webmanifest" />
    </>
  );
}

function Layout({ frame, children }: { frame: PageFrame; children: ComponentChildren }) {
  const m = t(frame.locale);
  const data = Object.fromEntries(
    Object.entries(frame.bodyData ?? {}).map(([key, value]) => [`data-${key}`, String(value)]),
  );
  return (
    <html lang={frame.locale} dir={directionOf(frame.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{frame.title}</title>
        {frame.description ? <meta name="description" content={frame.description} /> : null}
        {frame.canonicalUrl ? <link rel="canonical" href={frame.canonicalUrl} /> : null}
        {/* A constant of ours, allowed by its hash in the CSP; no user text reaches it. */}
        {/* eslint-disable-next-line no-restricted-syntax -- the one inline script, a constant */}
        <script dangerouslySetInnerHTML={{ __html: CONSENT_STATE_SCRIPT }} />
        <ReaderHeadLinks assets={frame.assets} locale={frame.locale} />
        {frame.head}
        {(frame.scripts ?? []).map((src) => (
          <script key={src} type="module" src={src} />
        ))}
      </head>
      <body {...data}>
        <a class="skip-link" href="#main">
          {m.skipToContent}
        </a>
        <header class="site-header">
          <a class="site-name" href="/">
            {frame.siteName}
          </a>
          <span class="site-tagline">{m.siteTagline}</span>
          <SearchBox locale={frame.locale} id="site-search-q" />
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{m.footerNote}</p>
          <p>
            <a href="/">{m.home}</a> · <a href="/api/docs">{m.apiDocs}</a> ·{' '}
            <a href={`/consent?back=${encodeURIComponent(frame.path ?? '/')}`}>
              {m.cookieSettings}
            </a>
          </p>
        </footer>
        {frame.banner === false ? null : (
          <ConsentBanner locale={frame.locale} back={frame.path ?? '/'} />
        )}
      </body>
    </html>
  );
}

export function renderDocument(frame: PageFrame, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(<Layout frame={frame}>{body}</Layout>)}`;
}

/** 404 and error pages: Arabic first, with the English line under it. */
export function ProblemPage({ kind }: { kind: 'not-found' | 'error' }) {
  const ar = t('ar');
  const en = t('en');
  const [titleAr, bodyAr, titleEn, bodyEn] =
    kind === 'not-found'
      ? [ar.notFoundTitle, ar.notFoundBody, en.notFoundTitle, en.notFoundBody]
      : [ar.errorTitle, ar.errorBody, en.errorTitle, en.errorBody];
  return (
    <div class="problem-page">
      <h1>{titleAr}</h1>
      <p>{bodyAr}</p>
      <p>
        <a href="/">{ar.backHome}</a>
      </p>
      <div lang="en" dir="ltr" class="problem-page-en">
        <h2>{titleEn}</h2>
        <p>{bodyEn}</p>
        <p>
          <a href="/">{en.backHome}</a>
        </p>
      </div>
    </div>
  );
}

/** The whole HTML error page, for the error handler (which takes it as a callback). */
export function renderProblemDocument(
  frame: Omit<PageFrame, 'locale' | 'title'>,
  status: number,
): string {
  const notFound = status === 404;
  return renderDocument(
    { ...frame, locale: 'ar', title: notFound ? 'الصفحة غير موجودة' : 'حدث خطأ' },
    <ProblemPage kind={notFound ? 'not-found' : 'error'} />,
  );
}
