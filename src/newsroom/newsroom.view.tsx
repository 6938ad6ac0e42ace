// The newsroom's pages: server-rendered, Arabic RTL by default with an English switch; the
// composer and the live controls are enhanced by src/client/newsroom.ts.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { directionOf, type UiLocale } from '../lib/i18n.messages.js';
import { DEFAULT_DATE_STYLE, formatUpdateTime, type DateStyle } from '../lib/time.format.js';
import type { Assets } from '../platform/platform.assets.js';
import type { Liveblog, ExplainerSection } from '../liveblog/liveblog.types.js';
import { LIVEBLOG_STATUSES } from '../liveblog/liveblog.types.js';
import type { Update } from '../update/update.types.js';
import { blocksToText } from '../blocks/blocks.schema.js';
import { ROLES, can, type Actor } from '../access/access.policy.js';
import type { User } from '../access/access.repository.js';
import { nm } from './newsroom.messages.js';

export interface NewsroomFrame {
  readonly locale: UiLocale;
  readonly title: string;
  readonly siteName: string;
  readonly assets: Assets;
  readonly nonce: string;
  readonly actor?: Actor;
  readonly csrfToken?: string;
  readonly withScript?: boolean;
  readonly bodyData?: Readonly<Record<string, string>>;
}

const SOURCE_PRESETS = [
  { name: 'رويترز', kind: 'wire' },
  { name: 'أسوشيتد برس', kind: 'wire' },
  { name: 'فرانس برس', kind: 'wire' },
  { name: 'أكسيوس', kind: 'media' },
  { name: 'وول ستريت جورنال', kind: 'media' },
  { name: 'بيان رسمي', kind: 'official' },
  { name: 'منشور على إكس', kind: 'social' },
  { name: 'مراسلنا', kind: 'own' },
] as const;

const TIME_ZONES = [
  'Asia/Muscat',
  'Asia/Riyadh',
  'Asia/Dubai',
  'Asia/Qatar',
  'Asia/Kuwait',
  'Asia/Bahrain',
  'Asia/Baghdad',
  'Asia/Tehran',
  'Asia/Beirut',
  'Asia/Damascus',
  'Asia/Amman',
  'Asia/Jerusalem',
  'Africa/Cairo',
  'Africa/Khartoum',
  'Africa/Tunis',
  'Africa/Algiers',
  'Africa/Casablanca',
  'Europe/London',
  'America/New_York',
  'UTC',
];

