// The Intl plumbing of time.format.ts: bounded caches of Intl objects, the bidi controls ICU
// inserts, the clock text and the newsroom's digits. Pure, like time.format.ts: it runs on the
// server and inside the browser bundle alike.
import type { DateStyle, UiLocale } from './time.format.js';

// LRM, RLM, ALM, the isolates (LRI, RLI, FSI, PDI) and, for good measure, the
// older embeddings/overrides (LRE, RLE, PDF, LRO, RLO).
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u2066-\u2069\u202A-\u202E]/g;

/** Remove invisible direction marks that Intl may have inserted. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

// Small bounded caches: building Intl objects is far more expensive than using
// them, and a live page formats many timestamps in the same zone.

const CACHE_LIMIT = 64;

export function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = create();
  // The key space is tiny in practice (two locales × a handful of zones);
  // the limit only protects against unbounded growth from odd input.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Every Intl.DateTimeFormat the time modules build, keyed by what it is for. */
export const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<UiLocale, Intl.NumberFormat>();
const pluralRules = new Map<UiLocale, Intl.PluralRules>();

type DateTimeKind = 'full' | 'clock' | 'day' | 'ymd';

const DATE_ONLY: Record<'day' | 'ymd', Intl.DateTimeFormatOptions> = {
  day: { weekday: 'long', day: '2-digit', month: 'long', year: 'numeric' },
  ymd: { year: 'numeric', month: '2-digit', day: '2-digit' },
};

export function dateTimeFormat(locale: UiLocale, timeZone: string, kind: DateTimeKind) {
  return cached(dateTimeFormats, `${locale}|${timeZone}|${kind}`, () => {
    const common: Intl.DateTimeFormatOptions = {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    };
    if (kind === 'day' || kind === 'ymd') {
      const { timeZone: zone, calendar, numberingSystem } = common;
      return new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        calendar,
        numberingSystem,
        ...DATE_ONLY[kind],
      });
    }
    return new Intl.DateTimeFormat(
      locale,
      kind === 'full' ? { ...common, day: '2-digit', month: 'long', year: 'numeric' } : common,
    );
  });
}

/** Collect the value of each date/time field we care about from formatToParts. */
export function partsOf(format: Intl.DateTimeFormat, date: Date): Partial<Record<string, string>> {
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

export function clockText(
  p: Partial<Record<string, string>>,
  locale: UiLocale,
  style: DateStyle,
): string {
  const hour = Number(normaliseHour(p.hour));
  const minute = p.minute ?? '00';
  if (style.clock === '24') return `${String(hour).padStart(2, '0')}:${minute}`;
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  const period = locale === 'ar' ? (hour < 12 ? 'ص' : 'م') : hour < 12 ? 'am' : 'pm';
  return `${twelve}:${minute} ${period}`;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

export function withDigits(text: string, digits: 'latn' | 'arab'): string {
  return digits === 'arab' ? text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)] ?? d) : text;
}

export function rulesFor(locale: UiLocale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

export function numberFormatFor(locale: UiLocale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
    numberFormats.set(locale, format);
  }
  return format;
}
