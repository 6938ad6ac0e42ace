// Site settings (admins only): how dates are written on every page, and the two-factor rule.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { DateStyle } from '../lib/time.format.js';
import { nm } from './newsroom.messages.js';
import { tm } from './newsroom.twofactor.messages.js';
import { CsrfField } from './newsroom.fields.view.js';
import { DateStyleFields } from './newsroom.date-style.view.js';

export function SiteSettingsPage({
  locale,
  style,
  twoFactorRequired,
  csrfToken,
}: {
  locale: UiLocale;
  style: DateStyle;
  twoFactorRequired: boolean;
  csrfToken: string;
}) {
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
    </>
  );
}
