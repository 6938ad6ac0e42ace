// The desk's "to translate" page: the counterpart page's updates not yet linked to their
// translation here, each with a form that links it to one of this page's updates. The
// counterpart's text keeps its own language and direction.
import { blocksToText } from '../blocks/blocks.schema.js';
import { directionOf, type UiLocale } from '../lib/i18n.messages.js';
import { formatUpdateTime } from '../lib/time.format.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { PublishedUpdate } from '../update/update.types.js';
import { permalinkPath } from '../update/update.paths.js';
import { pm } from '../push/push.messages.js';
import { CsrfField } from './newsroom.fields.view.js';

function summary(update: PublishedUpdate): string {
  const text = update.headline ?? blocksToText(update.blocks).replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export interface TranslationsModel {
  readonly liveblog: Liveblog;
  readonly counterpart: Liveblog | undefined;
  readonly queue: readonly PublishedUpdate[];
  readonly candidates: readonly PublishedUpdate[];
  readonly csrfToken: string;
}

function QueueItem({
  model,
  update,
  locale,
}: {
  model: TranslationsModel & { counterpart: Liveblog };
  update: PublishedUpdate;
  locale: UiLocale;
}) {
  const m = pm(locale);
  const other = model.counterpart;
  const fieldId = `translation-${update.id}`;
  return (
    <li class="translate-item" data-update-id={update.id}>
      <p lang={other.locale} dir={directionOf(other.locale)}>
        <a href={permalinkPath(other.slug, update.id)}>
          <bdi>{summary(update)}</bdi>
        </a>{' '}
        <time dateTime={update.publishedAt.toISOString()}>
          {formatUpdateTime(update.publishedAt, other.timeZone, locale)}
        </time>
      </p>
      <form
        method="post"
        action={`/newsroom/liveblogs/${model.liveblog.slug}/translations`}
        class="translate-form"
      >
        <CsrfField token={model.csrfToken} />
        <input type="hidden" name="translation" value={String(update.id)} />
        <label for={fieldId}>{m.linkTo}</label>{' '}
        <select id={fieldId} name="update" required>
          <option value="">{m.chooseUpdate}</option>
          {model.candidates.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {summary(c)}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{m.link}</button>
      </form>
    </li>
  );
}

export function TranslationsPage({
  locale,
  model,
}: {
  locale: UiLocale;
  model: TranslationsModel;
}) {
  const m = pm(locale);
  const { liveblog, counterpart } = model;
  return (
    <>
      <h1>
        {m.toTranslate}: <bdi>{liveblog.headline}</bdi>
      </h1>
      <p>
        <a href={`/newsroom/liveblogs/${liveblog.slug}`} dir="auto">
          {liveblog.headline}
        </a>
      </p>
      {counterpart ? (
        <>
          <p>{m.toTranslateIntro(counterpart.headline)}</p>
          {model.queue.length === 0 ? (
            <p class="translate-empty">{m.nothingToTranslate}</p>
          ) : (
            <ol class="translate-queue">
              {model.queue.map((update) => (
                <QueueItem
                  key={update.id}
                  model={{ ...model, counterpart }}
                  update={update}
                  locale={locale}
                />
              ))}
            </ol>
          )}
        </>
      ) : (
        <p>{m.noCounterpart}</p>
      )}
    </>
  );
}
