import { describe, expect, it } from 'vitest';
import {
  dayKey,
  formatDay,
  formatClock,
  formatRelativeTime,
  formatTimeZoneName,
  formatUpdateTime,
  plural,
  toIsoString,
  type UiLocale,
  DEFAULT_DATE_STYLE,
  formatHijriDate,
  isDateStyle,
  type DateStyle,
} from './time.format.js';

// Any of these showing up in output is a bug (LRM, RLM, ALM, isolates, embeddings).
const DIRECTION_MARKS = /[\u200E\u200F\u061C\u2066-\u2069\u202A-\u202E]/;
// Arabic-Indic and Extended Arabic-Indic digits must never appear.
const NON_LATIN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;

const LOCALES: readonly UiLocale[] = ['ar', 'en'];

describe('formatUpdateTime', () => {
  const sample = new Date('2026-02-06T12:30:00Z');

  it('formats Arabic with Latin digits and a fixed day-month-year-time layout', () => {
    expect(formatUpdateTime(sample, 'Asia/Muscat', 'ar')).toBe('06 فبراير 2026 16:30');
  });

  it('formats English in the same order, without "at" or commas', () => {
    expect(formatUpdateTime(sample, 'Asia/Muscat', 'en')).toBe('06 February 2026 16:30');
  });

  it('applies half-hour offsets', () => {
    expect(formatUpdateTime(sample, 'Asia/Tehran', 'ar')).toBe('06 فبراير 2026 16:00');
    expect(formatUpdateTime(sample, 'UTC', 'en')).toBe('06 February 2026 12:30');
  });

  it('rolls over to the next day at local midnight, printing 00 not 24', () => {
    expect(formatUpdateTime(new Date('2026-02-06T19:59:00Z'), 'Asia/Muscat', 'ar')).toBe(
      '06 فبراير 2026 23:59',
    );
    expect(formatUpdateTime(new Date('2026-02-06T20:00:00Z'), 'Asia/Muscat', 'ar')).toBe(
      '07 فبراير 2026 00:00',
    );
    expect(formatUpdateTime(new Date('2026-02-07T00:00:00Z'), 'UTC', 'en')).toBe(
      '07 February 2026 00:00',
    );
  });

  it('stays on the previous day and year for zones behind UTC', () => {
    const newYear = new Date('2026-01-01T03:00:00Z');
    expect(formatUpdateTime(newYear, 'America/New_York', 'en')).toBe('31 December 2025 22:00');
    expect(formatUpdateTime(newYear, 'America/New_York', 'ar')).toBe('31 ديسمبر 2025 22:00');
    expect(formatUpdateTime(newYear, 'Asia/Riyadh', 'ar')).toBe('01 يناير 2026 06:00');
  });

  it('follows daylight saving transitions', () => {
    // New York springs forward at 02:00 local on 8 March 2026.
    expect(formatUpdateTime(new Date('2026-03-08T06:59:00Z'), 'America/New_York', 'en')).toBe(
      '08 March 2026 01:59',
    );
    expect(formatUpdateTime(new Date('2026-03-08T07:00:00Z'), 'America/New_York', 'en')).toBe(
      '08 March 2026 03:00',
    );
    // London is on BST in summer.
    expect(formatUpdateTime(new Date('2026-07-01T23:30:00Z'), 'Europe/London', 'ar')).toBe(
      '02 يوليو 2026 00:30',
    );
  });

  it('uses the expected Arabic month names', () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      formatUpdateTime(new Date(Date.UTC(2026, i, 15, 9, 5)), 'UTC', 'ar'),
    );
    expect(months).toEqual([
      '15 يناير 2026 09:05',
      '15 فبراير 2026 09:05',
      '15 مارس 2026 09:05',
      '15 أبريل 2026 09:05',
      '15 مايو 2026 09:05',
      '15 يونيو 2026 09:05',
      '15 يوليو 2026 09:05',
      '15 أغسطس 2026 09:05',
      '15 سبتمبر 2026 09:05',
      '15 أكتوبر 2026 09:05',
      '15 نوفمبر 2026 09:05',
      '15 ديسمبر 2026 09:05',
    ]);
  });

  it('throws on an unknown time zone', () => {
    expect(() => formatUpdateTime(sample, 'Mars/Olympus_Mons', 'en')).toThrow(RangeError);
  });
});

