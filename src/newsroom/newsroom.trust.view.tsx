// Trust on a live page's desk, for editors: the «what we know so far» box, and for each
// published update its verification state (with the public note) and a correction form. Plain
// forms: they work without the desk client. Handled by newsroom.trust.routes.tsx.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { Liveblog, SummaryVersion } from '../liveblog/liveblog.types.js';
import { blocksToText } from '../blocks/blocks.schema.js';
import { VERIFICATION_STATES, type Update } from '../update/update.types.js';
import { trm } from '../update/update.trust.messages.js';
import { CsrfField } from './newsroom.fields.view.js';

interface TrustPanelProps {
  locale: UiLocale;
  liveblog: Liveblog;
  summary?: SummaryVersion | undefined;
  published: readonly Update[];
  csrfToken: string;
}

function SummaryForm({ locale, liveblog, summary, csrfToken }: Omit<TrustPanelProps, 'published'>) {
  const m = trm(locale);
  return (
    <form
      method="post"
      action={`/newsroom/liveblogs/${liveblog.slug}/summary`}
      class="grid-form"
      id="summary-form"
    >
      <CsrfField token={csrfToken} />
      <label>
        {m.summaryEdit}
        <textarea name="text" rows={6} maxLength={4000} dir="auto">
          {summary?.text ?? ''}
        </textarea>
      </label>
      <p class="hint">{m.summaryEmptyHint}</p>
      <button type="submit" class="primary">
        {m.summarySave}
      </button>
    </form>
  );
}

function UpdateTrust({
  locale,
  liveblog,
  update,
  csrfToken,
}: {
  locale: UiLocale;
  liveblog: Liveblog;
  update: Update;
  csrfToken: string;
}) {
  const m = trm(locale);
  const base = `/newsroom/liveblogs/${liveblog.slug}/updates/${update.id}`;
  const text = blocksToText(update.blocks);
  const label = update.headline ?? text.slice(0, 90);
  return (
    <li class="trust-item" data-update-id={update.id}>
      <details>
        <summary>
          <bdi>{label}</bdi>{' '}
          <span class="badge">
            {update.verification ? m.verification[update.verification] : m.notMarked}
          </span>
        </summary>
        <form method="post" action={`${base}/verification`} class="grid-form">
          <CsrfField token={csrfToken} />
          <label>
            {m.verificationLabel}
            <select name="verification">
              {VERIFICATION_STATES.map((state) => (
                <option key={state} value={state} selected={update.verification === state}>
                  {m.verification[state]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {m.verificationNote}
            <input name="note" maxLength={500} value={update.verificationNote ?? ''} dir="auto" />
          </label>
          <button type="submit">{m.setVerification}</button>
        </form>
        <form method="post" action={`${base}/correction`} class="grid-form">
          <CsrfField token={csrfToken} />
          <label>
            {m.correction}
            <textarea name="text" rows={4} dir="auto">
              {text}
            </textarea>
          </label>
          <label>
            {m.correctionNote}
            <input name="note" required maxLength={500} dir="auto" />
          </label>
          <button type="submit">{m.correction}</button>
        </form>
      </details>
    </li>
  );
}

export function TrustPanel(props: TrustPanelProps) {
  const m = trm(props.locale);
  return (
    <section class="panel trust-panel" aria-labelledby="trust-title">
      <h2 id="trust-title">{m.summary}</h2>
      <SummaryForm {...props} />
      <h3>
        {m.verificationLabel} · {m.corrections}
      </h3>
      <ul class="trust-list">
        {props.published.map((update) => (
          <UpdateTrust
            key={update.id}
            locale={props.locale}
            liveblog={props.liveblog}
            update={update}
            csrfToken={props.csrfToken}
          />
        ))}
      </ul>
    </section>
  );
}
