// Relative times («منذ 5 دقائق», "5 minutes ago") and plural forms, in both languages.
import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatRelativeTime,
  plural,
  type PluralForms,
  type UiLocale,
} from './time.format.js';

// Arabic-Indic and Extended Arabic-Indic digits must never appear.
const NON_LATIN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const NOW = new Date('2026-02-06T12:30:00Z');

/** Relative text for something that happened `ms` before NOW. */
function ago(ms: number, locale: UiLocale): string | null {
  return formatRelativeTime(new Date(NOW.getTime() - ms), NOW, locale);
}

describe('formatRelativeTime (Arabic)', () => {
  it('says «الآن» under a minute', () => {
    expect(ago(0, 'ar')).toBe('الآن');
    expect(ago(59 * SECOND, 'ar')).toBe('الآن');
    expect(ago(MINUTE - 1, 'ar')).toBe('الآن');
  });

  it('uses every plural category for minutes 1..12', () => {
    const got = Array.from({ length: 12 }, (_, i) => ago((i + 1) * MINUTE, 'ar'));
    expect(got).toEqual([
      'منذ دقيقة', // one
      'منذ دقيقتين', // two
      'منذ 3 دقائق', // few
      'منذ 4 دقائق',
      'منذ 5 دقائق',
      'منذ 6 دقائق',
      'منذ 7 دقائق',
      'منذ 8 دقائق',
      'منذ 9 دقائق',
      'منذ 10 دقائق',
      'منذ 11 دقيقة', // many
      'منذ 12 دقيقة',
    ]);
    expect(ago(59 * MINUTE + 59 * SECOND, 'ar')).toBe('منذ 59 دقيقة');
  });

  it('switches to hours at 60 minutes', () => {
    expect(ago(60 * MINUTE, 'ar')).toBe('منذ ساعة');
    expect(ago(99 * MINUTE, 'ar')).toBe('منذ ساعة');
    expect(ago(100 * MINUTE, 'ar')).toBe('منذ ساعة');
    expect(ago(2 * HOUR, 'ar')).toBe('منذ ساعتين');
    expect(ago(3 * HOUR, 'ar')).toBe('منذ 3 ساعات');
    expect(ago(10 * HOUR, 'ar')).toBe('منذ 10 ساعات');
    expect(ago(11 * HOUR, 'ar')).toBe('منذ 11 ساعة');
    expect(ago(23 * HOUR + 59 * MINUTE, 'ar')).toBe('منذ 23 ساعة');
  });

  it('switches to days at 24 hours', () => {
    expect(ago(DAY, 'ar')).toBe('منذ يوم');
    expect(ago(2 * DAY, 'ar')).toBe('منذ يومين');
    expect(ago(3 * DAY, 'ar')).toBe('منذ 3 أيام');
    expect(ago(10 * DAY, 'ar')).toBe('منذ 10 أيام');
    expect(ago(11 * DAY, 'ar')).toBe('منذ 11 يومًا');
    expect(ago(29 * DAY + 23 * HOUR, 'ar')).toBe('منذ 29 يومًا');
  });

  it('returns null from 30 days on', () => {
    expect(ago(30 * DAY, 'ar')).toBeNull();
    expect(ago(400 * DAY, 'ar')).toBeNull();
  });

  it('tolerates up to a minute of clock skew into the future', () => {
    expect(ago(-30 * SECOND, 'ar')).toBe('الآن');
    expect(ago(-(MINUTE - 1), 'ar')).toBe('الآن');
    expect(ago(-MINUTE, 'ar')).toBeNull();
    expect(ago(-HOUR, 'ar')).toBeNull();
  });

  it('returns null for an invalid date', () => {
    expect(formatRelativeTime(new Date(Number.NaN), NOW, 'ar')).toBeNull();
  });
});

