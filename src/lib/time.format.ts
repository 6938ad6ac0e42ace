/**
 * Date, time and count formatting for the live page, in Arabic and English.
 *
 * Pure module: it relies only on `Intl` and `Date`, so it runs unchanged on the
 * server and inside the esbuild browser bundle. Never import Node APIs here.
 *
 * Conventions shared by every function below:
 * - digits are always Latin (0-9), whatever the UI locale;
 * - clocks are 24-hour;
 * - outputs never contain invisible bidi controls. ICU sprinkles LRM/RLM/ALM
 *   into some patterns (for example before a minus sign in Arabic, or after
 *   each numeric date field); the page's own markup handles direction, so
 *   those characters are removed.
 */

import { hijriText } from './time.hijri.js';
import {
  clockText,
  dateTimeFormat,
  numberFormatFor,
  partsOf,
  rulesFor,
  stripBidiControls,
  withDigits,
} from './time.intl.js';
import { arabicMonth, type MonthNames } from './time.months.js';
import { AGO_FORMS, JUST_NOW } from './time.relative.js';
import { zoneLabel } from './time.zones.js';

export type UiLocale = 'ar' | 'en';

/** CLDR plural category → template; `{n}` is replaced by the formatted number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Unit used by the relative ("… ago") formatter. */
export type RelativeUnit = 'minute' | 'hour' | 'day';

/**
 * Absolute time of an update in the live page's IANA zone, e.g.
 * «06 فبراير 2026 16:30» (ar) or "06 February 2026 16:30" (en).
 *
 * The layout is fixed (day month year HH:mm) for both locales rather than
 * taken from the locale pattern, because ICU adds connectors such as «في» or
 * "at" and uses month-first order for English.
 *
 * @throws RangeError for an invalid date or an unknown time zone.
 */
export function formatUpdateTime(
  date: Date,
  timeZone: string,
  locale: UiLocale,
  style: DateStyle = DEFAULT_DATE_STYLE,
): string {
  const p = partsOf(dateTimeFormat(locale, timeZone, 'full'), date);
  const day = (p.day ?? '').padStart(2, '0');
  const month = locale === 'ar' ? arabicMonth(date, timeZone, style.months) : (p.month ?? '');
  const text = `${day} ${month} ${p.year ?? ''} ${clockText(p, locale, style)}`;
  return locale === 'ar' ? withDigits(text, style.digits) : text;
}

/**
 * Only the wall-clock time in the given zone: "HH:mm" on the 24-hour clock, «4:30 م» on the
 * 12-hour one; in the newsroom's digits.
 *
 * @throws RangeError for an invalid date or an unknown time zone.
 */
export function formatClock(
  date: Date,
  timeZone: string,
  locale: UiLocale,
  style: DateStyle = DEFAULT_DATE_STYLE,
): string {
  const p = partsOf(dateTimeFormat(locale, timeZone, 'clock'), date);
  const text = clockText(p, locale, style);
  return locale === 'ar' ? withDigits(text, style.digits) : text;
}

/**
 * The calendar day of `date` in the zone, as "2026-02-06": what the day divider compares.
 *
 * @throws RangeError for an invalid date or an unknown time zone.
 */
export function dayKey(date: Date, timeZone: string): string {
  const p = partsOf(dateTimeFormat('en', timeZone, 'ymd'), date);
  return `${p.year ?? ''}-${p.month ?? ''}-${p.day ?? ''}`;
}

/**
 * The day divider's text, the weekday and the date in the zone: «الجمعة 06 فبراير 2026»
 * (in the page's month names and digits) or "Friday 06 February 2026".
 *
 * @throws RangeError for an invalid date or an unknown time zone.
 */
export function formatDay(
  date: Date,
  timeZone: string,
  locale: UiLocale,
  style: DateStyle = DEFAULT_DATE_STYLE,
): string {
  const p = partsOf(dateTimeFormat(locale, timeZone, 'day'), date);
  const day = (p.day ?? '').padStart(2, '0');
  const month = locale === 'ar' ? arabicMonth(date, timeZone, style.months) : (p.month ?? '');
  const text = `${p.weekday ?? ''} ${day} ${month} ${p.year ?? ''}`;
  return locale === 'ar' ? withDigits(text, style.digits) : text;
}

// ---------------------------------------------------------------------------
// How each newsroom writes dates

export interface DateStyle {
  readonly months: MonthNames;
  readonly digits: 'latn' | 'arab';
  /** Add the Hijri (Umm al-Qura) date beside the Gregorian one. */
  readonly hijri: boolean;
  readonly clock: '24' | '12';
}

