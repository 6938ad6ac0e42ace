// Time zone names for time.format.ts: the newsroom's own labels for the zones it reports
// from, and Intl's names for every other zone.
import type { UiLocale } from './time.format.js';
import { cached, stripBidiControls } from './time.intl.js';

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

const zoneNames = new Map<string, string>();

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

/** The label of the zone: the newsroom's table, then Intl's name, then the IANA id. */
export function zoneLabel(timeZone: string, locale: UiLocale): string {
  const label = tableLabel(timeZone);
  if (label) return label[locale];
  return cached(zoneNames, `${locale}|${timeZone}`, () => {
    const intlName = bestIntlZoneName(timeZone, locale);
    if (intlName === '') return stripBidiControls(timeZone);
    return locale === 'ar' ? arabicInTime(intlName) : intlName;
  });
}
