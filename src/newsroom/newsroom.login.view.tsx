// The sign-in page.
import type { UiLocale } from '../lib/i18n.messages.js';
import { nm } from './newsroom.messages.js';
import { ErrorNote } from './newsroom.fields.view.js';

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
