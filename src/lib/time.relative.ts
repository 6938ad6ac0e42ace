// The "… ago" phrases of time.format.ts, in Arabic and English (a message table).
import type { PluralForms, RelativeUnit, UiLocale } from './time.format.js';

type UnitForms = Readonly<Record<RelativeUnit, PluralForms>>;

// Arabic counted nouns: 1 and 2 use the singular/dual noun without a number,
// 3–10 (few) take the plural, 11–99 (many) the accusative singular, and round
// hundreds etc. (other) the genitive singular. Only «يوم» shows the
// accusative ending (يومًا); the feminine nouns look the same in both cases.
export const AGO_FORMS: Readonly<Record<UiLocale, UnitForms>> = {
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

export const JUST_NOW: Readonly<Record<UiLocale, string>> = { ar: 'الآن', en: 'just now' };
