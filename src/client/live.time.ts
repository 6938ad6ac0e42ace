// Times on reader pages: the relative part of each update's time («منذ 46 دقيقة · 23:13»), which
// the server never writes (an update's HTML is rendered once per event) and this module keeps
// current; the day dividers, kept right as updates arrive; the full date on a long press on a
// phone; and the reader's own clock on hover where their time zone differs from the page's.
import { formatRelativeTime } from '../lib/time.format.js';
import type { UiLocale } from '../lib/i18n.messages.js';

export const TICK_MS = 30_000;
const LONG_PRESS_MS = 500;

/** How a page writes times: its language and digits (the live context has both). */
interface TimeStyle {
  readonly locale: UiLocale;
  readonly digits: 'latn' | 'arab';
}

/** Writes or refreshes the relative time inside every update's time. */
export function tickRelativeTimes({ locale, digits }: TimeStyle): void {
  const now = new Date();
  for (const time of document.querySelectorAll<HTMLTimeElement>('time.update-time')) {
    const relative = formatRelativeTime(new Date(time.dateTime), now, locale, digits) ?? '';
    let span = time.querySelector('.relative-time');
    if (!span) {
      span = document.createElement('span');
      span.className = 'relative-time';
      time.prepend(span);
    }
    if (span.textContent !== relative) span.textContent = relative;
  }
}

/**
 * Marks the first update of each day in the stream, so its divider shows: an update whose day
 * differs from the one above it, and the first update of an older page.
 */
export function markDayStarts(list: HTMLElement): void {
  const olderPage = document.body.dataset.page !== undefined && document.body.dataset.page !== '1';
  let above: string | undefined;
  for (const article of list.querySelectorAll<HTMLElement>(':scope > article[data-day]')) {
    const day = article.dataset.day;
    const starts = above === undefined ? olderPage : above !== day;
    article.classList.toggle('update-day-start', starts);
    above = day;
  }
}

/** Keeps relative times and day dividers right on any reader page: now, every tick, on change. */
export function keepTimesCurrent(locale: UiLocale): void {
  const style: TimeStyle = {
    locale,
    digits: document.body.dataset.digits === 'arab' ? 'arab' : 'latn',
  };
  const list = document.getElementById('updates');
  const refresh = () => {
    tickRelativeTimes(style);
    if (list) markDayStarts(list);
  };
  refresh();
  window.setInterval(() => {
    tickRelativeTimes(style);
  }, TICK_MS);
  // Updates placed, replaced or removed by the live client: their times and the days at once.
  const observer = new MutationObserver(refresh);
  for (const id of ['updates', 'pinned']) {
    const element = document.getElementById(id);
    if (element) observer.observe(element, { childList: true });
  }
}

/**
 * On a touch screen a time's tooltip never shows, so a long press on a time shows its full date
 * and zone (its title) in a small label under it; the next touch anywhere takes it away, and the
 * press does not follow the time's link.
 */
export function fullTimeOnLongPress(): void {
  let timer: number | undefined;
  let tip: HTMLElement | null = null;
  let swallowClick = false;
  const cancel = () => {
    window.clearTimeout(timer);
  };
  document.addEventListener('pointerdown', (event) => {
    tip?.remove();
    tip = null;
    if (event.pointerType !== 'touch' || !(event.target instanceof Element)) return;
    const time = event.target.closest<HTMLTimeElement>('time[title]');
    if (!time) return;
    timer = window.setTimeout(() => {
      tip = document.createElement('span');
      tip.className = 'time-tip';
      tip.setAttribute('role', 'status');
      tip.textContent = time.title;
      time.after(tip);
      swallowClick = true;
    }, LONG_PRESS_MS);
  });
  for (const type of ['pointerup', 'pointercancel', 'pointermove'] as const) {
    document.addEventListener(type, cancel);
  }
  const swallow = (event: Event) => {
    if (!swallowClick) return;
    event.preventDefault();
    if (event.type === 'click') swallowClick = false;
  };
  document.addEventListener('contextmenu', swallow);
  document.addEventListener('click', swallow, true);
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
