// The strings of account management (roles chosen at creation, disabling, one-time password
// links), Arabic first, English in full.
import type { UiLocale } from '../lib/i18n.messages.js';

const ar = {
  chooseRole: 'اختر الدور…',
  roleRequired: 'اختر دور الحساب الجديد: لا دور افتراضي.',
  roleHint:
    'المراسل يكتب ويرسل للمراجعة، والمحرر ينشر، والمشرف يراجع التعليقات، والمدير يدير كل شيء.',
  state: 'الحالة',
  active: 'فعّال',
  disabled: 'موقوف',
  disable: 'إيقاف الحساب',
  enable: 'إعادة تفعيل',
  disableHint: 'الإيقاف ينهي جلسات الشخص ويلغي رموز الواجهة البرمجية الخاصة به فورًا.',
  resetLink: 'رابط كلمة مرور',
  makeResetLink: 'إنشاء رابط لمرة واحدة',
  linkMade: (name: string) => `رابط لتعيين كلمة مرور جديدة لـ${name}:`,
  linkHint: (hours: number) =>
    `يصلح مرة واحدة خلال ${hours} ساعة، ولن يُعرض مرة أخرى. أرسله إلى صاحبه بطريقة آمنة.`,
  resetTitle: 'كلمة مرور جديدة',
  resetIntro: 'اختر كلمة مرور جديدة لهذا الحساب. تنتهي جلساته المفتوحة كلها.',
  newPassword: 'كلمة المرور الجديدة',
  repeatPassword: 'أعد كتابتها',
  savePassword: 'حفظ كلمة المرور',
  passwordsDiffer: 'الكلمتان غير متطابقتين.',
  passwordSaved: 'حُفظت كلمة المرور الجديدة. ادخل بها الآن.',
  goToLogin: 'إلى صفحة الدخول',
  actions: 'إجراءات',
};

type AccountMessages = {
  [K in keyof typeof ar]: (typeof ar)[K] extends string ? string : (typeof ar)[K];
};

const en: AccountMessages = {
  chooseRole: 'Choose a role…',
  roleRequired: 'Choose the new account’s role: there is no default.',
  roleHint:
    'A reporter writes and submits for review, an editor publishes, a moderator handles comments, an admin manages everything.',
  state: 'State',
  active: 'Active',
  disabled: 'Disabled',
  disable: 'Disable account',
  enable: 'Enable again',
  disableHint: 'Disabling ends the person’s sessions and revokes their API tokens at once.',
  resetLink: 'Password link',
  makeResetLink: 'Make a one-time link',
  linkMade: (name: string) => `A link for ${name} to set a new password:`,
  linkHint: (hours: number) =>
    `It works once within ${hours} hours and will not be shown again. Send it to its owner safely.`,
  resetTitle: 'A new password',
  resetIntro: 'Choose a new password for this account. All its open sessions end.',
  newPassword: 'New password',
  repeatPassword: 'Type it again',
  savePassword: 'Save the password',
  passwordsDiffer: 'The two passwords differ.',
  passwordSaved: 'Your new password is saved. Sign in with it now.',
  goToLogin: 'To the sign-in page',
  actions: 'Actions',
};

export function am(locale: UiLocale): AccountMessages {
  return locale === 'en' ? en : ar;
}
