// The strings of the live desk (presence, the staff stream's refusals) and of the moderation
// desk for volume, Arabic first, English in full.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { PluralForms } from '../lib/time.format.js';

interface Messages {
  readonly [key: string]: string | PluralForms | readonly (readonly [string, string])[];
  readonly held: PluralForms;
  readonly shortcutList: readonly (readonly [string, string])[];
}

const ar = {
  onDesk: 'على المكتب الآن',
  nobodyElse: 'لا أحد غيرك',
  liveOff: 'انقطع الاتصال المباشر بالمكتب، نعيد المحاولة…',
  streamNeedsSignIn: 'سجّل الدخول لمتابعة المكتب مباشرة.',
  streamForbidden: 'ليست لدى دورك صلاحية متابعة هذا المكتب.',
  moderationTitle: 'الإشراف على التعليقات',
  held: {
    zero: 'لا تعليقات محجوزة',
    one: 'تعليق محجوز واحد',
    two: 'تعليقان محجوزان',
    few: '{n} تعليقات محجوزة',
    many: '{n} تعليقًا محجوزًا',
    other: '{n} تعليق محجوز',
  } as PluralForms,
  page: 'الصفحة',
  underUpdate: 'كُتب تحت التحديث',
  noUpdateYet: 'قبل أول تحديث',
  openPage: 'افتح الصفحة',
  selectAll: 'تحديد الكل',
  block: 'حظر',
  blockHint: 'الحظر يرفض هذا التعليق وكل تعليق محجوز آخر لكاتبه، ويحجز كل ما يكتبه لاحقًا.',
  shortcuts: 'اختصارات لوحة المفاتيح',
  shortcutList: [
    ['j / ↓', 'التعليق التالي'],
    ['k / ↑', 'التعليق السابق'],
    ['x', 'تحديد التعليق أو إلغاء تحديده'],
    ['Shift+A', 'تحديد الكل'],
    ['a', 'قبول'],
    ['r', 'رفض'],
    ['s', 'رسالة مزعجة'],
    ['b', 'حظر الكاتب'],
    ['u / Ctrl+Z', 'تراجع عن آخر قرار (خلال 5 ثوانٍ)'],
    ['?', 'إظهار هذه القائمة أو إخفاؤها'],
  ],
  timesIn: 'الأوقات بتوقيت الصفحة',
} satisfies Messages;

const en: typeof ar = {
  onDesk: 'On the desk now',
  nobodyElse: 'Nobody else',
  liveOff: 'The live link to the desk dropped; reconnecting…',
  streamNeedsSignIn: 'Sign in to follow the desk live.',
  streamForbidden: 'Your role may not follow this desk.',
  moderationTitle: 'Comment moderation',
  held: { one: '{n} held comment', other: '{n} held comments', zero: 'No held comments' },
  page: 'Page',
  underUpdate: 'Written under the update',
  noUpdateYet: 'Before the first update',
  openPage: 'Open the page',
  selectAll: 'Select all',
  block: 'Block',
  blockHint:
    'Blocking rejects this comment and every other held comment by its author, and holds whatever they write next.',
  shortcuts: 'Keyboard shortcuts',
  shortcutList: [
    ['j / ↓', 'Next comment'],
    ['k / ↑', 'Previous comment'],
    ['x', 'Select or unselect the comment'],
    ['Shift+A', 'Select all'],
    ['a', 'Approve'],
    ['r', 'Reject'],
    ['s', 'Spam'],
    ['b', 'Block the author'],
    ['u / Ctrl+Z', 'Undo the last verdict (within 5 seconds)'],
    ['?', 'Show or hide this list'],
  ],
  timesIn: "Times in the page's time zone",
};

export type LiveDeskMessages = typeof ar;

export function lm(locale: UiLocale): LiveDeskMessages {
  return locale === 'en' ? en : ar;
}
