// Small pieces the staff forms share: the CSRF field, the error note, a panel that is one form,
// a password's field, a new account's fields, the time-zone choice.
import type { ComponentChildren } from 'preact';
import { nm } from './newsroom.messages.js';
import type { UiLocale } from '../lib/i18n.messages.js';

/** The zones offered first; a page keeps its own zone even when it is not in the list. */
export const TIME_ZONES = [
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

export function ErrorNote({ message }: { message: string | undefined }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** What a form panel of a page is drawn from. */
export interface PanelFormProps {
  readonly locale: UiLocale;
  readonly csrfToken: string;
  readonly error: string | undefined;
}

/** A panel that is one form: its heading, the error of the last try, the CSRF field, the fields. */
export function FormPanel({
  id,
  title,
  action,
  csrfToken,
  error,
  children,
}: {
  id: string;
  title: string;
  action: string;
  csrfToken: string;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ErrorNote message={error} />
      <form method="post" action={action} class="grid-form">
        <CsrfField token={csrfToken} />
        {children}
      </form>
    </section>
  );
}

/** A password's field, with the lengths the account rules allow (8 to 128 characters). */
export function PasswordField({
  label,
  name,
  autocomplete,
}: {
  label: string;
  name: string;
  autocomplete: 'new-password' | 'current-password';
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        name={name}
        required
        minLength={8}
        maxLength={128}
        autocomplete={autocomplete}
      />
    </label>
  );
}

/**
 * A new account's name, e-mail address and password, as the set-up page and the add-person form
 * ask for them. `emailAutocomplete` is `username` where the person fills in their own account.
 */
export function NewAccountFields({
  locale,
  emailAutocomplete,
}: {
  locale: UiLocale;
  emailAutocomplete?: 'username';
}) {
  const m = nm(locale);
  return (
    <>
      <label>
        {m.displayName}
        <input name="displayName" required maxLength={120} />
      </label>
      <label>
        {m.email}
        <input type="email" name="email" required autocomplete={emailAutocomplete} dir="ltr" />
      </label>
      <PasswordField label={m.password} name="password" autocomplete="new-password" />
    </>
  );
}

/** The time-zone select; with `current`, that zone is chosen (and offered first if unlisted). */
export function TimeZoneSelect({ locale, current }: { locale: UiLocale; current?: string }) {
  const zones = current === undefined ? TIME_ZONES : [...new Set([current, ...TIME_ZONES])];
  return (
    <label>
      {nm(locale).timeZone}
      <select name="timeZone">
        {zones.map((zone) => (
          <option key={zone} value={zone} selected={zone === current}>
            {zone}
          </option>
        ))}
      </select>
    </label>
  );
}
