// The one place an update becomes HTML. The reader page, the SSE stream and the polling
// fallback all call this module, so a reader sees the same markup however it arrived.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Block, Inline } from '../blocks/blocks.schema.js';
import type { PublishedUpdate, Source } from './update.types.js';
import { TrustNotes, VerificationBadge, trustClasses } from './update.trust.view.js';
import { directionOf, t, type UiLocale } from '../lib/i18n.messages.js';
import { pm } from '../push/push.messages.js';
import {
  dayKey,
  formatClock,
  formatDay,
  formatHijriDate,
  type DateStyle,
  formatTimeZoneName,
  formatUpdateTime,
  toIsoString,
} from '../lib/time.format.js';
import { directionOfText, type TextDirection } from '../lib/text.isolate.js';
import { IsolatedText } from '../lib/text.isolate.view.js';
import { readingMessages } from './update.reading.messages.js';
import { permalinkPath, updateAnchor } from './update.paths.js';
import { KeyEventItem, ShareMenu } from './update.share.view.js';

/** What the renderer needs to know about the page an update belongs to. */
export interface UpdateContext {
  readonly slug: string;
  readonly locale: UiLocale;
  readonly timeZone: string;
  /** The moment of rendering. Not written into an update's HTML: the live client writes how
   * long ago an update was (an update is rendered once per event, not once per reader). */
  readonly now: Date;
  /** Absolute base of permalinks, for the share links. */
  readonly publicUrl: string;
  /** How this page writes dates. */
  readonly dateStyle: DateStyle;
  /** The counterpart page in the other language, where an update's translation lives. */
  readonly counterpart?: { readonly slug: string; readonly locale: UiLocale } | null;
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function InlineView({ inline, direction }: { inline: Inline; direction?: TextDirection }) {
  if (inline.type === 'link') {
    if (!SAFE_HREF.test(inline.href))
      return <IsolatedText text={inline.text} direction={direction} />;
    return (
      <a href={inline.href} rel="noopener nofollow">
        <IsolatedText text={inline.text} direction={direction} linked={false} />
      </a>
    );
  }
  let node: ComponentChildren = <IsolatedText text={inline.text} direction={direction} />;
  if (inline.italic) node = <em>{node}</em>;
  if (inline.bold) node = <strong>{node}</strong>;
  return <>{node}</>;
}

/** A paragraph's inlines, each isolated in the direction of the whole paragraph. */
export function Inlines({ content }: { content: readonly Inline[] }) {
  const direction = directionOfText(content.map((inline) => inline.text).join(''));
  return (
    <>
      {content.map((inline, i) => (
        <InlineView key={i} inline={inline} direction={direction} />
      ))}
    </>
  );
}

export function BlocksView({ blocks }: { blocks: readonly Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'paragraph':
            return (
              <p key={i}>
                <Inlines content={block.content} />
              </p>
            );
          case 'heading':
            return (
              <h4 key={i}>
                <IsolatedText text={block.text} linked={false} />
              </h4>
            );
          case 'quote':
            return (
              <blockquote key={i}>
                <p>
                  <Inlines content={block.content} />
                </p>
                {block.cite ? <cite>{block.cite}</cite> : null}
              </blockquote>
            );
          case 'image':
            return <PhotoView key={i} block={block} />;
          case 'embed':
            return <EmbedCard key={i} block={block} />;
          case 'list': {
            const items = block.items.map((item, j) => (
              <li key={j}>
                <Inlines content={item} />
              </li>
            ));
            return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
        }
      })}
    </>
  );
}

type ImageBlock = Extract<Block, { type: 'image' }>;
type EmbedBlock = Extract<Block, { type: 'embed' }>;

