// The strings the live client itself writes (src/client/live.*.ts): its own small table, so
// the browser downloads these and not every message the server has. The server's tables
// (i18n.messages.ts, i18n.reader.messages.ts) include them, so each string is written once.
import type { UiLocale } from './time.format.js';
import { plural, type PluralForms } from './time.format.js';

export interface LiveMessages {
  live: string;
  ended: string;
  scheduled: string;
  archived: string;
  linkCopied: string;
  embedLoad: string;
  embedConsent: string;
  commentsCount: PluralForms;
  updatesCount: PluralForms;
  newUpdates: PluralForms;
  sinceLastVisit: PluralForms;
  keyEventsAmongThem: string;
  jumpToFirstUnread: string;
  dismiss: string;
  reconnecting: string;
  caughtUp: string;
  commentWaitSeconds: PluralForms;
  commentWaitMinutes: PluralForms;
}

const ar: LiveMessages = {
  live: 'مباشر',
  ended: 'انتهت التغطية',
  scheduled: 'تغطية مرتقبة',
  archived: 'أرشيف',
  linkCopied: 'نُسخ الرابط',
  embedLoad: 'عرض المحتوى من الموقع الأصلي',
  embedConsent: 'يحتاج هذا المحتوى إلى موافقتك على المحتوى المضمّن. اضغط هنا لتغيير اختيارك.',
  commentsCount: {
    zero: '0 تعليقات',
    one: 'تعليق واحد',
    two: 'تعليقان',
    few: '{n} تعليقات',
    many: '{n} تعليقًا',
    other: '{n} تعليق',
  },
  updatesCount: {
    zero: 'لا تحديثات',
    one: 'تحديث واحد',
    two: 'تحديثان',
    few: '{n} تحديثات',
    many: '{n} تحديثًا',
    other: '{n} تحديث',
  },
  newUpdates: {
    one: 'تحديث جديد',
    two: 'تحديثان جديدان',
    few: '{n} تحديثات جديدة',
    many: '{n} تحديثًا جديدًا',
    other: '{n} تحديث جديد',
  },
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

const en: LiveMessages = {
  live: 'Live',
  ended: 'Coverage ended',
  scheduled: 'Coming up',
  archived: 'Archive',
  linkCopied: 'Link copied',
  embedLoad: 'Show it from the original site',
  embedConsent: 'This content needs your consent to embedded content. Change your choice here.',
  commentsCount: { one: '{n} comment', other: '{n} comments' },
  updatesCount: { one: '{n} update', other: '{n} updates' },
  newUpdates: { one: '{n} new update', other: '{n} new updates' },
  sinceLastVisit: {
    one: '1 update since your last visit',
    other: '{n} updates since your last visit',
  },
  keyEventsAmongThem: 'Key events among them:',
  jumpToFirstUnread: 'Jump to the first unread update',
  dismiss: 'Dismiss',
  reconnecting: 'Connection lost; reconnecting…',
  caughtUp: 'Back online; the page is up to date.',
  commentWaitSeconds: {
    one: 'You can send it in 1 second.',
    other: 'You can send it in {n} seconds.',
  },
  commentWaitMinutes: {
    one: 'You can send it in 1 minute.',
    other: 'You can send it in {n} minutes.',
  },
};

export const LIVE_MESSAGES: Readonly<Record<UiLocale, LiveMessages>> = { ar, en };

export function isUiLocale(value: string): value is UiLocale {
  return value === 'ar' || value === 'en';
}

export function liveText(locale: UiLocale): LiveMessages {
  return locale === 'ar' ? ar : en;
}

/** «يمكنك إرساله بعد دقيقتين.»: seconds up to a minute and a half, then whole minutes. */
export function commentWaitText(
  locale: UiLocale,
  seconds: number,
  digits: 'latn' | 'arab' = 'latn',
): string {
  const r = liveText(locale);
  return seconds <= 90
    ? plural(locale, seconds, r.commentWaitSeconds, digits)
    : plural(locale, Math.ceil(seconds / 60), r.commentWaitMinutes, digits);
}
