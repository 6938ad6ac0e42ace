// The sign-in page, and the second step of a two-factor sign-in.
import type { UiLocale } from '../lib/i18n.messages.js';
import { nm } from './newsroom.messages.js';
import { tm } from './newsroom.twofactor.messages.js';
import { ErrorNote, PasswordField } from './newsroom.fields.view.js';

const other = (locale: UiLocale) => (locale === 'ar' ? 'en' : 'ar');

export function LoginPage({
  locale,
  formToken,
  error,
  email,
}: {
  locale: UiLocale;
  /** The pre-session token bound to this browser's pre-session cookie. */
  formToken: string;
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
        <input type="hidden" name="_login" value={formToken} />
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
        <PasswordField label={m.password} name="password" autocomplete="current-password" />
        <button type="submit" class="primary">
          {m.login}
        </button>
      </form>
      <p>
        <a href={`/newsroom/login?lang=${other(locale)}`} lang={other(locale)}>
          {m.switchLanguage}
        </a>
      </p>
    </section>
  );
}

export function SecondStepPage({ locale, error }: { locale: UiLocale; error?: string }) {
  const t = tm(locale);
  return (
    <section class="auth-card" aria-labelledby="step-title">
      <h1 id="step-title">{t.stepTitle}</h1>
      <p>{t.stepIntro}</p>
      <ErrorNote message={error} />
      <form method="post" action="/newsroom/login/two-factor">
        <input type="hidden" name="locale" value={locale} />
        <label>
          {t.codeOrRecovery}
          <input
            type="text"
            name="code"
            required
            autocomplete="one-time-code"
            inputMode="text"
            autocapitalize="none"
            spellcheck={false}
            maxLength={40}
            dir="ltr"
          />
        </label>
        <button type="submit" class="primary">
          {t.verify}
        </button>
      </form>
      <p>
        <a href={`/newsroom/login?lang=${locale}`}>{t.startOver}</a>
      </p>
    </section>
  );
}
