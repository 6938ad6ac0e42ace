// Trust in what machines read: an update's verification state and its corrections, as schema.org
// properties of its BlogPosting (creativeWorkStatus, correction as CorrectionComment), as feed
// categories, as lines of the feed's text, and as JSON Feed's `_ajil` extension.
import { formatClock } from '../lib/time.format.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { PublishedUpdate, Verification } from '../update/update.types.js';
import { trm } from '../update/update.trust.messages.js';

/** The taxonomy a feed's verification category belongs to. */
export const VERIFICATION_SCHEME = 'tag:ajil,2026:verification';

const STATUS: Record<Verification, string> = {
  unconfirmed: 'Unconfirmed',
  confirmed: 'Confirmed',
  disputed: 'Disputed',
  retracted: 'Retracted',
};

/** The newest time readers could see the update change: published, edited or re-verified. */
export function trustModified(update: PublishedUpdate): Date {
  const times = [update.publishedAt, update.editedAt, update.verificationAt].filter(
    (t): t is Date => t !== null,
  );
  return new Date(Math.max(...times.map((t) => t.getTime())));
}

/** The BlogPosting's trust properties. */
export function trustStructuredData(update: PublishedUpdate): Record<string, unknown> {
  return {
    ...(update.verification && {
      creativeWorkStatus: STATUS[update.verification],
      additionalProperty: {
        '@type': 'PropertyValue',
        propertyID: 'verification',
        name: 'verification',
        value: update.verification,
        ...(update.verificationNote && { description: update.verificationNote }),
        ...(update.verificationAt && { startDate: update.verificationAt.toISOString() }),
      },
    }),
    ...(update.corrections.length > 0 && {
      correction: update.corrections.map((c) => ({
        '@type': 'CorrectionComment',
        text: c.note,
        datePublished: c.at.toISOString(),
      })),
    }),
  };
}

/** Lines that follow the update's text in a feed: «مسحوب: …», «تصحيح 14:20: …». */
export function trustLines(update: PublishedUpdate, liveblog: Liveblog): string[] {
  const m = trm(liveblog.locale);
  const clock = (at: Date) => formatClock(at, liveblog.timeZone, liveblog.locale);
  const lines: string[] = [];
  if (update.verification) {
    const note = update.verificationNote ? `: ${update.verificationNote}` : '';
    lines.push(`[${m.verification[update.verification]}]${note}`);
  }
  for (const c of update.corrections) lines.push(`${m.correction} ${clock(c.at)}: ${c.note}`);
  return lines;
}

/** The text of a feed item: the update's, then its trust lines. */
export function withTrust(text: string, update: PublishedUpdate, liveblog: Liveblog): string {
  const lines = trustLines(update, liveblog);
  return lines.length === 0 ? text : `${text}\n\n${lines.join('\n')}`;
}

/** JSON Feed 1.1 allows extensions whose names start with an underscore. */
export function jsonFeedTrust(update: PublishedUpdate): Record<string, unknown> {
  if (update.verification === null && update.corrections.length === 0) return {};
  return {
    _ajil: {
      verification: update.verification,
      verification_changed: update.verificationAt?.toISOString() ?? null,
      verification_note: update.verificationNote,
      corrections: update.corrections.map((c) => ({ date: c.at.toISOString(), note: c.note })),
    },
  };
}
