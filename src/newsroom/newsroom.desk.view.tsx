// A live page's desk: the composer, the review queue, the published stream, the embed snippet
// and (for editors) the page's settings. The desk client (src/client/newsroom.ts) enhances it.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { ExplainerSection, Liveblog, SummaryVersion } from '../liveblog/liveblog.types.js';
import type { Update } from '../update/update.types.js';
import { can, type Actor } from '../access/access.policy.js';
import { nm } from './newsroom.messages.js';
import { Composer } from './newsroom.composer.view.js';
import { ReviewQueue } from './newsroom.review-queue.view.js';
import { Stream, WidgetPanel } from './newsroom.stream.view.js';
import { pm } from '../push/push.messages.js';
import { PageSettings } from './newsroom.page-settings.view.js';
import { TrustPanel } from './newsroom.trust.view.js';
import type { SourcePreset } from '../settings/settings.sources.js';

export interface DeskModel {
  /** The copy-paste embed snippet for partner sites. */
  readonly widget: string;
  readonly liveblog: Liveblog;
  readonly explainer: readonly ExplainerSection[];
  readonly drafts: readonly Update[];
  readonly published: readonly Update[];
  /** «What we know so far» as it stands. */
  readonly summary?: SummaryVersion | undefined;
  /** The composer's agency and source presets (a site setting). */
  readonly presets?: readonly SourcePreset[];
}

export function DeskPage({
  locale,
  actor,
  model,
  csrfToken,
}: {
  locale: UiLocale;
  actor: Actor;
  model: DeskModel;
  csrfToken: string;
}) {
  const { liveblog } = model;
  return (
    <>
      <div class="desk-header">
        <h1 dir="auto">{liveblog.headline}</h1>
        <a href={`/live/${liveblog.slug}`} target="_blank" rel="noopener">
          {nm(locale).viewLive}
        </a>
        {liveblog.translationSlug ? (
          <a href={`/newsroom/liveblogs/${liveblog.slug}/translate`} class="desk-translate-link">
            {pm(locale).toTranslate}
          </a>
        ) : null}
      </div>
      <div class="desk">
        <Composer
          locale={locale}
          publisher={can(actor, 'update.publish')}
          presets={model.presets ?? []}
          me={actor.name}
          timeZone={liveblog.timeZone}
        />
        <ReviewQueue locale={locale} actor={actor} liveblog={liveblog} drafts={model.drafts} />
        <Stream locale={locale} actor={actor} liveblog={liveblog} published={model.published} />
        <WidgetPanel locale={locale} snippet={model.widget} />
        {can(actor, 'update.edit') ? (
          <TrustPanel {...model} locale={locale} csrfToken={csrfToken} />
        ) : null}
        {can(actor, 'liveblog.edit') ? (
          <PageSettings
            locale={locale}
            liveblog={liveblog}
            explainer={model.explainer}
            csrfToken={csrfToken}
          />
        ) : null}
      </div>
    </>
  );
}