describe('formatClock', () => {
  it('returns only HH:mm in the zone', () => {
    const sample = new Date('2026-02-06T12:30:00Z');
    expect(formatClock(sample, 'Asia/Muscat', 'ar')).toBe('16:30');
    expect(formatClock(sample, 'Asia/Muscat', 'en')).toBe('16:30');
    expect(formatClock(sample, 'America/New_York', 'en')).toBe('07:30');
  });

  it('uses a 24-hour clock with 00 at midnight', () => {
    expect(formatClock(new Date('2026-02-06T20:00:00Z'), 'Asia/Muscat', 'ar')).toBe('00:00');
    expect(formatClock(new Date('2026-02-06T00:05:00Z'), 'UTC', 'en')).toBe('00:05');
    expect(formatClock(new Date('2026-02-06T23:59:00Z'), 'UTC', 'en')).toBe('23:59');
  });
});

describe('formatTimeZoneName', () => {
  it('names table zones after their city', () => {
    expect(formatTimeZoneName('Asia/Muscat', 'ar')).toBe('بتوقيت مسقط');
    expect(formatTimeZoneName('Asia/Muscat', 'en')).toBe('Muscat time');
    expect(formatTimeZoneName('Asia/Qatar', 'ar')).toBe('بتوقيت الدوحة');
    expect(formatTimeZoneName('Asia/Amman', 'ar')).toBe('بتوقيت عمّان');
    expect(formatTimeZoneName('Africa/Casablanca', 'en')).toBe('Casablanca time');
    expect(formatTimeZoneName('America/New_York', 'ar')).toBe('بتوقيت نيويورك');
  });

  it('names UTC and its aliases', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'GMT']) {
      expect(formatTimeZoneName(zone, 'ar')).toBe('بتوقيت غرينتش');
      expect(formatTimeZoneName(zone, 'en')).toBe('UTC');
    }
  });

  it('accepts ids in a non-canonical case', () => {
    expect(formatTimeZoneName('asia/muscat', 'ar')).toBe('بتوقيت مسقط');
  });

  it('falls back to the Intl generic name for zones outside the table', () => {
    expect(formatTimeZoneName('Pacific/Auckland', 'ar')).toBe('بتوقيت نيوزيلندا');
    expect(formatTimeZoneName('Pacific/Auckland', 'en')).toBe('New Zealand Time');
  });

  it('gives a usable name for offset-only zones', () => {
    for (const locale of LOCALES) {
      const name = formatTimeZoneName('Etc/GMT-5', locale);
      expect(name).not.toBe('');
      expect(name).not.toMatch(DIRECTION_MARKS);
    }
    expect(formatTimeZoneName('Etc/GMT-5', 'en')).toBe('GMT+05:00');
  });

  it('falls back to the IANA id when Intl does not know the zone', () => {
    expect(formatTimeZoneName('Mars/Olympus_Mons', 'ar')).toBe('Mars/Olympus_Mons');
    expect(formatTimeZoneName('Mars/Olympus_Mons', 'en')).toBe('Mars/Olympus_Mons');
  });
});

describe('toIsoString', () => {
  it('returns ISO 8601 in UTC', () => {
    expect(toIsoString(new Date('2026-02-06T16:30:00+04:00'))).toBe('2026-02-06T12:30:00.000Z');
  });
});

