// The strings of following a live page (Web Push) and of Arabic ⇄ English update links, for
// readers and the desk: Arabic first, English in full.
import type { UiLocale } from '../lib/i18n.messages.js';

const ar = {
  cookieNotifications: 'التنبيهات: إرسال الأخبار العاجلة من الصفحات التي تتابعها إلى جهازك',
  follow: 'تابِع العاجل من هذه الصفحة',
  unfollow: 'أوقف تنبيهات هذه الصفحة',
  followHint: 'تنبيه على جهازك عند كل خبر عاجل في هذه التغطية، حتى لو كانت الصفحة مغلقة.',
  following: 'ستصلك تنبيهات الأخبار العاجلة من هذه الصفحة.',
  stopped: 'أوقفنا تنبيهات هذه الصفحة.',
  needsConsent: 'التنبيهات تحتاج إلى موافقتك أولًا.',
  consentLink: 'إعدادات الخصوصية',
  denied: 'المتصفح يمنع التنبيهات لهذا الموقع. غيّر ذلك من إعدادات المتصفح.',
  failed: 'تعذّر تفعيل التنبيهات. أعد المحاولة بعد قليل.',
  readInEnglish: 'اقرأ هذا الخبر بالإنجليزية',
  readInArabic: 'اقرأ هذا الخبر بالعربية',
  toTranslate: 'للترجمة',
  toTranslateIntro: (counterpart: string) =>
    `أخبار جديدة في الصفحة المقابلة «${counterpart}» لم تُربط بعد بترجمتها هنا.`,
  noCounterpart: 'لهذه الصفحة صفحة مقابلة؟ اختَرها في إعدادات الصفحة أولًا.',
  nothingToTranslate: 'لا شيء ينتظر الترجمة.',
  linkTo: 'ترجمتها هنا',
  chooseUpdate: 'اختر خبرًا من هذه الصفحة',
  link: 'اربط',
  unlink: 'افصل الترجمة',
  linkedTo: 'مرتبط بترجمته',
  translationsTitle: 'الترجمة بين الصفحتين',
};

type PushMessages = { [K in keyof typeof ar]: (typeof ar)[K] };

const en: PushMessages = {
  cookieNotifications:
    'Notifications: breaking news from the pages you follow, sent to your device',
  follow: 'Follow breaking news on this page',
  unfollow: 'Stop notifications from this page',
  followHint: 'A notification on your device for every breaking update, even with the page closed.',
  following: 'You will be notified of breaking updates on this page.',
  stopped: 'Notifications from this page are off.',
  needsConsent: 'Notifications need your consent first.',
  consentLink: 'Privacy settings',
  denied: 'Your browser blocks notifications from this site. Change it in the browser settings.',
  failed: 'Notifications could not be turned on. Please try again shortly.',
  readInEnglish: 'Read this update in English',
  readInArabic: 'Read this update in Arabic',
  toTranslate: 'To translate',
  toTranslateIntro: (counterpart: string) =>
    `New updates on the counterpart page “${counterpart}” not yet linked to a translation here.`,
  noCounterpart: 'Does this page have a counterpart? Choose it in the page settings first.',
  nothingToTranslate: 'Nothing is waiting to be translated.',
  linkTo: 'Its translation here',
  chooseUpdate: 'Choose an update of this page',
  link: 'Link',
  unlink: 'Unlink translation',
  linkedTo: 'Linked to its translation',
  translationsTitle: 'Translation between the two pages',
};

export function pm(locale: UiLocale): PushMessages {
  return locale === 'ar' ? ar : en;
}
