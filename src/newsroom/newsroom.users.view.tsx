// People of the newsroom (admins only): every account with its role, its state (active or
// disabled), its two-factor sign-in and a one-time password link; and the form that adds one,
// where the role must be chosen. On a phone each account is a card (the table stacks).
import type { UiLocale } from '../lib/i18n.messages.js';
import { ROLES, type Role } from '../access/access.policy.js';
import { nm } from './newsroom.messages.js';
import { tm } from './newsroom.twofactor.messages.js';
import { am } from './newsroom.accounts.messages.js';
import {
  CsrfField,
  FormPanel,
  type PanelFormProps,
  NewAccountFields,
} from './newsroom.fields.view.js';

export interface UserRow {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly twoFactor: boolean;
  readonly disabled: boolean;
}

/** A one-time link just made, shown once above the table. */
export interface MadeLink {
  readonly displayName: string;
  readonly url: string;
  readonly hours: number;
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

/** One button in its own small form, posting to the account's path. */
function ActionButton(props: {
  action: string;
  csrfToken: string;
  label: string;
  name: string;
  className?: string;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.csrfToken} />
      <button
        type="submit"
        class={props.className ?? 'button'}
        aria-label={`${props.label}: ${props.name}`}
      >
        {props.label}
      </button>
    </form>
  );
}

function UserRowView({
  locale,
  user,
  csrfToken,
  selfId,
}: {
  locale: UiLocale;
  user: UserRow;
  csrfToken: string;
  selfId: number | null;
}) {
  const m = nm(locale);
  const t = tm(locale);
  const a = am(locale);
  const base = `/newsroom/users/${user.id}`;
  return (
    <tr class={user.disabled ? 'is-disabled' : undefined}>
      <td data-label={m.displayName}>
        <bdi>{user.displayName}</bdi>
        <div class="hint" dir="ltr">
          <bdi>{user.email}</bdi>
        </div>
      </td>
      <td data-label={m.role}>
        <form method="post" action={`${base}/role`} class="field-row">
          <CsrfField token={csrfToken} />
          <select name="role" aria-label={`${m.role}: ${user.displayName}`}>
            <RoleOptions locale={locale} current={user.role} />
          </select>
          <button type="submit" class="button">
            {m.changeRole}
          </button>
        </form>
      </td>
      <td data-label={a.state}>
        <span class={user.disabled ? 'badge badge-danger' : 'badge badge-ok'}>
          {user.disabled ? a.disabled : a.active}
        </span>{' '}
        {user.id === selfId ? null : (
          <ActionButton
            action={`${base}/${user.disabled ? 'enable' : 'disable'}`}
            csrfToken={csrfToken}
            label={user.disabled ? a.enable : a.disable}
            name={user.displayName}
            {...(!user.disabled && { className: 'button button-danger' })}
          />
        )}
      </td>
      <td data-label={t.twoFactor}>
        {user.twoFactor ? t.on : t.off}{' '}
        {user.twoFactor ? (
          <ActionButton
            action={`${base}/two-factor/reset`}
            csrfToken={csrfToken}
            label={t.reset}
            name={user.displayName}
          />
        ) : null}
      </td>
      <td data-label={a.resetLink}>
        {user.disabled ? null : (
          <ActionButton
            action={`${base}/reset-link`}
            csrfToken={csrfToken}
            label={a.makeResetLink}
            name={user.displayName}
          />
        )}
      </td>
    </tr>
  );
}

function UserTable(props: {
  locale: UiLocale;
  users: readonly UserRow[];
  csrfToken: string;
  selfId: number | null;
}) {
  const m = nm(props.locale);
  const a = am(props.locale);
  return (
    <table class="data-table stack-table">
      <thead>
        <tr>
          <th scope="col">{m.displayName}</th>
          <th scope="col">{m.role}</th>
          <th scope="col">{a.state}</th>
          <th scope="col">{tm(props.locale).twoFactor}</th>
          <th scope="col">{a.resetLink}</th>
        </tr>
      </thead>
      <tbody>
        {props.users.map((user) => (
          <UserRowView key={user.id} {...props} user={user} />
        ))}
      </tbody>
    </table>
  );
}

function AddUserForm({ locale, csrfToken, error }: PanelFormProps) {
  const m = nm(locale);
  const a = am(locale);
  return (
    <FormPanel
      id="add-user-title"
      title={m.addUser}
      action="/newsroom/users"
      csrfToken={csrfToken}
      error={error}
    >
      <NewAccountFields locale={locale} />
      <label>
        {m.role}
        <select name="role" required aria-describedby="role-hint">
          <option value="" selected>
            {a.chooseRole}
          </option>
          <RoleOptions locale={locale} />
        </select>
        <span class="hint" id="role-hint">
          {a.roleHint}
        </span>
      </label>
      <button type="submit" class="button button-primary">
        {m.addUser}
      </button>
    </FormPanel>
  );
}

function MadeLinkNote({ locale, link }: { locale: UiLocale; link: MadeLink }) {
  const a = am(locale);
  return (
    <section class="panel notice" role="status" aria-labelledby="made-link-title">
      <h2 id="made-link-title">{a.linkMade(link.displayName)}</h2>
      <input
        class="copy-field"
        readOnly
        value={link.url}
        dir="ltr"
        aria-labelledby="made-link-title"
      />
      <p class="hint">{a.linkHint(link.hours)}</p>
    </section>
  );
}

export function UsersPage({
  locale,
  users,
  csrfToken,
  selfId,
  error,
  madeLink,
}: {
  locale: UiLocale;
  users: readonly UserRow[];
  csrfToken: string;
  selfId: number | null;
  error?: string;
  madeLink?: MadeLink;
}) {
  return (
    <>
      <h1>{nm(locale).users}</h1>
      {madeLink ? <MadeLinkNote locale={locale} link={madeLink} /> : null}
      <p class="hint">{am(locale).disableHint}</p>
      <UserTable locale={locale} users={users} csrfToken={csrfToken} selfId={selfId} />
      <AddUserForm locale={locale} csrfToken={csrfToken} error={error} />
    </>
  );
}
