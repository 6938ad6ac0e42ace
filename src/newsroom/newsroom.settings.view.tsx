// Site settings (admins only): how dates are written on every page, and the two-factor rule.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { DateStyle } from '../lib/time.format.js';
import { nm } from './newsroom.messages.js';
import { tm } from './newsroom.twofactor.messages.js';
import { CsrfField, ErrorNote } from './newsroom.fields.view.js';
import { DateStyleFields } from './newsroom.date-style.view.js';
import { sm } from './newsroom.sources.messages.js';

export function SiteSettingsPage({
  locale,
  style,
  twoFactorRequired,
  csrfToken,
  presetsText,
  error,
}: {
  locale: UiLocale;
  style: DateStyle;
  twoFactorRequired: boolean;
  csrfToken: string;
  /** The source presets, one a line, as the form shows them. */
  presetsText: string;
  error?: string | undefined;
}) {
  const s = sm(locale);
  const m = nm(locale);
  const t = tm(locale);
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
      <form method="post" action="/newsroom/settings/two-factor" class="panel grid-form">
        <CsrfField token={csrfToken} />
        <h2>{t.twoFactor}</h2>
        <label>
          <input type="checkbox" name="required" value="1" checked={twoFactorRequired} />{' '}
          {t.requireSetting}
        </label>
        <p>{t.requireHint}</p>
        <button type="submit" class="primary">
          {m.save}
        </button>
      </form>
      <form method="post" action="/newsroom/settings/sources" class="panel grid-form">
        <CsrfField token={csrfToken} />
        <h2 id="presets-title">{s.presetsTitle}</h2>
        <ErrorNote message={error} />
        <p class="hint" id="presets-hint">
          {s.presetsHint}
        </p>
        <textarea
          name="sources"
          rows={12}
          dir="auto"
          aria-labelledby="presets-title"
          aria-describedby="presets-hint"
          aria-invalid={error ? 'true' : undefined}
        >
          {presetsText}
        </textarea>
        <button type="submit" class="primary">
          {m.save}
        </button>
      </form>
    </>
  );
}
