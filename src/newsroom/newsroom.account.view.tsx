// The person's own account page: two-factor sign-in (set up with a QR code, the otpauth
// address and the key in text; confirmed by a first code; turned off with a code), and the
// recovery codes, shown once.
import { renderSVG } from 'uqr';
import type { UiLocale } from '../lib/i18n.messages.js';
import type { TwoFactorStatus } from '../access/access.twofactor.js';
import { nm } from './newsroom.messages.js';
import { tm } from './newsroom.twofactor.messages.js';
import { CsrfField, ErrorNote } from './newsroom.fields.view.js';

interface Who {
  readonly displayName: string;
  readonly email: string;
}

/** The code field of a form that needs a current code (or a recovery code). */
function CodeField({ label, recovery }: { label: string; recovery: boolean }) {
  return (
    <label>
      {label}
      <input
        type="text"
        name="code"
        required
        autocomplete="one-time-code"
        inputMode={recovery ? 'text' : 'numeric'}
        maxLength={40}
        spellcheck={false}
        dir="ltr"
      />
    </label>
  );
}

function PendingSetUp({
  locale,
  pending,
  csrfToken,
}: {
  locale: UiLocale;
  pending: { secret: string; uri: string };
  csrfToken: string;
}) {
  const t = tm(locale);
  // An SVG with no script and no style, drawn here: the address never leaves the server.
  const qr = `data:image/svg+xml;base64,${Buffer.from(renderSVG(pending.uri)).toString('base64')}`;
  const grouped = pending.secret.match(/.{1,4}/g)?.join(' ') ?? pending.secret;
  return (
    <section class="panel" aria-labelledby="setup-title">
      <h2 id="setup-title">{t.setUp}</h2>
      <p>{t.scanOrType}</p>
      <img src={qr} width={220} height={220} alt={t.qrAlt} class="two-factor-qr" />
      <dl>
        <dt>{t.secretKey}</dt>
        <dd>
          <code dir="ltr" data-secret={pending.secret}>
            {grouped}
          </code>
        </dd>
        <dt>{t.otpauthAddress}</dt>
        <dd>
          <code dir="ltr" class="two-factor-uri">
            {pending.uri}
          </code>
        </dd>
      </dl>
      <form method="post" action="/newsroom/account/two-factor/confirm" class="grid-form">
        <CsrfField token={csrfToken} />
        <CodeField label={t.code} recovery={false} />
        <button type="submit" class="primary">
          {t.confirm}
        </button>
      </form>
    </section>
  );
}

function TwoFactorOn({
  locale,
  status,
  csrfToken,
}: {
  locale: UiLocale;
  status: TwoFactorStatus;
  csrfToken: string;
}) {
  const t = tm(locale);
  return (
    <>
      <p>{t.twoFactorOn}</p>
      <p>{t.recoveryLeft(status.recoveryCodesLeft)}</p>
      <form method="post" action="/newsroom/account/two-factor/recovery-codes" class="panel">
        <CsrfField token={csrfToken} />
        <p>{t.newRecoveryHint}</p>
        <CodeField label={t.code} recovery={false} />
        <button type="submit">{t.newRecoveryCodes}</button>
      </form>
      {status.required ? null : (
        <form method="post" action="/newsroom/account/two-factor/disable" class="panel">
          <CsrfField token={csrfToken} />
          <p>{t.disableHint}</p>
          <CodeField label={t.codeOrRecovery} recovery />
          <button type="submit">{t.disable}</button>
        </form>
      )}
    </>
  );
}

export function AccountPage({
  locale,
  who,
  status,
  csrfToken,
  error,
}: {
  locale: UiLocale;
  who: Who;
  status: TwoFactorStatus;
  csrfToken: string;
  error?: string;
}) {
  const m = nm(locale);
  const t = tm(locale);
  return (
    <>
      <h1>{t.account}</h1>
      <p>
        <bdi>{who.displayName}</bdi> · <span dir="ltr">{who.email}</span>
      </p>
      <section aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">{t.twoFactor}</h2>
        {status.required && !status.enabled ? (
          <p class="notice" role="status">
            {t.twoFactorRequired}
          </p>
        ) : null}
        <ErrorNote message={error} />
        {status.enabled ? (
          <TwoFactorOn locale={locale} status={status} csrfToken={csrfToken} />
        ) : status.pending ? (
          <PendingSetUp locale={locale} pending={status.pending} csrfToken={csrfToken} />
        ) : (
          <>
            <p>{t.twoFactorOff}</p>
            <form method="post" action="/newsroom/account/two-factor/start">
              <CsrfField token={csrfToken} />
              <button type="submit" class="primary">
                {t.setUp}
              </button>
            </form>
          </>
        )}
      </section>
      <p>
        <a href="/newsroom">{m.dashboard}</a>
      </p>
    </>
  );
}

export function RecoveryCodesPage({
  locale,
  codes,
}: {
  locale: UiLocale;
  codes: readonly string[];
}) {
  const t = tm(locale);
  return (
    <section class="panel" aria-labelledby="codes-title">
      <h1 id="codes-title">{t.recoveryCodes}</h1>
      <p>{t.recoveryIntro}</p>
      <ol class="recovery-codes" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p>
        <a href="/newsroom" class="button primary">
          {t.continue}
        </a>
      </p>
    </section>
  );
}
