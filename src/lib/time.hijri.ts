// The Hijri (Umm al-Qura) calendar through Intl, for time.format.ts.
import { cached, dateTimeFormats, stripBidiControls } from './time.intl.js';

/** The day, month name and year of `date` in the zone on the Umm al-Qura calendar. */
export function hijriText(date: Date, timeZone: string, digits: 'latn' | 'arab'): string {
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