describe('output hygiene', () => {
  const zones = [
    'Asia/Muscat',
    'Asia/Tehran',
    'Africa/Cairo',
    'Asia/Jerusalem',
    'America/New_York',
    'UTC',
    'Pacific/Auckland',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'Etc/GMT+3',
  ];
  const dates = [
    new Date('2026-02-06T12:30:00Z'),
    new Date('2026-07-31T21:45:00Z'),
    new Date('2025-12-31T23:59:59Z'),
  ];

  it('never emits direction marks or non-Latin digits', () => {
    const outputs: string[] = [];
    for (const locale of LOCALES) {
      for (const zone of zones) {
        outputs.push(formatTimeZoneName(zone, locale));
        for (const date of dates) {
          outputs.push(formatUpdateTime(date, zone, locale), formatClock(date, zone, locale));
        }
      }
      const now = new Date('2026-02-06T12:30:00Z');
      for (const minutes of [0, 1, 3, 11, 2 * 60, 11 * 24 * 60]) {
        outputs.push(
          formatRelativeTime(new Date(now.getTime() - minutes * 60_000), now, locale) ?? '',
        );
      }
      outputs.push(plural(locale, -1234.5, { other: '{n}' }));
    }
    for (const text of outputs) {
      expect(text).not.toMatch(DIRECTION_MARKS);
      expect(text).not.toMatch(NON_LATIN_DIGITS);
    }
    expect(outputs.filter((text) => text === '')).toEqual([]);
  });
});

describe('dates the way each newsroom writes them', () => {
  const d = new Date('2026-02-06T12:30:00Z');
  const zone = 'Asia/Muscat';
  const style = (over: Partial<DateStyle>): DateStyle => ({ ...DEFAULT_DATE_STYLE, ...over });

  it.each([
    [style({}), '06 فبراير 2026 16:30'],
    [style({ months: 'levant' }), '06 شباط 2026 16:30'],
    [style({ months: 'maghreb' }), '06 فيفري 2026 16:30'],
    [style({ months: 'both' }), '06 شباط/فبراير 2026 16:30'],
    [style({ digits: 'arab' }), '٠٦ فبراير ٢٠٢٦ ١٦:٣٠'],
    [style({ clock: '12' }), '06 فبراير 2026 4:30 م'],
    [style({ months: 'levant', digits: 'arab', clock: '12' }), '٠٦ شباط ٢٠٢٦ ٤:٣٠ م'],
  ])('%o → %s', (s, expected) => {
    expect(formatUpdateTime(d, zone, 'ar', s)).toBe(expected);
  });

  it('a morning time is «ص» on the 12-hour clock, midnight is 12', () => {
    expect(formatClock(new Date('2026-02-06T05:05:00Z'), zone, 'ar', style({ clock: '12' }))).toBe(
      '9:05 ص',
    );
    expect(formatClock(new Date('2026-02-05T20:00:00Z'), zone, 'ar', style({ clock: '12' }))).toBe(
      '12:00 ص',
    );
    expect(formatClock(d, zone, 'en', style({ clock: '12' }))).toBe('4:30 pm');
  });

  it('the Hijri (Umm al-Qura) date, in either digits, without direction marks', () => {
    expect(formatHijriDate(d, zone, 'arab')).toBe('١٨ شعبان ١٤٤٧ هـ');
    expect(formatHijriDate(d, zone, 'latn')).toBe('18 شعبان 1447 هـ');
    expect(formatHijriDate(d, zone, 'arab')).not.toMatch(/[\u200E\u200F\u061C\u2066-\u2069]/);
  });

  it('recognises a valid style and refuses others', () => {
    expect(isDateStyle(DEFAULT_DATE_STYLE)).toBe(true);
    expect(isDateStyle({ ...DEFAULT_DATE_STYLE, months: 'persian' })).toBe(false);
  });
});

describe('the day divider', () => {
  const late = new Date('2026-02-06T20:30:00Z'); // 00:30 on the 7th in Muscat

  it('names the day in the page zone, not in UTC', () => {
    expect(dayKey(late, 'Asia/Muscat')).toBe('2026-02-07');
    expect(dayKey(late, 'UTC')).toBe('2026-02-06');
  });

  it('writes the weekday and the date in the page style', () => {
    expect(formatDay(late, 'Asia/Muscat', 'ar')).toBe('السبت 07 فبراير 2026');
    expect(formatDay(late, 'Asia/Muscat', 'en')).toBe('Saturday 07 February 2026');
    expect(
      formatDay(late, 'Asia/Muscat', 'ar', {
        ...DEFAULT_DATE_STYLE,
        months: 'levant',
        digits: 'arab',
      }),
    ).toBe('السبت ٠٧ شباط ٢٠٢٦');
  });
});
