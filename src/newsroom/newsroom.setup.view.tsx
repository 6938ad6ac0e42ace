// The one-time setup page: the first admin account, while no account exists.
import type { UiLocale } from '../lib/i18n.messages.js';
import { nm } from './newsroom.messages.js';
import { ErrorNote, NewAccountFields } from './newsroom.fields.view.js';

export function SetupPage({ locale, error }: { locale: UiLocale; error?: string }) {
  const m = nm(locale);
  return (
    <section class="auth-card" aria-labelledby="setup-title">
      <h1 id="setup-title">{m.setupTitle}</h1>
      <p>{m.setupIntro}</p>
      <ErrorNote message={error} />
      <form method="post" action="/newsroom/setup">
        <NewAccountFields locale={locale} emailAutocomplete="username" />
        <button type="submit" class="primary">
          {m.createAdmin}
        </button>
      </form>
    </section>
  );
}
