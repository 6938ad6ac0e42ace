// The staff page layout: head, header with the navigation the role may use, and main. Arabic
// RTL by default with an English switch; the desk's script is added only where it is needed.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { directionOf, type UiLocale } from '../lib/i18n.messages.js';
import type { Assets } from '../platform/platform.assets.js';
import { can, type Actor } from '../access/access.policy.js';
import { nm } from './newsroom.messages.js';
import { CsrfField } from './newsroom.fields.view.js';
import { wm } from '../wire/wire.messages.js';

export interface NewsroomFrame {
  readonly locale: UiLocale;
  readonly title: string;
  readonly siteName: string;
  readonly assets: Assets;
  readonly actor?: Actor;
  readonly csrfToken?: string;
  readonly withScript?: boolean;
  readonly bodyData?: Readonly<Record<string, string>>;
}

/** The links the actor's role opens, the language switch, the user and sign-out. */
function StaffNav({ frame, actor }: { frame: NewsroomFrame; actor: Actor }) {
  const m = nm(frame.locale);
  const other = frame.locale === 'ar' ? 'en' : 'ar';
  return (
    <nav class="newsroom-nav" aria-label={m.newsroom}>
      <a href="/newsroom">{m.dashboard}</a>
      {can(actor, 'comment.moderate') ? <a href="/newsroom/comments">{m.moderation}</a> : null}
      {can(actor, 'wire.read') ? <a href="/newsroom/wire">{wm(frame.locale).wire}</a> : null}
      {can(actor, 'user.manage') ? <a href="/newsroom/users">{m.users}</a> : null}
      {can(actor, 'user.manage') ? <a href="/newsroom/settings">{m.siteSettings}</a> : null}
      {can(actor, 'audit.read') ? <a href="/newsroom/audit">{m.audit}</a> : null}
      <form method="post" action="/newsroom/locale" class="inline-form">
        <CsrfField token={frame.csrfToken} />
        <input type="hidden" name="locale" value={other} />
        <button type="submit" class="link-button" lang={other}>
          {m.switchLanguage}
        </button>
      </form>
      <a href="/newsroom/account" class="newsroom-user">
        <bdi>{actor.name}</bdi> ({actor.role ? m.roles[actor.role] : ''})
      </a>
      <form method="post" action="/newsroom/logout" class="inline-form">
        <CsrfField token={frame.csrfToken} />
        <button type="submit" class="link-button">
          {m.logout}
        </button>
      </form>
    </nav>
  );
}

function NewsroomLayout({
  frame,
  children,
}: {
  frame: NewsroomFrame;
  children: ComponentChildren;
}) {
  const m = nm(frame.locale);
  const data = Object.fromEntries(
    Object.entries(frame.bodyData ?? {}).map(([k, v]) => [`data-${k}`, v]),
  );
  return (
    <html lang={frame.locale} dir={directionOf(frame.locale)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${frame.title} — ${m.newsroom} | ${frame.siteName}`}</title>
        {frame.csrfToken ? <meta name="csrf-token" content={frame.csrfToken} /> : null}
        <link rel="stylesheet" href={frame.assets.url('app.css')} />
        <link rel="stylesheet" href={frame.assets.url('newsroom.css')} />
        {frame.withScript ? <script type="module" src={frame.assets.url('newsroom.js')} /> : null}
      </head>
      <body class="newsroom" {...data} data-locale={frame.locale}>
        <a class="skip-link" href="#main">
          {frame.locale === 'ar' ? 'انتقل إلى المحتوى' : 'Skip to content'}
        </a>
        <header class="site-header newsroom-header">
          <a class="site-name" href="/newsroom">
            {frame.siteName} · {m.newsroom}
          </a>
          {frame.actor ? <StaffNav frame={frame} actor={frame.actor} /> : null}
        </header>
        <main id="main" class="newsroom-main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

export function renderNewsroom(frame: NewsroomFrame, body: ComponentChildren): string {
  return `<!doctype html>${renderToString(<NewsroomLayout frame={frame}>{body}</NewsroomLayout>)}`;
}
