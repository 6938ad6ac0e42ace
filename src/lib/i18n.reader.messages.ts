// The strings of the reader's own controls: the views of the stream (key events only, oldest
// first), the lite page, catch-up, the connection hint and a refused comment. Arabic first,
// English in full; counts through plural() (CLDR rules). The live client uses them too.
import type { UiLocale } from './i18n.messages.js';
import { plural, type PluralForms } from './time.format.js';

interface ReaderMessages {
  streamControls: string;
  allUpdates: string;
  keyEventsOnly: string;
  newestFirst: string;
  oldestFirst: string;
  noKeyEventsYet: string;
  litePage: string;
  liteTitle: string;
  fullPage: string;
  liteNote: string;
  /** «N تحديثات منذ زيارتك الأخيرة». */
  sinceLastVisit: PluralForms;
  keyEventsAmongThem: string;
  jumpToFirstUnread: string;
  dismiss: string;
  reconnecting: string;
  caughtUp: string;
  /** A refused comment: its text is still in the form. */
  commentKept: string;
  commentWaitSeconds: PluralForms;
  commentWaitMinutes: PluralForms;
}

const ar: ReaderMessages = {
  streamControls: 'طريقة عرض التحديثات',
  allUpdates: 'كل التحديثات',
  keyEventsOnly: 'الأحداث الرئيسية فقط',
  newestFirst: 'الأحدث أولًا',
  oldestFirst: 'الأقدم أولًا',
  noKeyEventsYet: 'لا أحداث رئيسية بعد.',
  litePage: 'النسخة الخفيفة',
  liteTitle: 'النسخة الخفيفة',
  fullPage: 'الصفحة الكاملة',
  liteNote: 'نص فقط، لاتصال ضعيف.',
  sinceLastVisit: {
    one: 'تحديث واحد منذ زيارتك الأخيرة',
    two: 'تحديثان منذ زيارتك الأخيرة',
    few: '{n} تحديثات منذ زيارتك الأخيرة',
    many: '{n} تحديثًا منذ زيارتك الأخيرة',
    other: '{n} تحديث منذ زيارتك الأخيرة',
  },
  keyEventsAmongThem: 'منها أحداث رئيسية:',
  jumpToFirstUnread: 'انتقل إلى أول تحديث لم تقرأه',
  dismiss: 'إخفاء',
  reconnecting: 'انقطع الاتصال، جارٍ إعادة الاتصال…',
  caughtUp: 'عاد الاتصال، والصفحة محدّثة.',
  commentKept: 'لم يُرسَل تعليقك، وما زال نصه في النموذج.',
  commentWaitSeconds: {
    one: 'يمكنك إرساله بعد ثانية واحدة.',
    two: 'يمكنك إرساله بعد ثانيتين.',
    few: 'يمكنك إرساله بعد {n} ثوانٍ.',
    many: 'يمكنك إرساله بعد {n} ثانية.',
    other: 'يمكنك إرساله بعد {n} ثانية.',
  },
  commentWaitMinutes: {
    one: 'يمكنك إرساله بعد دقيقة واحدة.',
    two: 'يمكنك إرساله بعد دقيقتين.',
    few: 'يمكنك إرساله بعد {n} دقائق.',
    many: 'يمكنك إرساله بعد {n} دقيقة.',
    other: 'يمكنك إرساله بعد {n} دقيقة.',
  },
};

const en: ReaderMessages = {
  streamControls: 'How to show the updates',
  allUpdates: 'All updates',
  keyEventsOnly: 'Key events only',
  newestFirst: 'Newest first',
  oldestFirst: 'Oldest first',
  noKeyEventsYet: 'No key events yet.',
  litePage: 'Lite version',
  liteTitle: 'Lite version',
  fullPage: 'Full page',
  liteNote: 'Text only, for a weak connection.',
  sinceLastVisit: {
    one: '1 update since your last visit',
    other: '{n} updates since your last visit',
  },
  keyEventsAmongThem: 'Key events among them:',
  jumpToFirstUnread: 'Jump to the first unread update',
  dismiss: 'Dismiss',
  reconnecting: 'Connection lost; reconnecting…',
  caughtUp: 'Back online; the page is up to date.',
  commentKept: 'Your comment was not sent; its text is still in the form.',
  commentWaitSeconds: {
    one: 'You can send it in 1 second.',
    other: 'You can send it in {n} seconds.',
  },
  commentWaitMinutes: {
    one: 'You can send it in 1 minute.',
    other: 'You can send it in {n} minutes.',
  },
};

export function readerText(locale: UiLocale): ReaderMessages {
  return locale === 'ar' ? ar : en;
}

/** «يمكنك إرساله بعد دقيقتين.»: seconds up to a minute and a half, then whole minutes. */
export function commentWaitText(
  locale: UiLocale,
  seconds: number,
  digits: 'latn' | 'arab' = 'latn',
): string {
  const r = readerText(locale);
  return seconds <= 90
    ? plural(locale, seconds, r.commentWaitSeconds, digits)
    : plural(locale, Math.ceil(seconds / 60), r.commentWaitMinutes, digits);
}
