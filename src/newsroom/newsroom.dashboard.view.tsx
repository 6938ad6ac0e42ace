// The dashboard: every live page with its status, last update and readers now, and the form
// that starts a new page (for those who may).
import type { UiLocale } from '../lib/i18n.messages.js';
import { formatUpdateTime } from '../lib/time.format.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { can, type Actor } from '../access/access.policy.js';
import { nm } from './newsroom.messages.js';
import { FormPanel, type PanelFormProps, TimeZoneSelect } from './newsroom.fields.view.js';

export interface DashboardRow {
  readonly liveblog: Liveblog;
  readonly readers: number;
}

function PagesTable({ locale, rows }: { locale: UiLocale; rows: readonly DashboardRow[] }) {
  const m = nm(locale);
  return (
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
  );
}

function NewPageForm({ locale, csrfToken, error }: PanelFormProps) {
  const m = nm(locale);
  return (
    <FormPanel
      id="new-page-title"
      title={m.newPage}
      action="/newsroom/liveblogs"
      csrfToken={csrfToken}
      error={error}
    >
      <label>
        {m.headline}
        <input name="headline" required maxLength={300} dir="auto" />
      </label>
      <label>
        {m.slug}
        <input name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={80} dir="ltr" />
      </label>
      <label>
        {m.standfirst}
        <textarea name="standfirst" maxLength={1000} rows={2} dir="auto" />
      </label>
      <TimeZoneSelect locale={locale} />
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
    </FormPanel>
  );
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
  return (
    <>
      <h1>{nm(locale).dashboard}</h1>
      <PagesTable locale={locale} rows={rows} />
      {can(actor, 'liveblog.create') ? (
        <NewPageForm locale={locale} csrfToken={csrfToken} error={error} />
      ) : null}
    </>
  );
}
