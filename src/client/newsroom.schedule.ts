// The composer's schedule field: the wall time typed is read in the live page's zone (named
// beside the field), and the editor's own time for that moment is shown under it when their
// browser keeps another zone's time.
import { dayKey, formatClock, formatUpdateTime } from '../lib/time.format.js';
import { wallTimeToInstant, zoneOffsetMinutes } from '../lib/time.wall.js';

function scheduleInput(): HTMLInputElement | null {
  const input = document.getElementById('schedule-at');
  return input instanceof HTMLInputElement ? input : null;
}

/** The page's zone, as the server wrote it on the field. */
function pageZone(input: HTMLInputElement): string {
  return input.dataset.timeZone ?? 'UTC';
}

/** The moment the schedule field names, as ISO 8601; undefined when it is empty or unreadable. */
export function scheduledInstant(): string | undefined {
  const input = scheduleInput();
  if (!input?.value) return undefined;
  return wallTimeToInstant(input.value, pageZone(input))?.toISOString();
}

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** «= 15:30 بتوقيتك (Europe/Berlin)», or '' when the editor's clock reads the same. */
function ownTimeText(input: HTMLInputElement, template: string, locale: 'ar' | 'en'): string {
  const zone = pageZone(input);
  const own = browserZone();
  const at = input.value ? wallTimeToInstant(input.value, zone) : null;
  if (!at || own === zone) return '';
  if (zoneOffsetMinutes(at, own) === zoneOffsetMinutes(at, zone)) return '';
  const sameDay = dayKey(at, own) === dayKey(at, zone);
  const time = sameDay ? formatClock(at, own, locale) : formatUpdateTime(at, own, locale);
  return template.replace('{time}', time).replace('{zone}', own);
}

export function bindSchedule(locale: 'ar' | 'en'): void {
  const input = scheduleInput();
  const hint = document.getElementById('schedule-local');
  if (!input || !hint) return;
  const template = hint.dataset.template ?? '{time} ({zone})';
  const show = (): void => {
    const text = ownTimeText(input, template, locale);
    hint.textContent = text;
    hint.hidden = text === '';
  };
  input.addEventListener('input', show);
  input.addEventListener('change', show);
  document.addEventListener('ajil:desk-changed', show);
  show();
}
