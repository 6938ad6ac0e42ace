// The composer: headline, the rich-text body with its toolbar, sources, flags and the send
// buttons. Server-rendered empty; src/client/newsroom.ts brings it to life.
import type { UiLocale } from '../lib/i18n.messages.js';
import { nm } from './newsroom.messages.js';
import { BylineField } from './newsroom.byline.view.js';

const SOURCE_PRESETS = [
  { name: 'رويترز', kind: 'wire' },
  { name: 'أسوشيتد برس', kind: 'wire' },
  { name: 'فرانس برس', kind: 'wire' },
  { name: 'أكسيوس', kind: 'media' },
  { name: 'وول ستريت جورنال', kind: 'media' },
  { name: 'بيان رسمي', kind: 'official' },
  { name: 'منشور على إكس', kind: 'social' },
  { name: 'مراسلنا', kind: 'own' },
] as const;

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

function Sources({ locale }: { locale: UiLocale }) {
  const m = nm(locale);
  return (
    <fieldset class="sources-field">
      <legend>{m.sources}</legend>
      <ul id="composer-sources" class="source-chips" />
      <div class="source-presets">
        {SOURCE_PRESETS.map((preset) => (
          <button
            key={preset.name}
            type="button"
            data-source-name={preset.name}
            data-source-kind={preset.kind}
          >
            + {preset.name}
          </button>
        ))}
      </div>
      <div class="source-custom">
        <label>
          {m.customSource}
          <input id="custom-source-name" maxLength={120} dir="auto" />
        </label>
        <select id="custom-source-kind" aria-label={m.sources}>
          <option value="wire">wire</option>
          <option value="official">official</option>
          <option value="media">media</option>
          <option value="social">social</option>
          <option value="own">own</option>
        </select>
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

function Flags({ locale, publisher }: { locale: UiLocale; publisher: boolean }) {
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
      {publisher ? (
        <label>
          {m.scheduleAt} <input type="datetime-local" id="schedule-at" />
        </label>
      ) : null}
    </fieldset>
  );
}

function Actions({ locale, publisher }: { locale: UiLocale; publisher: boolean }) {
  const m = nm(locale);
  return (
    <div class="composer-actions">
      <button type="submit" class="primary" id="composer-send">
        {publisher ? m.publish : m.submit}
      </button>
      <button type="button" id="composer-preview">
        {m.preview}
      </button>
      <button type="button" id="composer-cancel" hidden>
        {m.cancelEdit}
      </button>
      <span class="hint">{publisher ? m.shortcutHint : m.shortcutHintReporter}</span>
      <span id="composer-status" class="composer-status" role="status" aria-live="polite" />
    </div>
  );
}

/**
 * Publishers publish (and may pin and schedule); reporters submit for review. `me`: the
 * writer's name, the byline a new draft starts with.
 */
export function Composer({
  locale,
  publisher,
  me = '',
}: {
  locale: UiLocale;
  publisher: boolean;
  me?: string;
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
        <Sources locale={locale} />
        <BylineField locale={locale} />
        <Flags locale={locale} publisher={publisher} />
        <Actions locale={locale} publisher={publisher} />
      </form>
      <div id="composer-preview-pane" class="preview-pane live-page" hidden />
    </section>
  );
}
