// Arabic month names as each newsroom writes them, for time.format.ts.
import { cached, dateTimeFormats } from './time.intl.js';

/** Month names: Egypt and the Gulf (فبراير), the Levant and Iraq (شباط), the Maghreb (فيفري), or Levantine/Gulf side by side. */
export type MonthNames = 'gulf' | 'levant' | 'maghreb' | 'both';

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

export function arabicMonth(date: Date, timeZone: string, names: MonthNames): string {
  const index = monthIndex(date, timeZone);
  if (names === 'both') return `${MONTHS.levant[index] ?? ''}/${MONTHS.gulf[index] ?? ''}`;
  return MONTHS[names][index] ?? '';
}
