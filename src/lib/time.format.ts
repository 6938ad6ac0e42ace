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

export type UiLocale = 'ar' | 'en';

/** CLDR plural category → template; `{n}` is replaced by the formatted number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Unit used by the relative ("… ago") formatter. */
export type RelativeUnit = 'minute' | 'hour' | 'day';

// LRM, RLM, ALM, the isolates (LRI, RLI, FSI, PDI) and, for good measure, the
// older embeddings/overrides (LRE, RLE, PDF, LRO, RLO).
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u2066-\u2069\u202A-\u202E]/g;

/** Remove invisible direction marks that Intl may have inserted. */
function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

// ---------------------------------------------------------------------------
// Small bounded caches: building Intl objects is far more expensive than using
// them, and a live page formats many timestamps in the same zone.

const CACHE_LIMIT = 64;

function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = create();
  // The key space is tiny in practice (two locales × a handful of zones);
  // the limit only protects against unbounded growth from odd input.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<UiLocale, Intl.NumberFormat>();
const pluralRules = new Map<UiLocale, Intl.PluralRules>();
const zoneNames = new Map<string, string>();

type DateTimeKind = 'full' | 'clock';

function dateTimeFormat(locale: UiLocale, timeZone: string, kind: DateTimeKind) {
  return cached(dateTimeFormats, `${locale}|${timeZone}|${kind}`, () => {
    const common: Intl.DateTimeFormatOptions = {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    };
    return new Intl.DateTimeFormat(
      locale,
      kind === 'full' ? { ...common, day: '2-digit', month: 'long', year: 'numeric' } : common,
    );
  });
}

/** Collect the value of each date/time field we care about from formatToParts. */
function partsOf(format: Intl.DateTimeFormat, date: Date): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const part of format.formatToParts(date)) {
    if (part.type !== 'literal') out[part.type] = stripBidiControls(part.value);
  }
  return out;
}

/**
 * Some ICU versions render midnight as "24" even with a 23-hour cycle
 * requested through `hour12: false`; `hourCycle: 'h23'` avoids it, this is a
 * last line of defence.
 */
function normaliseHour(hour: string | undefined): string {
  const value = hour ?? '00';
  return value === '24' ? '00' : value.padStart(2, '0');
}

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

// ---------------------------------------------------------------------------
// How each newsroom writes dates

/** Month names: Egypt and the Gulf (فبراير), the Levant and Iraq (شباط), the Maghreb (فيفري), or Levantine/Gulf side by side. */
export type MonthNames = 'gulf' | 'levant' | 'maghreb' | 'both';

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

