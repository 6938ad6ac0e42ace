// A live page's settings on its desk (headline, status, dates, comments, zone) and its
// explainer sections. For those who may edit the page.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { ExplainerSection, Liveblog } from '../liveblog/liveblog.types.js';
import { LIVEBLOG_STATUSES } from '../liveblog/liveblog.types.js';
import { blocksToText } from '../blocks/blocks.schema.js';
import { nm } from './newsroom.messages.js';
import { CsrfField, TimeZoneSelect } from './newsroom.fields.view.js';
import { DateStyleFields } from './newsroom.date-style.view.js';

interface PanelProps {
  locale: UiLocale;
  liveblog: Liveblog;
  csrfToken: string;
}

function PageSettingsPanel({ locale, liveblog, csrfToken }: PanelProps) {
  const m = nm(locale);
  return (
    <section class="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{m.settings}</h2>
      <form
        method="post"
        action={`/newsroom/liveblogs/${liveblog.slug}/settings`}
        class="grid-form"
      >
        <CsrfField token={csrfToken} />
        <label>
          {m.headline}
          <input name="headline" required maxLength={300} value={liveblog.headline} dir="auto" />
        </label>
        <label>
          {m.standfirst}
          <textarea name="standfirst" maxLength={1000} rows={3} dir="auto">
            {liveblog.standfirst}
          </textarea>
        </label>
        <label>
          {m.status}
          <select name="status">
            {LIVEBLOG_STATUSES.map((status) => (
              <option key={status} value={status} selected={status === liveblog.status}>
                {m.statuses[status]}
              </option>
            ))}
          </select>
        </label>
        <DateStyleFields locale={locale} style={liveblog.dateStyle} allowSite={true} />
        <label>
          {m.commentModeLabel}
          <select name="commentMode">
            <option value="pre" selected={liveblog.commentMode === 'pre'}>
              {m.commentModePre}
            </option>
            <option value="post" selected={liveblog.commentMode === 'post'}>
              {m.commentModePost}
            </option>
          </select>
        </label>
        <TimeZoneSelect locale={locale} current={liveblog.timeZone} />
        <button type="submit" class="primary">
          {m.save}
        </button>
      </form>
    </section>
  );
}

function ExplainerPanel({
  locale,
  liveblog,
  explainer,
  csrfToken,
}: PanelProps & { explainer: readonly ExplainerSection[] }) {
  const m = nm(locale);
  // A section's photo travels as a hidden field, so saving the text keeps the photo.
  const sections = [
    ...explainer.map((s) => ({
      title: s.title,
      text: blocksToText(s.blocks.filter((b) => b.type !== 'image')),
      photoId: s.blocks.find((b) => b.type === 'image')?.photoId ?? '',
    })),
    { title: '', text: '', photoId: '' },
  ];
  return (
    <section class="panel" aria-labelledby="explainer-title">
      <h2 id="explainer-title">{m.explainer}</h2>
      <p class="hint">{m.addSectionHint}</p>
      <form
        method="post"
        action={`/newsroom/liveblogs/${liveblog.slug}/explainer`}
        class="explainer-form"
      >
        <CsrfField token={csrfToken} />
        {sections.map((section, i) => (
          <fieldset key={i} class="explainer-edit">
            <legend>
              {m.sectionTitle} {i + 1}
            </legend>
            <label>
              {m.sectionOrder}
              <input type="number" name={`order${i}`} value={String(i + 1)} min={1} max={20} />
            </label>
            <label>
              {m.sectionTitle}
              <input name={`title${i}`} value={section.title} maxLength={200} dir="auto" />
            </label>
            <label>
              {m.sectionText}
              <input type="hidden" name={`photo${i}`} value={section.photoId} />
              <textarea name={`text${i}`} rows={4} maxLength={20000} dir="auto">
                {section.text}
              </textarea>
            </label>
          </fieldset>
        ))}
        <button type="submit" class="primary">
          {m.save}
        </button>
      </form>
    </section>
  );
}

export function PageSettings(props: PanelProps & { explainer: readonly ExplainerSection[] }) {
  return (
    <>
      <PageSettingsPanel {...props} />
      <ExplainerPanel {...props} />
    </>
  );
}