/** A photo in responsive sizes: AVIF, then WebP, then JPEG for every browser. */
function PhotoView({ block }: { block: ImageBlock }) {
  const widths = block.widths ?? [];
  if (widths.length === 0) return null;
  const srcset = (format: string) =>
    widths.map((w) => `/media/${block.photoId}-${w}.${format} ${w}w`).join(', ');
  const sizes = '(min-width: 960px) 640px, 100vw';
  const fallback = widths.find((w) => w >= 960) ?? widths[widths.length - 1] ?? 0;
  return (
    <figure class="update-photo">
      <picture>
        <source type="image/avif" srcset={srcset('avif')} sizes={sizes} />
        <source type="image/webp" srcset={srcset('webp')} sizes={sizes} />
        <img
          src={`/media/${block.photoId}-${fallback}.jpg`}
          srcset={srcset('jpg')}
          sizes={sizes}
          alt={block.alt ?? ''}
          width={block.width}
          height={block.height}
          loading="lazy"
          decoding="async"
        />
      </picture>
      {block.caption || block.credit ? (
        <figcaption dir="auto">
          {block.caption}
          {block.credit ? <span class="photo-credit"> {block.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

/**
 * A post on X, a video or a link as a card we draw ourselves: nothing is requested from the
 * provider until the reader clicks and has agreed to embeds (src/client/live.ts).
 */
function EmbedCard({ block }: { block: EmbedBlock }) {
  if (!SAFE_HREF.test(block.url)) return null;
  return (
    <div
      class="embed-card"
      data-provider={block.provider ?? 'link'}
      data-url={block.url}
      data-video-id={block.videoId}
    >
      {block.thumbnail && block.thumbnailWidth ? (
        <img
          class="embed-thumbnail"
          src={`/media/${block.thumbnail}-${block.thumbnailWidth}.jpg`}
          alt=""
          loading="lazy"
        />
      ) : null}
      <p class="embed-site">{block.site ?? ''}</p>
      <p class="embed-title" dir="auto">
        <a href={block.url} rel="noopener nofollow ugc" target="_blank">
          {block.title ?? block.url}
        </a>
      </p>
      {block.provider === 'youtube' || block.provider === 'x' ? (
        <button type="button" class="embed-load" hidden>
          ▶
        </button>
      ) : null}
    </div>
  );
}

function SourceItem({ source }: { source: Source }) {
  const name = <bdi>{source.name}</bdi>;
  return (
    <li class={`source source-${source.kind}`}>
      {source.url && SAFE_HREF.test(source.url) ? (
        <a href={source.url} rel="noopener nofollow">
          {name}
        </a>
      ) : (
        name
      )}
    </li>
  );
}

/**
 * A time, compact: «منذ 46 دقيقة · 23:13». The server writes only the clock (an update's HTML is
 * rendered once per event, so it must not say how long ago); the live client fills the relative
 * part and keeps it current (src/client/live.time.ts). The full date and zone are the title: a
 * tooltip on hover, a label after a long press on a phone, the description screen readers give.
 */
export function TimeView({ date, context }: { date: Date; context: UpdateContext }) {
  const clock = formatClock(date, context.timeZone, context.locale, context.dateStyle);
  const absolute = formatUpdateTime(date, context.timeZone, context.locale, context.dateStyle);
  const zone = formatTimeZoneName(context.timeZone, context.locale);
  const hijri =
    context.dateStyle.hijri && context.locale === 'ar'
      ? formatHijriDate(date, context.timeZone, context.dateStyle.digits)
      : null;
  const full = `${absolute} ${zone}${hijri ? ` (${hijri})` : ''}`;
  return (
    <time class="update-time" dateTime={toIsoString(date)} title={full}>
      <span class="relative-time" />
      <span class="update-clock">{clock}</span>
    </time>
  );
}

/** Above the first update of a day: the day's name and date (shown by CSS on the day's start). */
function DayDivider({ date, context }: { date: Date; context: UpdateContext }) {
  return (
    <p class="day-divider">
      <time dateTime={dayKey(date, context.timeZone)}>
        {formatDay(date, context.timeZone, context.locale, context.dateStyle)}
      </time>
    </p>
  );
}

interface ArticleProps {
  update: PublishedUpdate;
  context: UpdateContext;
  /** The pinned copy at the top of the page has its own id so anchors stay unique. */
  variant?: 'stream' | 'pinned';
  hidden?: boolean;
  /** The first update of a day on the page (the day changes from the update above it). */
  dayStart?: boolean;
}

export function UpdateArticle({
  update,
  context,
  variant = 'stream',
  hidden,
  dayStart,
}: ArticleProps) {
  const m = t(context.locale);
  const anchor = updateAnchor(update.id);
  const classes = ['update'];
  if (dayStart) classes.push('update-day-start');
  if (update.breaking) classes.push('update-breaking');
  if (update.keyEvent) classes.push('update-key-event');
  if (update.pinned) classes.push('update-pinned');
  classes.push(...trustClasses(update));
  const headingId = `${variant === 'pinned' ? 'pinned-' : ''}${anchor}-title`;
  return (
    <article
      class={classes.join(' ')}
      id={variant === 'pinned' ? `pinned-${anchor}` : anchor}
      data-update-id={update.id}
      data-revision={update.revision}
      data-published={toIsoString(update.publishedAt)}
      data-verification={update.verification ?? undefined}
      data-day={dayKey(update.publishedAt, context.timeZone)}
      aria-labelledby={update.headline ? headingId : undefined}
      hidden={hidden}
    >
      {variant === 'stream' ? <DayDivider date={update.publishedAt} context={context} /> : null}
      <div class="update-meta">
        <a class="update-timelink" href={permalinkPath(context.slug, update.id)}>
          <TimeView date={update.publishedAt} context={context} />
        </a>
        {update.breaking ? <strong class="badge badge-breaking">{m.breaking}</strong> : null}
        {variant === 'pinned' ? <span class="badge badge-pinned">{m.pinned}</span> : null}
        {update.keyEvent ? <span class="badge badge-key">{m.keyEvents}</span> : null}
        <VerificationBadge update={update} context={context} />
      </div>
      {update.headline ? (
        <h3 class="update-headline" id={headingId} dir="auto">
          <IsolatedText text={update.headline} linked={false} />
        </h3>
      ) : null}
      <div class="update-body" dir="auto">
        <BlocksView blocks={update.blocks} />
      </div>
      <TrustNotes update={update} context={context} />
      {variant === 'pinned' ? (
        <a class="pinned-more" href={permalinkPath(context.slug, update.id)}>
          {readingMessages(context.locale).wholeUpdate}
        </a>
      ) : null}
      {update.sources.length > 0 ? (
        <div class="update-sources">
          <span class="update-sources-label">{m.sources}:</span>
          <ul>
            {update.sources.map((source, i) => (
              <SourceItem key={i} source={source} />
            ))}
          </ul>
        </div>
      ) : null}
      <div class="update-footer">
        {update.byline ? (
          <span class="update-author">
            {m.by} <bdi>{update.byline}</bdi>
          </span>
        ) : null}
        {update.editedAt ? (
          <span class="update-edited">
            {m.edited}{' '}
            <time dateTime={toIsoString(update.editedAt)}>
              {formatClock(update.editedAt, context.timeZone, context.locale, context.dateStyle)}
            </time>
          </span>
        ) : null}
        <a class="update-permalink" href={permalinkPath(context.slug, update.id)}>
          {m.permalink}
        </a>
        <TranslationLink update={update} context={context} />
        <ShareMenu update={update} context={context} />
      </div>
    </article>
  );
}

/** The same update in the other language: its own address on the counterpart page. */
function TranslationLink({ update, context }: { update: PublishedUpdate; context: UpdateContext }) {
  const other = context.counterpart;
  if (!other || !update.translationId) return null;
  const label = other.locale === 'en' ? pm('en').readInEnglish : pm('ar').readInArabic;
  return (
    <a
      class="update-translation"
      href={permalinkPath(other.slug, update.translationId)}
      hrefLang={other.locale}
      lang={other.locale}
      dir={directionOf(other.locale)}
      rel="alternate"
    >
      {label}
    </a>
  );
}

/** The HTML of one update, as sent in live events: the same component as the page uses. */
export function renderUpdateHtml(update: PublishedUpdate, context: UpdateContext): string {
  return renderToString(<UpdateArticle update={update} context={context} />);
}

export function renderPinnedHtml(update: PublishedUpdate, context: UpdateContext): string {
  return renderToString(<UpdateArticle update={update} context={context} variant="pinned" />);
}

export function renderKeyEventHtml(update: PublishedUpdate, context: UpdateContext): string {
  return renderToString(
    <KeyEventItem update={update} context={context} href={`#${updateAnchor(update.id)}`} />,
  );
}
