// Site settings (admins only): for now, how dates are written on every page.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { DateStyle } from '../lib/time.format.js';
import { nm } from './newsroom.messages.js';
import { CsrfField } from './newsroom.fields.view.js';
import { DateStyleFields } from './newsroom.date-style.view.js';

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
