// The wire inbox in the newsroom (/newsroom/wire): one card per item id, newest version first,
// with its agency, language, version and flags (embargo, expiry, cancellation), a link to the
// original and the form that turns it into a draft on a live page.
import { directionOf, type UiLocale } from '../lib/i18n.messages.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { CsrfField, ErrorNote } from '../newsroom/newsroom.fields.view.js';
import type { WireEntry } from './wire.service.js';
import type { RefusedFile } from './wire.watch.js';
import { utcTime, wm } from './wire.messages.js';

export interface WirePageProps {
  readonly locale: UiLocale;
  readonly entries: readonly WireEntry[];
  readonly pages: readonly Liveblog[];
  readonly language: string | undefined;
  readonly csrfToken: string;
  readonly error?: string;
  /** Files the drop folder refused, newest first. */
  readonly refused?: readonly RefusedFile[];
}

function Flags({ entry, locale }: { entry: WireEntry; locale: UiLocale }) {
  const m = wm(locale);
  const { item } = entry;
  const flags: { kind: string; text: string }[] = [];
  if (entry.embargoed && item.embargoUntil)
    flags.push({ kind: 'embargoed', text: m.embargoedUntil(utcTime(item.embargoUntil, locale)) });
  if (entry.expired) flags.push({ kind: 'expired', text: m.expired });
  else if (item.expiresAt)
    flags.push({ kind: 'expires', text: m.expiresAt(utcTime(item.expiresAt, locale)) });
  if (item.pubStatus !== 'usable') flags.push({ kind: item.pubStatus, text: m[item.pubStatus] });
  if (entry.drafts > 0) flags.push({ kind: 'drafted', text: m.drafts(entry.drafts) });
  if (flags.length === 0) return null;
  return (
    <ul class="wire-flags">
      {flags.map((flag) => (
        <li key={flag.kind} class={`wire-flag wire-flag-${flag.kind}`}>
          {flag.text}
        </li>
      ))}
    </ul>
  );
}

function DraftForm({
  entry,
  pages,
  locale,
  csrfToken,
}: {
  entry: WireEntry;
  pages: readonly Liveblog[];
  locale: UiLocale;
  csrfToken: string;
}) {
  const m = wm(locale);
  if (entry.item.pubStatus === 'canceled') return null;
  if (pages.length === 0) return <p>{m.noPages}</p>;
  const selectId = `wire-page-${entry.item.id}`;
  // Pages in the item's language first.
  const sorted = [...pages].sort(
    (a, b) => Number(b.locale === entry.item.language) - Number(a.locale === entry.item.language),
  );
  return (
    <form method="post" action={`/newsroom/wire/${entry.item.id}/draft`} class="wire-draft-form">
      <CsrfField token={csrfToken} />
      <label for={selectId}>{m.page}</label>
      <select id={selectId} name="liveblog">
        {sorted.map((page) => (
          <option
            key={page.slug}
            value={page.slug}
            lang={page.locale}
            dir={directionOf(page.locale)}
          >
            {page.headline}
          </option>
        ))}
      </select>
      <button type="submit">{m.makeDraft}</button>
    </form>
  );
}

function WireCard(props: { entry: WireEntry } & Omit<WirePageProps, 'entries' | 'language'>) {
  const { entry, locale } = props;
  const { item } = entry;
  const m = wm(locale);
  const lang = item.language === 'und' ? undefined : item.language;
  return (
    <article
      class={`wire-item${entry.expired ? ' wire-item-expired' : ''}`}
      aria-labelledby={`wire-${item.id}`}
    >
      <h2 id={`wire-${item.id}`} lang={lang} dir="auto">
        {item.headline === '' ? item.guid : item.headline}
      </h2>
      <p class="wire-meta">
        <bdi>{item.agency}</bdi> · <span>{item.language}</span> ·{' '}
        <span>{m.version(item.version)}</span> · {m.received}{' '}
        <time dateTime={item.versionCreated.toISOString()}>
          {utcTime(item.versionCreated, locale)}
        </time>
      </p>
      <Flags entry={entry} locale={locale} />
      <div class="wire-text" lang={lang} dir="auto">
        {item.body
          .split('\n\n')
          .slice(0, 3)
          .map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
      </div>
      {item.link ? (
        <p>
          <a href={item.link} rel="noopener noreferrer" target="_blank">
            {m.original}
          </a>
        </p>
      ) : null}
      <DraftForm {...props} />
    </article>
  );
}

function LanguageFilter({ locale, language }: { locale: UiLocale; language: string | undefined }) {
  const m = wm(locale);
  const choices: [string | undefined, string][] = [
    [undefined, m.all],
    ['ar', m.arabic],
    ['en', m.english],
  ];
  return (
    <nav class="wire-filter" aria-label={m.languageFilter}>
      {choices.map(([code, label]) => (
        <a
          key={label}
          href={code === undefined ? '/newsroom/wire' : `/newsroom/wire?language=${code}`}
          {...(code === language && { 'aria-current': 'page' })}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}

/** What the drop folder refused, so an editor knows an agency file never arrived, and why. */
function RefusedFiles({ locale, refused }: { locale: UiLocale; refused: readonly RefusedFile[] }) {
  const m = wm(locale);
  if (refused.length === 0) return null;
  return (
    <section class="wire-refused" aria-labelledby="wire-refused-title">
      <h2 id="wire-refused-title">{m.refusedTitle}</h2>
      <p>{m.refusedIntro}</p>
      <ul>
        {refused.map((file) => (
          <li key={`${String(file.refusedAt.getTime())}-${file.file}`}>
            <code dir="ltr">
              <bdi>{file.file}</bdi>
            </code>{' '}
            · {m.refusedAt}{' '}
            <time dateTime={file.refusedAt.toISOString()}>{utcTime(file.refusedAt, locale)}</time>
            <p class="wire-refused-reason">
              {m.reason}: <bdi dir="ltr">{file.reason}</bdi>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WirePage(props: WirePageProps) {
  const { locale, entries, language } = props;
  const m = wm(locale);
  return (
    <section class="wire-desk" aria-labelledby="wire-title">
      <h1 id="wire-title">{m.title}</h1>
      <p>{m.intro}</p>
      <ErrorNote message={props.error} />
      <RefusedFiles locale={locale} refused={props.refused ?? []} />
      <LanguageFilter locale={locale} language={language} />
      {entries.length === 0 ? <p>{m.empty}</p> : null}
      {entries.map((entry) => (
        <WireCard key={entry.item.id} {...props} entry={entry} />
      ))}
    </section>
  );
}
