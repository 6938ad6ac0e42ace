// The published stream as the desk sees it, and the embed snippet for partner sites.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { Update } from '../update/update.types.js';
import type { Actor } from '../access/access.policy.js';
import { nm } from './newsroom.messages.js';
import { UpdateList } from './newsroom.update-row.view.js';

export function Stream({
  locale,
  actor,
  liveblog,
  published,
}: {
  locale: UiLocale;
  actor: Actor;
  liveblog: Liveblog;
  published: readonly Update[];
}) {
  return (
    <section class="panel" aria-labelledby="stream-title">
      <h2 id="stream-title">{nm(locale).stream}</h2>
      <UpdateList
        id="published"
        updates={published}
        locale={locale}
        actor={actor}
        liveblog={liveblog}
      />
    </section>
  );
}

export function WidgetPanel({ locale, snippet }: { locale: UiLocale; snippet: string }) {
  const m = nm(locale);
  return (
    <section class="panel" aria-labelledby="widget-title">
      <h2 id="widget-title">{m.widget}</h2>
      <p class="hint">{m.widgetHint}</p>
      <textarea readOnly rows={6} dir="ltr" aria-labelledby="widget-title" class="widget-snippet">
        {snippet}
      </textarea>
    </section>
  );
}
