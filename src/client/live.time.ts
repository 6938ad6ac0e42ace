// Times on the live page: relative times ("5 minutes ago") kept current, and the reader's own
// clock on hover where their time zone differs from the page's.
import { formatRelativeTime } from '../lib/time.format.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import type { LivePage } from './live.context.js';

export const TICK_MS = 30_000;

/** Writes or refreshes the relative time inside every update's time. */
export function tickRelativeTimes(live: LivePage): void {
  const now = new Date();
  for (const time of document.querySelectorAll<HTMLTimeElement>('time.update-time')) {
    const relative = formatRelativeTime(new Date(time.dateTime), now, live.locale, live.digits);
    let span = time.querySelector('.relative-time');
    if (relative === null) {
      span?.remove();
      continue;
    }
    if (!span) {
      span = document.createElement('span');
      span.className = 'relative-time';
      time.prepend(span);
    }
    if (span.textContent !== relative) span.textContent = relative;
  }
}

/** On hover or focus, a time also shows the reader's own clock when their zone differs. */
export function readerTimeOnHover(locale: UiLocale): void {
  const pageZone = document.body.dataset.timeZone;
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!pageZone || pageZone === readerZone) return;
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: readerZone,
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
    numberingSystem: 'latn',
  });
  const label = locale === 'ar' ? 'بتوقيتك' : 'your time';
  const show = (event: Event) => {
    const time =
      event.target instanceof Element
        ? event.target.closest<HTMLTimeElement>('time[datetime]')
        : null;
    if (!time || time.dataset.readerTime === '1') return;
    time.dataset.readerTime = '1';
    time.title = `${time.title ? `${time.title} — ` : ''}${format.format(new Date(time.dateTime))} ${label}`;
  };
  document.addEventListener('mouseover', show);
  document.addEventListener('focusin', show);
}
