// The user-interface strings, Arabic first, English as a full second locale.
// Counts go through plural() (CLDR rules), never through "N + word".
import type { UiLocale } from './time.format.js';
import { LIVE_MESSAGES, type LiveMessages } from './i18n.live.messages.js';

export type { UiLocale };

export const UI_LOCALES: readonly UiLocale[] = ['ar', 'en'];

export function directionOf(locale: UiLocale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

interface Messages extends LiveMessages {
  siteTagline: string;
  skipToContent: string;
  breaking: string;
  edited: string;
  pinned: string;
  keyEvents: string;
  background: string;
  contents: string;
  latestUpdates: string;
  lastUpdated: string;
  permalink: string;
  share: string;
  copyLink: string;
  shareWhatsApp: string;
  shareTelegram: string;
  shareX: string;
  shareFacebook: string;
  shareEmail: string;
  comments: string;
  commentName: string;
  commentEmail: string;
  commentText: string;
  commentSend: string;
  commentPending: string;
  commentPublished: string;
  commentHoneypot: string;
  newestFirst: string;
  oldestFirst: string;
  noComments: string;
  cookieTitle: string;
  cookieText: string;
  cookieAcceptAll: string;
  cookieRejectAll: string;
  cookieChoose: string;
  cookieSave: string;
  cookieSettings: string;
  cookieNecessary: string;
  cookiePreferences: string;
  cookieAnalytics: string;
  cookieEmbeds: string;
  cookieNecessaryNote: string;
  sources: string;
  by: string;
  newerPage: string;
  olderPage: string;
  pageOf: (page: number, pages: number) => string;
  noUpdatesYet: string;
  livePages: string;
  recentPages: string;
  noPages: string;
  notFoundTitle: string;
  notFoundBody: string;
  errorTitle: string;
  errorBody: string;
  backHome: string;
  showNewUpdates: string;
  connectionLost: string;
  apiDocs: string;
  home: string;
  footerNote: string;
}

const ar: Messages = {
  ...LIVE_MESSAGES.ar,
  siteTagline: 'تغطية حية للأخبار العاجلة',
  skipToContent: 'انتقل إلى المحتوى',
  breaking: 'عاجل',
  edited: 'تم التحديث',
  pinned: 'مثبّت',
  keyEvents: 'أبرز الأحداث',
  background: 'خلفية',
  contents: 'المحتويات',
  latestUpdates: 'آخر التحديثات',
  lastUpdated: 'آخر تحديث',
  permalink: 'رابط دائم',
  share: 'شارك',
  copyLink: 'نسخ الرابط',
  shareWhatsApp: 'واتساب',
  shareTelegram: 'تيليغرام',
  shareX: 'إكس',
  shareFacebook: 'فيسبوك',
  shareEmail: 'البريد الإلكتروني',
  comments: 'التعليقات',
  commentName: 'الاسم',
  commentEmail: 'البريد الإلكتروني (اختياري، لا يُنشر)',
  commentText: 'تعليقك',
  commentSend: 'إرسال تعليق',
  commentPending: 'شكرًا، وصل تعليقك وسيظهر بعد مراجعته.',
  commentPublished: 'شكرًا، نُشر تعليقك.',
  commentHoneypot: 'اترك هذا الحقل فارغًا',
  newestFirst: 'الأحدث أولًا',
  oldestFirst: 'الأقدم أولًا',
  noComments: 'لا تعليقات بعد.',
  cookieTitle: 'ملفات تعريف الارتباط',
  cookieText:
    'نستخدم ملفات ضرورية لتشغيل الموقع فقط. ولا نضع ملفات التفضيلات أو الإحصاءات ولا نحمّل المحتوى المضمّن من مواقع أخرى إلا بموافقتك.',
  cookieAcceptAll: 'قبول الكل',
  cookieRejectAll: 'رفض غير الضروري',
  cookieChoose: 'اختيار',
  cookieSave: 'حفظ اختياري',
  cookieSettings: 'إعدادات ملفات تعريف الارتباط',
  cookieNecessary: 'ضرورية',
  cookiePreferences: 'التفضيلات',
  cookieAnalytics: 'الإحصاءات',
  cookieEmbeds: 'المحتوى المضمّن (إكس، يوتيوب)',
  cookieNecessaryNote: 'دائمًا مفعّلة: الجلسة، واختيارك هذا، والحماية من الإساءة.',
  sources: 'المصادر',
  by: 'بقلم',
  newerPage: 'تحديثات أحدث',
  olderPage: 'تحديثات أقدم',
  pageOf: (page, pages) => `الصفحة ${page} من ${pages}`,
  noUpdatesYet: 'لا تحديثات بعد. تابعونا.',
  livePages: 'تغطيات مباشرة الآن',
  recentPages: 'تغطيات سابقة',
  noPages: 'لا توجد تغطيات بعد.',
  notFoundTitle: 'الصفحة غير موجودة',
  notFoundBody: 'ربما نُقلت هذه الصفحة أو حُذفت، أو أن الرابط غير صحيح.',
  errorTitle: 'حدث خطأ',
  errorBody: 'تعذّر عرض هذه الصفحة الآن. حاول مجددًا بعد قليل.',
  backHome: 'العودة إلى الصفحة الرئيسية',
  showNewUpdates: 'اعرض التحديثات الجديدة',
  connectionLost: 'انقطع الاتصال، نعيد المحاولة…',
  apiDocs: 'واجهة البرمجة',
  home: 'الرئيسية',
  footerNote: 'منصة عاجل مفتوحة المصدر للتغطية الحية.',
};

const en: Messages = {
  ...LIVE_MESSAGES.en,
  siteTagline: 'Live coverage of breaking news',
  skipToContent: 'Skip to content',
  breaking: 'Breaking',
  edited: 'Updated',
  pinned: 'Pinned',
  keyEvents: 'Key events',
  background: 'Background',
  contents: 'Contents',
  latestUpdates: 'Latest updates',
  lastUpdated: 'Last updated',
  permalink: 'Permalink',
  share: 'Share',
  copyLink: 'Copy link',
  shareWhatsApp: 'WhatsApp',
  shareTelegram: 'Telegram',
  shareX: 'X',
  shareFacebook: 'Facebook',
  shareEmail: 'E-mail',
  comments: 'Comments',
  commentName: 'Name',
  commentEmail: 'E-mail (optional, never shown)',
  commentText: 'Your comment',
  commentSend: 'Send comment',
  commentPending: 'Thank you: your comment will appear once a moderator has read it.',
  commentPublished: 'Thank you: your comment is published.',
  commentHoneypot: 'Leave this field empty',
  newestFirst: 'Newest first',
  oldestFirst: 'Oldest first',
  noComments: 'No comments yet.',
  cookieTitle: 'Cookies',
  cookieText:
    'We only use the cookies the site needs to work. Preference and analytics cookies, and content embedded from other sites, only with your consent.',
  cookieAcceptAll: 'Accept all',
  cookieRejectAll: 'Reject optional',
  cookieChoose: 'Choose',
  cookieSave: 'Save my choice',
  cookieSettings: 'Cookie settings',
  cookieNecessary: 'Necessary',
  cookiePreferences: 'Preferences',
  cookieAnalytics: 'Analytics',
  cookieEmbeds: 'Embedded content (X, YouTube)',
  cookieNecessaryNote: 'Always on: your session, this choice, and abuse protection.',
  sources: 'Sources',
  by: 'By',
  newerPage: 'Newer updates',
  olderPage: 'Older updates',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  noUpdatesYet: 'No updates yet. Stay with us.',
  livePages: 'Live now',
  recentPages: 'Earlier coverage',
  noPages: 'No coverage yet.',
  notFoundTitle: 'Page not found',
  notFoundBody: 'This page may have moved or been removed, or the link is wrong.',
  errorTitle: 'Something went wrong',
  errorBody: 'We could not show this page just now. Please try again shortly.',
  backHome: 'Back to the front page',
  showNewUpdates: 'Show new updates',
  connectionLost: 'Connection lost, retrying…',
  apiDocs: 'API',
  home: 'Home',
  footerNote: 'Ajil, the open-source live coverage platform.',
};

const messages: Record<UiLocale, Messages> = { ar, en };

export function t(locale: UiLocale): Messages {
  return messages[locale];
}
