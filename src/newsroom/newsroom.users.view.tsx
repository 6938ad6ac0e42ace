// People of the newsroom (admins only): every account with its role, and the form that adds one.
import type { UiLocale } from '../lib/i18n.messages.js';
import { ROLES, type Role } from '../access/access.policy.js';
import { nm } from './newsroom.messages.js';
import { tm } from './newsroom.twofactor.messages.js';
import { CsrfField, ErrorNote } from './newsroom.fields.view.js';

export interface UserRow {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly twoFactor: boolean;
}

function RoleOptions({ locale, current }: { locale: UiLocale; current?: Role }) {
  const m = nm(locale);
  return (
    <>
      {ROLES.map((role) => (
        <option key={role} value={role} selected={role === current}>
          {m.roles[role]}
        </option>
      ))}
    </>
  );
}

function UserTable({
  locale,
  users,
  csrfToken,
}: {
  locale: UiLocale;
  users: readonly UserRow[];
  csrfToken: string;
}) {
  const m = nm(locale);
  const t = tm(locale);
  return (
    <table class="data-table">
      <thead>
        <tr>
          <th scope="col">{m.displayName}</th>
          <th scope="col">{m.email}</th>
          <th scope="col">{m.role}</th>
          <th scope="col">{t.twoFactor}</th>
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
                  <RoleOptions locale={locale} current={user.role} />
                </select>
                <button type="submit">{m.changeRole}</button>
              </form>
            </td>
            <td>
              {user.twoFactor ? t.on : t.off}
              {user.twoFactor ? (
                <form
                  method="post"
                  action={`/newsroom/users/${user.id}/two-factor/reset`}
                  class="inline-form"
                >
                  <CsrfField token={csrfToken} />
                  <button type="submit" aria-label={`${t.reset}: ${user.displayName}`}>
                    {t.reset}
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddUserForm({
  locale,
  csrfToken,
  error,
}: {
  locale: UiLocale;
  csrfToken: string;
  error: string | undefined;
}) {
  const m = nm(locale);
  return (
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
            <RoleOptions locale={locale} />
          </select>
        </label>
        <button type="submit" class="primary">
          {m.addUser}
        </button>
      </form>
    </section>
  );
}

export function UsersPage({
  locale,
  users,
  csrfToken,
  error,
}: {
  locale: UiLocale;
  users: readonly UserRow[];
  csrfToken: string;
  error?: string;
}) {
  return (
    <>
      <h1>{nm(locale).users}</h1>
      <UserTable locale={locale} users={users} csrfToken={csrfToken} />
      <AddUserForm locale={locale} csrfToken={csrfToken} error={error} />
    </>
  );
}
