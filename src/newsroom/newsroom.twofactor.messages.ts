// The strings of two-factor sign-in and the account page, Arabic first, English in full.
import type { UiLocale } from '../lib/i18n.messages.js';

const ar = {
  account: 'حسابي',
  twoFactor: 'التحقق بخطوتين',
  twoFactorOn: 'التحقق بخطوتين مفعّل لهذا الحساب.',
  twoFactorOff: 'التحقق بخطوتين غير مفعّل. يضيف رمزًا من تطبيق على هاتفك إلى كلمة المرور عند الدخول.',
  twoFactorRequired:
    'يشترط الموقع التحقق بخطوتين للمديرين والمحررين. فعّله الآن لتتابع العمل في غرفة الأخبار.',
  setUp: 'إعداد التحقق بخطوتين',
  scanOrType:
    'امسح الرمز بتطبيق مصادقة (مثل Google Authenticator أو FreeOTP أو 1Password)، أو أدخل المفتاح يدويًا، ثم اكتب أول رمز يظهر فيه.',
  qrAlt: 'رمز QR لإضافة الحساب إلى تطبيق المصادقة',
  secretKey: 'المفتاح',
  otpauthAddress: 'عنوان otpauth',
  code: 'رمز التحقق (6 أرقام)',
  confirm: 'تأكيد وتفعيل',
  recoveryCodes: 'رموز الاسترداد',
  recoveryIntro:
    'احفظ هذه الرموز في مكان آمن الآن؛ لن تُعرض مرة أخرى. يصلح كل رمز مرة واحدة للدخول إذا فقدت هاتفك.',
  recoveryLeft: (n: number) => `رموز الاسترداد الباقية: ${n}`,
  newRecoveryCodes: 'رموز استرداد جديدة',
  newRecoveryHint: 'تُلغى الرموز القديمة. أدخل رمزًا حاليًا من التطبيق.',
  disable: 'إيقاف التحقق بخطوتين',
  disableHint: 'أدخل رمزًا حاليًا من التطبيق أو رمز استرداد.',
  continue: 'متابعة إلى غرفة الأخبار',
  stepTitle: 'خطوة التحقق',
  stepIntro: 'أدخل الرمز الظاهر في تطبيق المصادقة، أو أحد رموز الاسترداد إن فقدت هاتفك.',
  codeOrRecovery: 'رمز التحقق أو رمز الاسترداد',
  verify: 'تحقق',
  startOver: 'العودة إلى تسجيل الدخول',
  reset: 'إعادة ضبط التحقق بخطوتين',
  on: 'مفعّل',
  off: 'غير مفعّل',
  requireSetting: 'اشتراط التحقق بخطوتين للمديرين والمحررين',
  requireHint:
    'من لم يُعدّه منهم يُطلب منه إعداده بعد الدخول وقبل أي عمل آخر. يبقى اختياريًا للمراسلين والمشرفين.',
};

type Messages = typeof ar;

const en: Messages = {
  account: 'My account',
  twoFactor: 'Two-factor sign-in',
  twoFactorOn: 'Two-factor sign-in is on for this account.',
  twoFactorOff:
    'Two-factor sign-in is off. It adds a code from an app on your phone to your password when you sign in.',
  twoFactorRequired:
    'The site requires two-factor sign-in for admins and editors. Set it up now to go on working in the newsroom.',
  setUp: 'Set up two-factor sign-in',
  scanOrType:
    'Scan the code with an authenticator app (such as Google Authenticator, FreeOTP or 1Password), or type the key in, then enter the first code it shows.',
  qrAlt: 'QR code that adds the account to an authenticator app',
  secretKey: 'Key',
  otpauthAddress: 'otpauth address',
  code: 'Code (6 digits)',
  confirm: 'Confirm and turn on',
  recoveryCodes: 'Recovery codes',
  recoveryIntro:
    'Keep these codes somewhere safe now: they will not be shown again. Each one signs you in once if you lose your phone.',
  recoveryLeft: (n: number) => `Recovery codes left: ${n}`,
  newRecoveryCodes: 'New recovery codes',
  newRecoveryHint: 'The old codes stop working. Enter a current code from the app.',
  disable: 'Turn two-factor sign-in off',
  disableHint: 'Enter a current code from the app, or a recovery code.',
  continue: 'Go on to the newsroom',
  stepTitle: 'Verification',
  stepIntro:
    'Enter the code your authenticator app shows, or one of your recovery codes if you have lost your phone.',
  codeOrRecovery: 'Code or recovery code',
  verify: 'Verify',
  startOver: 'Back to sign-in',
  reset: 'Reset two-factor sign-in',
  on: 'On',
  off: 'Off',
  requireSetting: 'Require two-factor sign-in for admins and editors',
  requireHint:
    'Those who have not set it up are asked to do so after signing in, before anything else. It stays optional for reporters and moderators.',
};

export type TwoFactorMessages = Messages;

export function tm(locale: UiLocale): TwoFactorMessages {
  return locale === 'en' ? en : ar;
}