export const DEFAULT_DATE_STYLE: DateStyle = {
  months: 'gulf',
  digits: 'latn',
  hijri: false,
  clock: '24',
};

/** The Hijri (Umm al-Qura) date in the zone, e.g. «١٨ شعبان ١٤٤٧ هـ» or «18 شعبان 1447 هـ». */
export function formatHijriDate(
  date: Date,
  timeZone: string,
  digits: 'latn' | 'arab' = 'latn',
): string {
  return hijriText(date, timeZone, digits);
}

export function isDateStyle(value: unknown): value is DateStyle {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.months === 'gulf' ||
      v.months === 'levant' ||
      v.months === 'maghreb' ||
      v.months === 'both') &&
    (v.digits === 'latn' || v.digits === 'arab') &&
    typeof v.hijri === 'boolean' &&
    (v.clock === '24' || v.clock === '12')
  );
}

// ---------------------------------------------------------------------------
// Time zone names

/**
 * Human label for the zone, shown next to times: «بتوقيت مسقط» / "Muscat time"
 * for well-known newsroom zones, otherwise Intl's name («بتوقيت نيوزيلندا» /
 * "New Zealand Time"), and as a last resort the IANA id itself.
 */
export function formatTimeZoneName(timeZone: string, locale: UiLocale): string {
  return zoneLabel(timeZone, locale);
}

// ---------------------------------------------------------------------------
// Plurals

/**
 * Pick the template for `n` by its CLDR plural category in `locale` and
 * substitute `{n}` with the number in Latin digits. A category missing from
 * `forms` falls back to `other`.
 *
 * @example
 * plural('ar', 5, {
 *   one: 'تحديث جديد',
 *   two: 'تحديثان جديدان',
 *   few: '{n} تحديثات جديدة',
 *   many: '{n} تحديثًا جديدًا',
 *   other: '{n} تحديث جديد',
 * }); // "5 تحديثات جديدة"
 */
export function plural(
  locale: UiLocale,
  n: number,
  forms: PluralForms,
  digits: 'latn' | 'arab' = 'latn',
): string {
  const category = rulesFor(locale).select(n);
  const template = forms[category] ?? forms.other;
  if (!template.includes('{n}')) return template;
  const formatted = stripBidiControls(numberFormatFor(locale).format(n));
  const text = template.replaceAll('{n}', formatted);
  return locale === 'ar' ? withDigits(text, digits) : text;
}

// ---------------------------------------------------------------------------
// Relative time

/**
 * "N units ago" for a positive whole count, with the correct plural form
 * («منذ دقيقتين», «منذ 11 يومًا», "3 hours ago"). Used by
 * {@link formatRelativeTime}; exported so that callers and tests can reach
 * counts the elapsed-time thresholds never produce (e.g. 100 minutes).
 */
export function formatAgo(
  count: number,
  unit: RelativeUnit,
  locale: UiLocale,
  digits: 'latn' | 'arab' = 'latn',
): string {
  return plural(locale, count, AGO_FORMS[locale][unit], digits);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RELATIVE_LIMIT = 30 * DAY;

/**
 * How long ago `date` was, seen from `now`: «الآن» / "just now" under a
 * minute, then whole minutes, hours (from 60 minutes) and days (from 24
 * hours, counted as elapsed 24-hour periods, not calendar days). Returns null
 * from 30 days on, for a date more than a minute in the future, and for an
 * invalid date; the caller then shows only the absolute time.
 */
export function formatRelativeTime(
  date: Date,
  now: Date,
  locale: UiLocale,
  digits: 'latn' | 'arab' = 'latn',
): string | null {
  const elapsed = now.getTime() - date.getTime();
  if (!Number.isFinite(elapsed)) return null;
  // A small negative difference is clock skew between the server and the
  // reader's device; treat it as "now".
  if (elapsed <= -MINUTE) return null;
  if (elapsed < MINUTE) return JUST_NOW[locale];
  if (elapsed < HOUR) return formatAgo(Math.floor(elapsed / MINUTE), 'minute', locale, digits);
  if (elapsed < DAY) return formatAgo(Math.floor(elapsed / HOUR), 'hour', locale, digits);
  if (elapsed < RELATIVE_LIMIT) return formatAgo(Math.floor(elapsed / DAY), 'day', locale, digits);
  return null;
}

/** ISO 8601 in UTC, for `<time datetime>`. @throws RangeError for an invalid date. */
export function toIsoString(date: Date): string {
  return date.toISOString();
}