describe('formatAgo (Arabic plural forms beyond the relative thresholds)', () => {
  it('covers the "other" category (100-102) and CLDR hundreds rules for minutes', () => {
    expect(formatAgo(99, 'minute', 'ar')).toBe('منذ 99 دقيقة');
    expect(formatAgo(100, 'minute', 'ar')).toBe('منذ 100 دقيقة');
    expect(formatAgo(101, 'minute', 'ar')).toBe('منذ 101 دقيقة');
    expect(formatAgo(102, 'minute', 'ar')).toBe('منذ 102 دقيقة');
    // CLDR: n % 100 in 3..10 is "few" again, 11..99 is "many".
    expect(formatAgo(103, 'minute', 'ar')).toBe('منذ 103 دقائق');
    expect(formatAgo(111, 'minute', 'ar')).toBe('منذ 111 دقيقة');
  });

  it('covers every category for hours and days', () => {
    expect([1, 2, 3, 11, 100].map((n) => formatAgo(n, 'hour', 'ar'))).toEqual([
      'منذ ساعة',
      'منذ ساعتين',
      'منذ 3 ساعات',
      'منذ 11 ساعة',
      'منذ 100 ساعة',
    ]);
    expect([1, 2, 3, 11, 100].map((n) => formatAgo(n, 'day', 'ar'))).toEqual([
      'منذ يوم',
      'منذ يومين',
      'منذ 3 أيام',
      'منذ 11 يومًا',
      'منذ 100 يوم',
    ]);
  });
});

describe('formatRelativeTime (English)', () => {
  it('says "just now" under a minute', () => {
    expect(ago(10 * SECOND, 'en')).toBe('just now');
    expect(ago(-10 * SECOND, 'en')).toBe('just now');
  });

  it('uses singular and plural forms', () => {
    expect(ago(MINUTE, 'en')).toBe('1 minute ago');
    expect(ago(2 * MINUTE, 'en')).toBe('2 minutes ago');
    expect(ago(59 * MINUTE, 'en')).toBe('59 minutes ago');
    expect(ago(HOUR, 'en')).toBe('1 hour ago');
    expect(ago(5 * HOUR, 'en')).toBe('5 hours ago');
    expect(ago(DAY, 'en')).toBe('1 day ago');
    expect(ago(3 * DAY, 'en')).toBe('3 days ago');
  });

  it('returns null beyond 30 days and for the far future', () => {
    expect(ago(31 * DAY, 'en')).toBeNull();
    expect(ago(-2 * MINUTE, 'en')).toBeNull();
  });
});

describe('plural', () => {
  const comments: PluralForms = {
    zero: 'لا تعليقات',
    one: 'تعليق واحد',
    two: 'تعليقان',
    few: '{n} تعليقات',
    many: '{n} تعليقًا',
    other: '{n} تعليق',
  };

  it('selects the Arabic category from Intl.PluralRules', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102, 1000].map((n) => plural('ar', n, comments))).toEqual([
      'لا تعليقات',
      'تعليق واحد',
      'تعليقان',
      '3 تعليقات',
      '10 تعليقات',
      '11 تعليقًا',
      '99 تعليقًا',
      '100 تعليق',
      '102 تعليق',
      '1,000 تعليق',
    ]);
  });

  it('falls back to "other" when a category is missing', () => {
    expect(plural('ar', 0, { other: '{n} تحديث' })).toBe('0 تحديث');
    expect(plural('ar', 5, { one: 'تحديث', other: '{n} تحديث' })).toBe('5 تحديث');
    expect(plural('en', 1, { other: '{n} items' })).toBe('1 items');
  });

  it('uses one/other in English', () => {
    const updates: PluralForms = { one: '{n} new update', other: '{n} new updates' };
    expect(plural('en', 1, updates)).toBe('1 new update');
    expect(plural('en', 0, updates)).toBe('0 new updates');
    expect(plural('en', 2, updates)).toBe('2 new updates');
  });

  it('replaces every {n} and leaves number-free templates alone', () => {
    expect(plural('en', 3, { other: '{n} of {n}' })).toBe('3 of 3');
    expect(plural('ar', 1, comments)).toBe('تعليق واحد');
  });

  it('formats with Latin digits and no direction marks, even for negatives', () => {
    const got = plural('ar', -5, { other: '{n}' });
    expect(got).toBe('-5');
    expect(got).not.toMatch(NON_LATIN_DIGITS);
  });
});

describe('Arabic-Indic digits reach relative times and counts', () => {
  it('writes «منذ ٥ دقائق» and «١٢ تحديثًا» when the page uses Arabic-Indic digits', () => {
    const now = new Date('2026-02-06T12:30:00Z');
    expect(formatRelativeTime(new Date(now.getTime() - 5 * 60_000), now, 'ar', 'arab')).toBe(
      'منذ ٥ دقائق',
    );
    expect(formatRelativeTime(new Date(now.getTime() - 5 * 60_000), now, 'ar')).toBe('منذ 5 دقائق');
    expect(
      plural('ar', 12, { few: '{n} تحديثات', many: '{n} تحديثًا', other: '{n} تحديث' }, 'arab'),
    ).toBe('١٢ تحديثًا');
  });
});