export function CsrfField({ token }: { token: string | undefined }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

function NewsroomLayout({
  frame,
  children,
}: {
  frame: NewsroomFrame;
  children: ComponentChildren;
}) {
  const m = nm(frame.locale);
  const actor = frame.actor;
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
        {frame.withScript ? (
          <script type="module" src={frame.assets.url('newsroom.js')} nonce={frame.nonce} />
        ) : null}
      </head>
      <body class="newsroom" {...data} data-locale={frame.locale}>
        <a class="skip-link" href="#main">
          {frame.locale === 'ar' ? 'انتقل إلى المحتوى' : 'Skip to content'}
        </a>
        <header class="site-header newsroom-header">
          <a class="site-name" href="/newsroom">
            {frame.siteName} · {m.newsroom}
          </a>
          {actor ? (
            <nav class="newsroom-nav" aria-label={m.newsroom}>
              <a href="/newsroom">{m.dashboard}</a>
              {can(actor, 'comment.moderate') ? (
                <a href="/newsroom/comments">{m.moderation}</a>
              ) : null}
              {can(actor, 'user.manage') ? <a href="/newsroom/users">{m.users}</a> : null}
              {can(actor, 'user.manage') ? <a href="/newsroom/settings">{m.siteSettings}</a> : null}
              {can(actor, 'audit.read') ? <a href="/newsroom/audit">{m.audit}</a> : null}
              <form method="post" action="/newsroom/locale" class="inline-form">
                <CsrfField token={frame.csrfToken} />
                <input type="hidden" name="locale" value={frame.locale === 'ar' ? 'en' : 'ar'} />
                <button
                  type="submit"
                  class="link-button"
                  lang={frame.locale === 'ar' ? 'en' : 'ar'}
                >
                  {m.switchLanguage}
                </button>
              </form>
              <span class="newsroom-user">
                <bdi>{actor.name}</bdi> ({actor.role ? m.roles[actor.role] : ''})
              </span>
              <form method="post" action="/newsroom/logout" class="inline-form">
                <CsrfField token={frame.csrfToken} />
                <button type="submit" class="link-button">
                  {m.logout}
                </button>
              </form>
            </nav>
          ) : null}
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

function ErrorNote({ message }: { message: string | undefined }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

export function LoginPage({
  locale,
  error,
  email,
}: {
  locale: UiLocale;
  error?: string;
  email?: string;
}) {
  const m = nm(locale);
  return (
    <section class="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{m.login}</h1>
      <ErrorNote message={error} />
      <form method="post" action="/newsroom/login">
        <input type="hidden" name="locale" value={locale} />
        <label>
          {m.email}
          <input
            type="email"
            name="email"
            required
            autocomplete="username"
            value={email ?? ''}
            dir="ltr"
          />
        </label>
        <label>
          {m.password}
          <input
            type="password"
            name="password"
            required
            autocomplete="current-password"
            minLength={8}
            maxLength={128}
          />
        </label>
        <button type="submit" class="primary">
          {m.login}
        </button>
      </form>
      <p>
        <a href={locale === 'ar' ? '/newsroom/login?lang=en' : '/newsroom/login?lang=ar'}>
          {m.switchLanguage}
        </a>
      </p>
    </section>
  );
}

export function SetupPage({ locale, error }: { locale: UiLocale; error?: string }) {
  const m = nm(locale);
  return (
    <section class="auth-card" aria-labelledby="setup-title">
      <h1 id="setup-title">{m.setupTitle}</h1>
      <p>{m.setupIntro}</p>
      <ErrorNote message={error} />
      <form method="post" action="/newsroom/setup">
        <label>
          {m.displayName}
          <input name="displayName" required maxLength={120} />
        </label>
        <label>
          {m.email}
          <input type="email" name="email" required autocomplete="username" dir="ltr" />
        </label>
        <label>
          {m.password}
          <input
            type="password"
            name="password"
            required
            autocomplete="new-password"
            minLength={8}
            maxLength={128}
          />
        </label>
        <button type="submit" class="primary">
          {m.createAdmin}
        </button>
      </form>
    </section>
  );
}

export interface DashboardRow {
  readonly liveblog: Liveblog;
  readonly readers: number;
}

export function DashboardPage({
  locale,
  actor,
  rows,
  csrfToken,
  error,
}: {
  locale: UiLocale;
  actor: Actor;
  rows: readonly DashboardRow[];
  csrfToken: string;
  error?: string;
}) {
  const m = nm(locale);
  return (
    <>
      <h1>{m.dashboard}</h1>
      <section aria-labelledby="pages-title">
        <h2 id="pages-title">{m.livePages}</h2>
        {rows.length === 0 ? <p>{m.noPages}</p> : null}
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{m.headline}</th>
              <th scope="col">{m.status}</th>
              <th scope="col">{m.lastUpdate}</th>
              <th scope="col">{m.readersNow}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ liveblog, readers }) => (
              <tr key={liveblog.id}>
                <td>
                  <a href={`/newsroom/liveblogs/${liveblog.slug}`} dir="auto">
                    {liveblog.headline}
                  </a>
                </td>
                <td>{m.statuses[liveblog.status]}</td>
                <td>
                  <time dateTime={liveblog.updatedAt.toISOString()}>
                    {formatUpdateTime(liveblog.updatedAt, liveblog.timeZone, locale)}
                  </time>
                </td>
                <td>{readers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {can(actor, 'liveblog.create') ? (
        <section aria-labelledby="new-page-title" class="panel">
          <h2 id="new-page-title">{m.newPage}</h2>
          <ErrorNote message={error} />
          <form method="post" action="/newsroom/liveblogs" class="grid-form">
            <CsrfField token={csrfToken} />
            <label>
              {m.headline}
              <input name="headline" required maxLength={300} dir="auto" />
            </label>
            <label>
              {m.slug}
              <input
                name="slug"
                required
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                maxLength={80}
                dir="ltr"
              />
            </label>
            <label>
              {m.standfirst}
              <textarea name="standfirst" maxLength={1000} rows={2} dir="auto" />
            </label>
            <label>
              {m.timeZone}
              <select name="timeZone">
                {TIME_ZONES.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {m.language}
              <select name="locale">
                <option value="ar">العربية</option>
                <option value="en">English</option>
              </select>
            </label>
            <button type="submit" class="primary">
              {m.create}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

function UpdateRow({
  update,
  locale,
  actor,
  liveblog,
}: {
  update: Update;
  locale: UiLocale;
  actor: Actor;
  liveblog: Liveblog;
}) {
  const m = nm(locale);
  const when = update.publishedAt ?? update.scheduledAt ?? update.updatedAt;
  const statusLabel =
    update.status === 'published'
      ? ''
      : update.status === 'scheduled'
        ? m.scheduled
        : update.status === 'submitted'
          ? m.submitted
          : m.draft;
  return (
    <li class="desk-item" data-update-id={update.id} data-status={update.status}>
      <div class="desk-item-meta">
        <time dateTime={when.toISOString()}>
          {formatUpdateTime(when, liveblog.timeZone, locale)}
        </time>
        {statusLabel ? <span class="badge">{statusLabel}</span> : null}
        {update.breaking ? <span class="badge badge-breaking">{m.breaking}</span> : null}
        {update.keyEvent ? <span class="badge badge-key">{m.keyEvent}</span> : null}
        {update.pinned ? <span class="badge badge-pinned">{m.pinned}</span> : null}
        <span class="desk-item-author">
          <bdi>{update.authorName}</bdi>
        </span>
      </div>
      {update.headline ? (
        <strong class="desk-item-headline" dir="auto">
          {update.headline}
        </strong>
      ) : null}
      <p class="desk-item-text" dir="auto">
        {blocksToText(update.blocks).slice(0, 280)}
      </p>
      {update.returnNote ? (
        <p class="desk-item-note">
          {m.returnedNote}: <bdi>{update.returnNote}</bdi>
        </p>
      ) : null}
      <div class="desk-item-actions">
        <button type="button" data-action="edit">
          {m.edit}
        </button>
        {update.status === 'published' && can(actor, 'update.edit') ? (
          <>
            <button type="button" data-action={update.pinned ? 'unpin' : 'pin'}>
              {update.pinned ? m.unpin : m.pin}
            </button>
            <button type="button" data-action={update.keyEvent ? 'unkey' : 'key'}>
              {update.keyEvent ? m.unmarkKey : m.markKey}
            </button>
            <a href={`/newsroom/liveblogs/${liveblog.slug}/updates/${update.id}/history`}>
              {m.history}
            </a>
          </>
        ) : null}
        {update.status === 'submitted' && can(actor, 'draft.review') ? (
          <>
            <button type="button" data-action="publish-draft" class="primary">
              {m.publish}
            </button>
            <button type="button" data-action="return">
              {m.returnDraft}
            </button>
          </>
        ) : null}
        {(update.status === 'published' && can(actor, 'update.delete')) ||
        update.status !== 'published' ? (
          <button type="button" data-action="delete" class="danger">
            {m.delete}
          </button>
        ) : null}
      </div>
    </li>
  );
}

export interface DeskModel {
  /** The copy-paste embed snippet for partner sites. */
  readonly widget: string;
  readonly liveblog: Liveblog;
  readonly explainer: readonly ExplainerSection[];
  readonly drafts: readonly Update[];
  readonly published: readonly Update[];
}

export function DeskPage({
  locale,
  actor,
  model,
  csrfToken,
}: {
  locale: UiLocale;
  actor: Actor;
  model: DeskModel;
  csrfToken: string;
}) {
  const m = nm(locale);
  const { liveblog } = model;
  const publisher = can(actor, 'update.publish');
  const queue = model.drafts.filter((d) => d.status === 'submitted' || d.status === 'scheduled');
  const mine = model.drafts.filter(
    (d) => d.status === 'draft' || (!publisher && d.status === 'submitted'),
  );
  return (
    <>
      <div class="desk-header">
        <h1 dir="auto">{liveblog.headline}</h1>
        <a href={`/live/${liveblog.slug}`} target="_blank" rel="noopener">
          {m.viewLive}
        </a>
      </div>
      <div class="desk">
        <section class="panel composer" aria-labelledby="compose-title">
          <h2 id="compose-title">{m.compose}</h2>
          <form id="composer" class="composer-form" data-can-publish={publisher ? 'true' : 'false'}>
            <label>
              {m.updateHeadline}
              <input id="composer-headline" name="headline" maxLength={300} dir="auto" />
            </label>
            <div class="toolbar" role="toolbar" aria-label={m.body} aria-controls="composer-body">
              <button type="button" data-command="bold" aria-label={m.bold}>
                <strong>B</strong>
              </button>
              <button type="button" data-command="italic" aria-label={m.italic}>
                <em>I</em>
              </button>
              <button type="button" data-command="link">
                {m.link}
              </button>
              <button type="button" data-command="heading">
                {m.heading}
              </button>
              <button type="button" data-command="quote">
                {m.quote}
              </button>
              <button type="button" data-command="list">
                {m.list}
              </button>
              <button type="button" data-command="numbered">
                {m.numbered}
              </button>
              <button type="button" data-command="embed">
                {m.embed}
              </button>
            </div>
            <div
              id="composer-body"
              class="composer-body"
              contentEditable="true"
              role="textbox"
              aria-multiline="true"
              aria-label={m.body}
              dir="auto"
              tabIndex={0}
            />
            <noscript>
              <p>
                {locale === 'ar' ? 'يحتاج المحرر إلى JavaScript.' : 'The editor needs JavaScript.'}
              </p>
            </noscript>
            <fieldset class="sources-field">
              <legend>{m.sources}</legend>
              <ul id="composer-sources" class="source-chips" />
              <div class="source-presets">
                {SOURCE_PRESETS.map((preset) => (
                  <button
                    key={preset.name}
                    type="button"
                    data-source-name={preset.name}
                    data-source-kind={preset.kind}
                  >
                    + {preset.name}
                  </button>
                ))}
              </div>
              <div class="source-custom">
                <label>
                  {m.customSource}
                  <input id="custom-source-name" maxLength={120} dir="auto" />
                </label>
                <select id="custom-source-kind" aria-label={m.sources}>
                  <option value="wire">wire</option>
                  <option value="official">official</option>
                  <option value="media">media</option>
                  <option value="social">social</option>
                  <option value="own">own</option>
                </select>
                <input
                  id="custom-source-url"
                  type="url"
                  placeholder="https://"
                  dir="ltr"
                  aria-label="URL"
                />
                <button type="button" id="add-custom-source">
                  {m.addSource}
                </button>
              </div>
            </fieldset>
            <fieldset class="flags">
              <label>
                <input type="checkbox" id="flag-key" /> {m.keyEvent}
              </label>
              {publisher ? (
                <label>
                  <input type="checkbox" id="flag-pinned" /> {m.pinned}
                </label>
              ) : null}
              <label>
                <input type="checkbox" id="flag-breaking" /> {m.breaking}
              </label>
              {publisher ? (
                <label>
                  {m.scheduleAt} <input type="datetime-local" id="schedule-at" />
                </label>
              ) : null}
            </fieldset>
            <div class="composer-actions">
              <button type="submit" class="primary" id="composer-send">
                {publisher ? m.publish : m.submit}
              </button>
              <button type="button" id="composer-preview">
                {m.preview}
              </button>
              <button type="button" id="composer-cancel" hidden>
                {m.cancelEdit}
              </button>
              <span class="hint">{publisher ? m.shortcutHint : m.shortcutHintReporter}</span>
              <span id="composer-status" class="composer-status" role="status" aria-live="polite" />
            </div>
          </form>
          <div id="composer-preview-pane" class="preview-pane live-page" hidden />
        </section>

        <section class="panel" aria-labelledby="queue-title">
          <h2 id="queue-title">{publisher ? m.queue : m.myDrafts}</h2>
          <ul class="desk-list" id="queue">
            {(publisher ? queue : mine).map((update) => (
              <UpdateRow
                key={update.id}
                update={update}
                locale={locale}
                actor={actor}
                liveblog={liveblog}
              />
            ))}
          </ul>
          {(publisher ? queue : mine).length === 0 ? <p>{m.noDrafts}</p> : null}
          {publisher && mine.length > 0 ? (
            <>
              <h3>{m.myDrafts}</h3>
              <ul class="desk-list">
                {mine.map((update) => (
                  <UpdateRow
                    key={update.id}
                    update={update}
                    locale={locale}
                    actor={actor}
                    liveblog={liveblog}
                  />
                ))}
              </ul>
            </>
          ) : null}
        </section>

        <section class="panel" aria-labelledby="stream-title">
          <h2 id="stream-title">{m.stream}</h2>
          <ul class="desk-list" id="published">
            {model.published.map((update) => (
              <UpdateRow
                key={update.id}
                update={update}
                locale={locale}
                actor={actor}
                liveblog={liveblog}
              />
            ))}
          </ul>
        </section>

        <section class="panel" aria-labelledby="widget-title">
          <h2 id="widget-title">{m.widget}</h2>
          <p class="hint">{m.widgetHint}</p>
          <textarea
            readOnly
            rows={6}
            dir="ltr"
            aria-labelledby="widget-title"
            class="widget-snippet"
          >
            {model.widget}
          </textarea>
        </section>

        {can(actor, 'liveblog.edit') ? (
          <SettingsPanels
            locale={locale}
            liveblog={liveblog}
            explainer={model.explainer}
            csrfToken={csrfToken}
          />
        ) : null}
      </div>
    </>
  );
}

function SettingsPanels({
  locale,
  liveblog,
  explainer,
  csrfToken,
}: {
  locale: UiLocale;
  liveblog: Liveblog;
  explainer: readonly ExplainerSection[];
  csrfToken: string;
}) {
  const m = nm(locale);
  // A section's photo travels as a hidden field, so saving the text keeps the photo.
  const sections = [
    ...explainer.map((s) => ({
      title: s.title,
      text: blocksToText(s.blocks.filter((b) => b.type !== 'image')),
      photoId: s.blocks.find((b) => b.type === 'image')?.photoId ?? '',
    })),
    { title: '', text: '', photoId: '' },
  ];
  return (
    <>
      <section class="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">{m.settings}</h2>
        <form
          method="post"
          action={`/newsroom/liveblogs/${liveblog.slug}/settings`}
          class="grid-form"
        >
          <CsrfField token={csrfToken} />
          <label>
            {m.headline}
            <input name="headline" required maxLength={300} value={liveblog.headline} dir="auto" />
          </label>
          <label>
            {m.standfirst}
            <textarea name="standfirst" maxLength={1000} rows={3} dir="auto">
              {liveblog.standfirst}
            </textarea>
          </label>
          <label>
            {m.status}
            <select name="status">
              {LIVEBLOG_STATUSES.map((status) => (
                <option key={status} value={status} selected={status === liveblog.status}>
                  {m.statuses[status]}
                </option>
              ))}
            </select>
          </label>
          <DateStyleFields locale={locale} style={liveblog.dateStyle} allowSite={true} />
          <label>
            {m.commentModeLabel}
            <select name="commentMode">
              <option value="pre" selected={liveblog.commentMode === 'pre'}>
                {m.commentModePre}
              </option>
              <option value="post" selected={liveblog.commentMode === 'post'}>
                {m.commentModePost}
              </option>
            </select>
          </label>
          <label>
            {m.timeZone}
            <select name="timeZone">
              {[...new Set([liveblog.timeZone, ...TIME_ZONES])].map((zone) => (
                <option key={zone} value={zone} selected={zone === liveblog.timeZone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="primary">
            {m.save}
          </button>
        </form>
      </section>
      <section class="panel" aria-labelledby="explainer-title">
        <h2 id="explainer-title">{m.explainer}</h2>
        <p class="hint">{m.addSectionHint}</p>
        <form
          method="post"
          action={`/newsroom/liveblogs/${liveblog.slug}/explainer`}
          class="explainer-form"
        >
          <CsrfField token={csrfToken} />
          {sections.map((section, i) => (
            <fieldset key={i} class="explainer-edit">
              <legend>
                {m.sectionTitle} {i + 1}
              </legend>
              <label>
                {m.sectionOrder}
                <input type="number" name={`order${i}`} value={String(i + 1)} min={1} max={20} />
              </label>
              <label>
                {m.sectionTitle}
                <input name={`title${i}`} value={section.title} maxLength={200} dir="auto" />
              </label>
              <label>
                {m.sectionText}
                <input type="hidden" name={`photo${i}`} value={section.photoId} />
                <textarea name={`text${i}`} rows={4} maxLength={20000} dir="auto">
                  {section.text}
                </textarea>
              </label>
            </fieldset>
          ))}
          <button type="submit" class="primary">
            {m.save}
          </button>
        </form>
      </section>
    </>
  );
}

export interface RevisionView {
  readonly revision: number;
  readonly action: string;
  readonly editorName: string;
  readonly createdAt: string;
  readonly headline: string | null;
  readonly text: string;
  readonly note: string | null;
}

export function HistoryPage({
  locale,
  liveblog,
  revisions,
}: {
  locale: UiLocale;
  liveblog: Liveblog;
  revisions: readonly RevisionView[];
}) {
  const m = nm(locale);
  return (
    <>
      <h1>{m.history}</h1>
      <p>
        <a href={`/newsroom/liveblogs/${liveblog.slug}`} dir="auto">
          {liveblog.headline}
        </a>
      </p>
      <ol class="revision-list">
        {revisions.map((r, i) => (
          <li key={i}>
            <p class="desk-item-meta">
              <time dateTime={r.createdAt}>
                {formatUpdateTime(new Date(r.createdAt), liveblog.timeZone, locale)}
              </time>{' '}
              · <bdi>{r.editorName}</bdi> · {r.action} · #{r.revision}
            </p>
            {r.headline ? <strong dir="auto">{r.headline}</strong> : null}
            <p dir="auto" class="revision-text">
              {r.text}
            </p>
            {r.note ? (
              <p>
                {m.returnedNote}: <bdi>{r.note}</bdi>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export function UsersPage({
  locale,
  users,
  csrfToken,
  error,
}: {
  locale: UiLocale;
  users: readonly User[];
  csrfToken: string;
  error?: string;
}) {
  const m = nm(locale);
  return (
    <>
      <h1>{m.users}</h1>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{m.displayName}</th>
            <th scope="col">{m.email}</th>
            <th scope="col">{m.role}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <bdi>{user.displayName}</bdi>
              </td>
              <td dir="ltr">{user.email}</td>
              <td>
                <form method="post" action={`/newsroom/users/${user.id}/role`} class="inline-form">
                  <CsrfField token={csrfToken} />
                  <select name="role" aria-label={`${m.role}: ${user.displayName}`}>
                    {ROLES.map((role) => (
                      <option key={role} value={role} selected={role === user.role}>
                        {m.roles[role]}
                      </option>
                    ))}
                  </select>
                  <button type="submit">{m.changeRole}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section class="panel" aria-labelledby="add-user-title">
        <h2 id="add-user-title">{m.addUser}</h2>
        <ErrorNote message={error} />
        <form method="post" action="/newsroom/users" class="grid-form">
          <CsrfField token={csrfToken} />
          <label>
            {m.displayName}
            <input name="displayName" required maxLength={120} />
          </label>
          <label>
            {m.email}
            <input type="email" name="email" required dir="ltr" />
          </label>
          <label>
            {m.password}
            <input
              type="password"
              name="password"
              required
              minLength={8}
              maxLength={128}
              autocomplete="new-password"
            />
          </label>
          <label>
            {m.role}
            <select name="role">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {m.roles[role]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="primary">
            {m.addUser}
          </button>
        </form>
      </section>
    </>
  );
}

export interface AuditRow {
  readonly at: string;
  readonly actorName: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
}

export function AuditPage({ locale, rows }: { locale: UiLocale; rows: readonly AuditRow[] }) {
  const m = nm(locale);
  return (
    <>
      <h1>{m.audit}</h1>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{m.when}</th>
            <th scope="col">{m.who}</th>
            <th scope="col">{m.what}</th>
            <th scope="col">{m.target}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td dir="ltr">{row.at}</td>
              <td>
                <bdi>{row.actorName}</bdi>
              </td>
              <td dir="ltr">{row.action}</td>
              <td dir="ltr">
                {row.targetType} {row.targetId ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export interface QueuedComment {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly text: string;
  readonly heldReason: string | null;
  readonly createdAt: Date;
}

export function ModerationPage({
  locale,
  queue,
  approved,
  words,
  csrfToken,
}: {
  locale: UiLocale;
  queue: readonly QueuedComment[];
  approved: readonly QueuedComment[];
  words: readonly string[];
  csrfToken: string;
}) {
  const m = nm(locale);
  return (
    <>
      <h1>{m.moderation}</h1>
      <form method="post" action="/newsroom/comments/moderate" class="panel">
        <CsrfField token={csrfToken} />
        {queue.length === 0 ? <p>{m.noComments}</p> : null}
        <ul class="desk-list">
          {queue.map((comment) => (
            <li key={comment.id} class="desk-item" data-comment-id={comment.id}>
              <label class="desk-item-meta">
                <input
                  type="checkbox"
                  name="ids"
                  value={String(comment.id)}
                  aria-label={`${m.selectComment} ${comment.id}`}
                />
                <bdi dir="auto">{comment.name}</bdi> · <span dir="ltr">{comment.slug}</span> ·{' '}
                <time dateTime={comment.createdAt.toISOString()}>
                  {comment.createdAt.toISOString().slice(0, 16).replace('T', ' ')}
                </time>
                {comment.heldReason
                  ? ` · ${m.heldBecause}: ${m.reasons[comment.heldReason] ?? comment.heldReason}`
                  : ''}
              </label>
              <p class="desk-item-text" dir="auto">
                {comment.text}
              </p>
              <button type="submit" name="block" value={String(comment.id)} class="danger">
                {m.blockAuthor}
              </button>
            </li>
          ))}
        </ul>
        <div class="desk-item-actions">
          <button type="submit" name="action" value="approve" class="primary">
            {m.approve}
          </button>
          <button type="submit" name="action" value="reject">
            {m.reject}
          </button>
          <button type="submit" name="action" value="spam">
            {m.spam}
          </button>
        </div>
      </form>
      <section class="panel" aria-labelledby="approved-title">
        <h2 id="approved-title">{m.published}</h2>
        <form method="post" action="/newsroom/comments/moderate">
          <CsrfField token={csrfToken} />
          <ul class="desk-list">
            {approved.map((comment) => (
              <li key={comment.id} class="desk-item" data-comment-id={comment.id}>
                <label class="desk-item-meta">
                  <input
                    type="checkbox"
                    name="ids"
                    value={String(comment.id)}
                    aria-label={`${m.selectComment} ${comment.id}`}
                  />
                  <bdi dir="auto">{comment.name}</bdi> · <span dir="ltr">{comment.slug}</span>
                </label>
                <p class="desk-item-text" dir="auto">
                  {comment.text}
                </p>
              </li>
            ))}
          </ul>
          <div class="desk-item-actions">
            <button type="submit" name="action" value="reject">
              {m.reject}
            </button>
            <button type="submit" name="action" value="spam">
              {m.spam}
            </button>
          </div>
        </form>
      </section>
      <section class="panel" aria-labelledby="words-title">
        <h2 id="words-title">{m.words}</h2>
        <ul class="desk-list">
          {words.map((word) => (
            <li key={word} class="desk-item">
              <form method="post" action="/newsroom/comments/words" class="inline-form">
                <CsrfField token={csrfToken} />
                <bdi>{word}</bdi> <input type="hidden" name="remove" value={word} />
                <button type="submit">{m.removeWord}</button>
              </form>
            </li>
          ))}
        </ul>
        <form method="post" action="/newsroom/comments/words" class="grid-form">
          <CsrfField token={csrfToken} />
          <label>
            {m.word}
            <input name="add" required maxLength={100} dir="auto" />
          </label>
          <button type="submit">{m.addWord}</button>
        </form>
      </section>
    </>
  );
}

/** The date-style fields; with `allowSite`, an extra choice follows the site's setting. */
export function DateStyleFields({
  locale,
  style,
  allowSite,
}: {
  locale: UiLocale;
  style: DateStyle | null;
  allowSite: boolean;
}) {
  const m = nm(locale);
  const current = style ?? DEFAULT_DATE_STYLE;
  return (
    <fieldset class="explainer-edit">
      <legend>{m.dateFormat}</legend>
      <label>
        {m.monthNames}
        <select name="months">
          {allowSite ? (
            <option value="site" selected={style === null}>
              {m.followSite}
            </option>
          ) : null}
          {(
            [
              ['gulf', m.monthsGulf],
              ['levant', m.monthsLevant],
              ['maghreb', m.monthsMaghreb],
              ['both', m.monthsBoth],
            ] as const
          ).map(([value, label]) => (
            <option key={value} value={value} selected={style !== null && current.months === value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.digits}
        <select name="digits">
          <option value="latn" selected={current.digits === 'latn'}>
            {m.digitsLatn}
          </option>
          <option value="arab" selected={current.digits === 'arab'}>
            {m.digitsArab}
          </option>
        </select>
      </label>
      <label>
        {m.clock}
        <select name="clock">
          <option value="24" selected={current.clock === '24'}>
            {m.clock24}
          </option>
          <option value="12" selected={current.clock === '12'}>
            {m.clock12}
          </option>
        </select>
      </label>
      <label>
        <input type="checkbox" name="hijri" value="1" checked={current.hijri} /> {m.hijri}
      </label>
    </fieldset>
  );
}

export function SiteSettingsPage({
  locale,
  style,
  csrfToken,
}: {
  locale: UiLocale;
  style: DateStyle;
  csrfToken: string;
}) {
  const m = nm(locale);
  return (
    <>
      <h1>{m.siteSettings}</h1>
      <form method="post" action="/newsroom/settings" class="panel grid-form">
        <CsrfField token={csrfToken} />
        <DateStyleFields locale={locale} style={style} allowSite={false} />
        <button type="submit" class="primary">
          {m.save}
        </button>
      </form>
    </>
  );
}
