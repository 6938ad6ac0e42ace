// The composer: headline, the rich-text body with its toolbar, sources, flags and the send
// buttons. Server-rendered empty; src/client/newsroom.ts brings it to life.
import type { UiLocale } from '../lib/i18n.messages.js';
import { SOURCE_KINDS } from '../update/update.types.js';
import { formatTimeZoneName } from '../lib/time.format.js';
import { formatGmtOffset } from '../lib/time.wall.js';
import type { SourcePreset } from '../settings/settings.sources.js';
import { nm } from './newsroom.messages.js';
import { BylineField } from './newsroom.byline.view.js';
import { sm } from './newsroom.sources.messages.js';

const COMMANDS = ['link', 'heading', 'quote', 'list', 'numbered', 'embed'] as const;

function Toolbar({ locale }: { locale: UiLocale }) {
  const m = nm(locale);
  return (
    <div class="toolbar" role="toolbar" aria-label={m.body} aria-controls="composer-body">
      <button type="button" data-command="bold" aria-label={m.bold}>
        <strong>B</strong>
      </button>
      <button type="button" data-command="italic" aria-label={m.italic}>
        <em>I</em>
      </button>
      {COMMANDS.map((command) => (
        <button key={command} type="button" data-command={command}>
          {m[command]}
        </button>
      ))}
    </div>
  );
}

/** The presets (a site setting) as buttons, named in the UI's language; then a custom source. */
function Sources({ locale, presets }: { locale: UiLocale; presets: readonly SourcePreset[] }) {
  const m = nm(locale);
  const s = sm(locale);
  return (
    <fieldset class="sources-field">
      <legend>{m.sources}</legend>
      <ul id="composer-sources" class="source-chips" />
      <div class="source-presets">
        {presets.map((preset) => {
          const name = locale === 'en' ? preset.en : preset.ar;
          return (
            <button
              key={`${preset.ar}|${preset.kind}`}
              type="button"
              data-source-name={name}
              data-source-kind={preset.kind}
              data-source-url={preset.url}
              aria-label={`${m.addSource}: ${name} (${s.kinds[preset.kind]})`}
            >
              <Plus /> <bdi>{name}</bdi>
            </button>
          );
        })}
      </div>
      <div class="source-custom">
        <label>
          {m.customSource}
          <input id="custom-source-name" maxLength={120} dir="auto" />
        </label>
        <label>
          {s.kind}
          <select id="custom-source-kind">
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {s.kinds[kind]}
              </option>
            ))}
          </select>
        </label>
        <input
          id="custom-source-url"
          type="url"
          placeholder="https://"
          dir="ltr"
          aria-label="URL"
        />
        <button type="button" id="add-custom-source">
          {m.addSource}
        </button>
      </div>
    </fieldset>
  );
}

/** A plus sign: not directional, so never mirrored. */
function Plus() {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

/** An arrow along the line of text (send, go on): mirrored in right-to-left pages. */
function ArrowForward() {
  return (
    <svg class="icon icon-directional" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M5 12h14M13 6l6 6-6 6" />
    </svg>
  );
}

function Flags({
  locale,
  publisher,
  timeZone,
}: {
  locale: UiLocale;
  publisher: boolean;
  timeZone: string;
}) {
  const m = nm(locale);
  return (
    <fieldset class="flags">
      <label>
        <input type="checkbox" id="flag-key" /> {m.keyEvent}
      </label>
      {publisher ? (
        <label>
          <input type="checkbox" id="flag-pinned" /> {m.pinned}
        </label>
      ) : null}
      <label>
        <input type="checkbox" id="flag-breaking" /> {m.breaking}
      </label>
      {publisher ? <ScheduleField locale={locale} timeZone={timeZone} /> : null}
    </fieldset>
  );
}

/**
 * The time to publish at, read in the live page's zone and labelled with it («بتوقيت مسقط
 * (GMT+4)»); the client (newsroom.schedule.ts) shows the editor's own time beside it.
 */
function ScheduleField({ locale, timeZone }: { locale: UiLocale; timeZone: string }) {
  const m = nm(locale);
  const zone = `${formatTimeZoneName(timeZone, locale)} (${formatGmtOffset(Date.now(), timeZone)})`;
  return (
    <span class="schedule-field">
      <label>
        {m.scheduleAt} <span class="schedule-zone">{zone}</span>{' '}
        <input
          type="datetime-local"
          id="schedule-at"
          data-time-zone={timeZone}
          aria-describedby="schedule-local"
        />
      </label>
      <span
        id="schedule-local"
        class="hint schedule-local"
        data-template={m.yourTime}
        aria-live="polite"
        hidden
      />
    </span>
  );
}

function Actions({ locale, publisher }: { locale: UiLocale; publisher: boolean }) {
  const m = nm(locale);
  return (
    <div class="composer-actions">
      <button type="submit" class="primary" id="composer-send">
        {publisher ? m.publish : m.submit} <ArrowForward />
      </button>
      <button type="button" id="composer-preview">
        {m.preview}
      </button>
      <button type="button" id="composer-cancel" hidden>
        {m.cancelEdit}
      </button>
      <span class="hint keyboard-hint">{publisher ? m.shortcutHint : m.shortcutHintReporter}</span>
      <span id="composer-status" class="composer-status" role="status" aria-live="polite" />
    </div>
  );
}

/**
 * Publishers publish (and may pin and schedule); reporters submit for review. `me`: the
 * writer's name, the byline a new draft starts with; `presets`: the site's source presets;
 * `timeZone`: the live page's.
 */
export function Composer({
  locale,
  publisher,
  presets,
  me = '',
  timeZone = 'UTC',
}: {
  locale: UiLocale;
  publisher: boolean;
  presets: readonly SourcePreset[];
  me?: string;
  /** The live page's zone: the schedule is read, and named, in it. */
  timeZone?: string;
}) {
  const m = nm(locale);
  return (
    <section class="panel composer" aria-labelledby="compose-title">
      <h2 id="compose-title">{m.compose}</h2>
      <form
        id="composer"
        class="composer-form"
        data-can-publish={publisher ? 'true' : 'false'}
        data-my-name={me}
      >
        <label>
          {m.updateHeadline}
          <input id="composer-headline" name="headline" maxLength={300} dir="auto" />
        </label>
        <Toolbar locale={locale} />
        <div
          id="composer-body"
          class="composer-body"
          contentEditable="true"
          role="textbox"
          aria-multiline="true"
          aria-label={m.body}
          dir="auto"
          tabIndex={0}
        />
        <noscript>
          <p>{locale === 'ar' ? 'يحتاج المحرر إلى JavaScript.' : 'The editor needs JavaScript.'}</p>
        </noscript>
        <Sources locale={locale} presets={presets} />
        <BylineField locale={locale} />
        <Flags locale={locale} publisher={publisher} timeZone={timeZone} />
        <Actions locale={locale} publisher={publisher} />
      </form>
      <div id="composer-preview-pane" class="preview-pane live-page" hidden />
    </section>
  );
}
