// The page a one-time password link opens: a new password, typed twice; then a note that it is
// saved, with the way to the sign-in page. A link that no longer works says so.
import type { UiLocale } from '../lib/i18n.messages.js';
import { nm } from './newsroom.messages.js';
import { am } from './newsroom.accounts.messages.js';
import { CsrfField, ErrorNote, PasswordField } from './newsroom.fields.view.js';

export function ResetPage({
  locale,
  action,
  displayName,
  email,
  csrfToken,
  error,
}: {
  locale: UiLocale;
  action: string;
  displayName: string;
  email: string;
  csrfToken?: string | undefined;
  error?: string;
}) {
  const a = am(locale);
  return (
    <section class="auth-card" aria-labelledby="reset-title">
      <h1 id="reset-title">{a.resetTitle}</h1>
      <p>{a.resetIntro}</p>
      <p class="account-line">
        <bdi>{displayName}</bdi> · <bdi dir="ltr">{email}</bdi>
      </p>
      <ErrorNote message={error} />
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="locale" value={locale} />
        {/* For password managers: whose password this is. */}
        <input type="email" name="email" value={email} autocomplete="username" hidden readOnly />
        <PasswordField label={a.newPassword} name="password" autocomplete="new-password" />
        <PasswordField label={a.repeatPassword} name="repeat" autocomplete="new-password" />
        <button type="submit" class="button button-primary">
          {a.savePassword}
        </button>
      </form>
    </section>
  );
}

/** After the password is saved, or when the link no longer works. */
export function ResetDonePage({ locale, message }: { locale: UiLocale; message: string }) {
  const a = am(locale);
  return (
    <section class="auth-card" aria-labelledby="reset-title">
      <h1 id="reset-title">{a.resetTitle}</h1>
      <p role="status">{message}</p>
      <p>
        <a class="button" href={`/newsroom/login${locale === 'en' ? '?lang=en' : ''}`}>
          {a.goToLogin}
        </a>
      </p>
      <p class="hint">{nm(locale).newsroom}</p>
    </section>
  );
}