const MONTHS: Record<Exclude<MonthNames, 'both'>, readonly string[]> = {
  gulf: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
  levant: [
    'كانون الثاني',
    'شباط',
    'آذار',
    'نيسان',
    'أيار',
    'حزيران',
    'تموز',
    'آب',
    'أيلول',
    'تشرين الأول',
    'تشرين الثاني',
    'كانون الأول',
  ],
  maghreb: [
    'جانفي',
    'فيفري',
    'مارس',
    'أفريل',
    'ماي',
    'جوان',
    'جويلية',
    'أوت',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
};

function monthIndex(date: Date, timeZone: string): number {
  const format = cached(
    dateTimeFormats,
    `month|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en', {
        timeZone,
        month: 'numeric',
        calendar: 'gregory',
        numberingSystem: 'latn',
      }),
  );
  return Number(format.format(date)) - 1;
}

function arabicMonth(date: Date, timeZone: string, names: MonthNames): string {
  const index = monthIndex(date, timeZone);
  if (names === 'both') return `${MONTHS.levant[index] ?? ''}/${MONTHS.gulf[index] ?? ''}`;
  return MONTHS[names][index] ?? '';
}

function clockText(p: Partial<Record<string, string>>, locale: UiLocale, style: DateStyle): string {
  const hour = Number(normaliseHour(p.hour));
  const minute = p.minute ?? '00';
  if (style.clock === '24') return `${String(hour).padStart(2, '0')}:${minute}`;
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  const period = locale === 'ar' ? (hour < 12 ? 'ص' : 'م') : hour < 12 ? 'am' : 'pm';
  return `${twelve}:${minute} ${period}`;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

function withDigits(text: string, digits: 'latn' | 'arab'): string {
  return digits === 'arab' ? text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)] ?? d) : text;
}

/** The Hijri (Umm al-Qura) date in the zone, e.g. «١٨ شعبان ١٤٤٧ هـ» or «18 شعبان 1447 هـ». */
export function formatHijriDate(
  date: Date,
  timeZone: string,
  digits: 'latn' | 'arab' = 'latn',
): string {
  const format = cached(
    dateTimeFormats,
    `hijri|${timeZone}|${digits}`,
    () =>
      new Intl.DateTimeFormat(`ar-u-ca-islamic-umalqura-nu-${digits}`, {
        timeZone,
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
  );
  return stripBidiControls(format.format(date));
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

interface ZoneLabel {
  ar: string;
  en: string;
}

function cityLabel(arCity: string, enCity: string): ZoneLabel {
  return { ar: `بتوقيت ${arCity}`, en: `${enCity} time` };
}

const UTC_LABEL: ZoneLabel = { ar: 'بتوقيت غرينتش', en: 'UTC' };

/** Zones a newsroom in the region commonly reports from. */
const ZONE_LABELS: Readonly<Record<string, ZoneLabel>> = {
  'Asia/Muscat': cityLabel('مسقط', 'Muscat'),
  'Asia/Tehran': cityLabel('طهران', 'Tehran'),
  'Asia/Riyadh': cityLabel('الرياض', 'Riyadh'),
  'Asia/Dubai': cityLabel('دبي', 'Dubai'),
  'Asia/Qatar': cityLabel('الدوحة', 'Doha'),
  'Africa/Cairo': cityLabel('القاهرة', 'Cairo'),
  'Asia/Beirut': cityLabel('بيروت', 'Beirut'),
  'Asia/Amman': cityLabel('عمّان', 'Amman'),
  'Asia/Baghdad': cityLabel('بغداد', 'Baghdad'),
  'Asia/Jerusalem': cityLabel('القدس', 'Jerusalem'),
  'Asia/Gaza': cityLabel('غزة', 'Gaza'),
  'Asia/Damascus': cityLabel('دمشق', 'Damascus'),
  'Africa/Algiers': cityLabel('الجزائر', 'Algiers'),
  'Africa/Casablanca': cityLabel('الدار البيضاء', 'Casablanca'),
  'Africa/Tunis': cityLabel('تونس', 'Tunis'),
  'Asia/Kuwait': cityLabel('الكويت', 'Kuwait'),
  'Asia/Bahrain': cityLabel('المنامة', 'Manama'),
  'Africa/Khartoum': cityLabel('الخرطوم', 'Khartoum'),
  'Asia/Aden': cityLabel('عدن', 'Aden'),
  'Europe/London': cityLabel('لندن', 'London'),
  'America/New_York': cityLabel('نيويورك', 'New York'),
  UTC: UTC_LABEL,
  'Etc/UTC': UTC_LABEL,
  'Etc/GMT': UTC_LABEL,
  GMT: UTC_LABEL,
};

function tableLabel(timeZone: string): ZoneLabel | undefined {
  const direct = ZONE_LABELS[timeZone];
  if (direct) return direct;
  // Accept differently cased ids or links ("etc/utc", "Asia/Tel_Aviv") by
  // asking Intl for its canonical spelling.
  try {
    const canonical = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
    return ZONE_LABELS[canonical];
  } catch {
    return undefined;
  }
}

function intlZoneName(
  timeZone: string,
  locale: UiLocale,
  style: NonNullable<Intl.DateTimeFormatOptions['timeZoneName']>,
  at: Date,
): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone,
    timeZoneName: style,
    numberingSystem: 'latn',
  }).formatToParts(at);
  const value = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  return stripBidiControls(value).trim();
}

/**
 * Best name Intl has for the zone. Generic names ("New Zealand Time") are
 * preferred because they do not flip between summer and winter; when ICU has
 * no generic name it prints a raw offset, in which case the specific name is
 * tried ("Coordinated Universal Time") before settling for the offset.
 * Returns '' when Intl rejects the zone.
 */
function bestIntlZoneName(timeZone: string, locale: UiLocale): string {
  try {
    const now = new Date();
    const offset = intlZoneName(timeZone, locale, 'longOffset', now);
    const generic = intlZoneName(timeZone, locale, 'longGeneric', now);
    if (generic !== '' && generic !== offset) return generic;
    const specific = intlZoneName(timeZone, locale, 'long', now);
    if (specific !== '' && specific !== offset) return specific;
    return generic || specific || offset;
  } catch {
    return '';
  }
}

/** Turn an Arabic zone name into a phrase meaning "in … time". */
function arabicInTime(name: string): string {
  // «توقيت الخليج» → «بتوقيت الخليج», «التوقيت العالمي المنسق» → «بالتوقيت …».
  if (name.startsWith('توقيت') || name.startsWith('التوقيت')) return `ب${name}`;
  return `بتوقيت ${name}`;
}

/**
 * Human label for the zone, shown next to times: «بتوقيت مسقط» / "Muscat time"
 * for well-known newsroom zones, otherwise Intl's name («بتوقيت نيوزيلندا» /
 * "New Zealand Time"), and as a last resort the IANA id itself.
 */
export function formatTimeZoneName(timeZone: string, locale: UiLocale): string {
  const label = tableLabel(timeZone);
  if (label) return label[locale];
  return cached(zoneNames, `${locale}|${timeZone}`, () => {
    const intlName = bestIntlZoneName(timeZone, locale);
    if (intlName === '') return stripBidiControls(timeZone);
    return locale === 'ar' ? arabicInTime(intlName) : intlName;
  });
}

// ---------------------------------------------------------------------------
// Plurals

function rulesFor(locale: UiLocale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

function numberFormatFor(locale: UiLocale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
    numberFormats.set(locale, format);
  }
  return format;
}

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

type UnitForms = Readonly<Record<RelativeUnit, PluralForms>>;

// Arabic counted nouns: 1 and 2 use the singular/dual noun without a number,
// 3–10 (few) take the plural, 11–99 (many) the accusative singular, and round
// hundreds etc. (other) the genitive singular. Only «يوم» shows the
// accusative ending (يومًا); the feminine nouns look the same in both cases.
const AGO_FORMS: Readonly<Record<UiLocale, UnitForms>> = {
  ar: {
    minute: {
      one: 'منذ دقيقة',
      two: 'منذ دقيقتين',
      few: 'منذ {n} دقائق',
      many: 'منذ {n} دقيقة',
      other: 'منذ {n} دقيقة',
    },
    hour: {
      one: 'منذ ساعة',
      two: 'منذ ساعتين',
      few: 'منذ {n} ساعات',
      many: 'منذ {n} ساعة',
      other: 'منذ {n} ساعة',
    },
    day: {
      one: 'منذ يوم',
      two: 'منذ يومين',
      few: 'منذ {n} أيام',
      many: 'منذ {n} يومًا',
      other: 'منذ {n} يوم',
    },
  },
  en: {
    minute: { one: '{n} minute ago', other: '{n} minutes ago' },
    hour: { one: '{n} hour ago', other: '{n} hours ago' },
    day: { one: '{n} day ago', other: '{n} days ago' },
  },
};

const JUST_NOW: Readonly<Record<UiLocale, string>> = { ar: 'الآن', en: 'just now' };

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
