// Sharing an update (the share menu under it and the addresses its links redirect to) and its
// line in the key-events list.
import { t } from '../lib/i18n.messages.js';
import { formatClock, toIsoString } from '../lib/time.format.js';
import type { PublishedUpdate } from './update.types.js';
import type { UpdateContext } from './update.view.js';
import { firstWords, updateUrlPath } from './update.paths.js';

/** Where a reader may share an update; each is a short address of ours that redirects there. */
export const SHARE_TARGETS = ['whatsapp', 'telegram', 'x', 'facebook', 'email'] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

/** The platform's own share address for an update, built from its absolute `url`. */
export function shareTargetUrl(target: ShareTarget, update: PublishedUpdate, url: string): string {
  const title = update.headline ?? firstWords(update);
  const e = encodeURIComponent;
  const text = e(`${title} ${url}`);
  switch (target) {
    case 'whatsapp':
      return `https://wa.me/?text=${text}`;
    case 'telegram':
      return `https://t.me/share/url?url=${e(url)}&text=${e(title)}`;
    case 'x':
      return `https://x.com/intent/post?text=${e(title)}&url=${e(url)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`;
    case 'email':
      return `mailto:?subject=${e(title)}&body=${text}`;
  }
}

/**
 * Sharing one update: plain links (nothing is requested from a platform until the reader
 * clicks), each to `…/updates/:id/share/<target>`, which redirects to the platform with the
 * update's title and address. The page carries a few bytes per link instead of the title and
 * address percent-encoded five times over. The Web Share API and copy-link where the browser has
 * them (src/client/live.sharing.ts).
 */
export function ShareMenu({
  update,
  context,
}: {
  update: PublishedUpdate;
  context: UpdateContext;
}) {
  const m = t(context.locale);
  const path = updateUrlPath(context.slug, update.id);
  const url = `${context.publicUrl}${path}`;
  const labels: Record<ShareTarget, string> = {
    whatsapp: m.shareWhatsApp,
    telegram: m.shareTelegram,
    x: m.shareX,
    facebook: m.shareFacebook,
    email: m.shareEmail,
  };
  return (
    <details
      class="share"
      data-share-url={url}
      data-share-title={update.headline ?? firstWords(update)}
    >
      <summary>{m.share}</summary>
      <ul class="share-menu">
        {SHARE_TARGETS.map((target) => (
          <li key={target}>
            <a href={`${path}/share/${target}`} rel="noopener noreferrer nofollow" target="_blank">
              {labels[target]}
            </a>
          </li>
        ))}
        <li>
          <button type="button" class="copy-link" data-copy={url} hidden>
            {m.copyLink}
          </button>
        </li>
      </ul>
    </details>
  );
}

/** A line of the key-events list. */
export function KeyEventItem({
  update,
  context,
  href,
}: {
  update: PublishedUpdate;
  context: UpdateContext;
  href: string;
}) {
  const label = update.headline ?? firstWords(update);
  return (
    <li data-update-id={update.id}>
      <a href={href}>
        <time dateTime={toIsoString(update.publishedAt)}>
          {formatClock(update.publishedAt, context.timeZone, context.locale, context.dateStyle)}
        </time>{' '}
        <bdi>{label}</bdi>
      </a>
    </li>
  );
}
