// The strings of trust on the reader's page and the desk — verification states, corrections,
// the «what we know so far» box — Arabic first, English in full.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { Verification } from './update.types.js';

const ar = {
  verification: {
    unconfirmed: 'غير مؤكد',
    confirmed: 'مؤكد',
    disputed: 'متنازع عليه',
    retracted: 'مسحوب',
  } satisfies Record<Verification, string>,
  verificationLabel: 'حالة التحقق',
  verificationSince: 'منذ',
  notMarked: 'بلا حالة',
  verificationNote: 'ملاحظة علنية (مطلوبة عند السحب)',
  setVerification: 'حفظ الحالة',
  correction: 'تصحيح',
  corrections: 'التصحيحات',
  correctionNote: 'ملاحظة التصحيح (تظهر للقراء)',
  filterLabel: 'عرض حسب التحقق',
  filterAll: 'الكل',
  filteredTo: (state: string) => `تظهر التحديثات التي حالتها «${state}» فقط.`,
  showAll: 'عرض كل التحديثات',
  noneInState: 'لا تحديثات بهذه الحالة.',
  summary: 'ما نعرفه حتى الآن',
  summaryChanged: 'آخر تغيير',
  summaryHistory: 'سجل التغييرات',
  summaryHistoryTitle: 'سجل «ما نعرفه حتى الآن»',
  summaryVersion: 'النسخة',
  summaryAdded: 'أضيف',
  summaryRemoved: 'حُذف',
  summaryCleared: 'أُفرغ الملخص.',
  summaryEdit: 'ما نعرفه حتى الآن (نقطة في كل سطر)',
  summarySave: 'حفظ الملخص',
  summaryEmptyHint: 'اتركه فارغًا لإخفاء الصندوق.',
  backToPage: 'العودة إلى التغطية',
};

type Messages = typeof ar;

const en: Messages = {
  verification: {
    unconfirmed: 'Unconfirmed',
    confirmed: 'Confirmed',
    disputed: 'Disputed',
    retracted: 'Retracted',
  },
  verificationLabel: 'Verification',
  verificationSince: 'since',
  notMarked: 'Not marked',
  verificationNote: 'Public note (required to retract)',
  setVerification: 'Save state',
  correction: 'Correction',
  corrections: 'Corrections',
  correctionNote: 'Correction note (readers see it)',
  filterLabel: 'Show by verification',
  filterAll: 'All',
  filteredTo: (state: string) => `Showing only updates marked "${state}".`,
  showAll: 'Show every update',
  noneInState: 'No updates in this state.',
  summary: 'What we know so far',
  summaryChanged: 'Last changed',
  summaryHistory: 'History of changes',
  summaryHistoryTitle: 'History of "What we know so far"',
  summaryVersion: 'Version',
  summaryAdded: 'Added',
  summaryRemoved: 'Removed',
  summaryCleared: 'The summary was cleared.',
  summaryEdit: 'What we know so far (one point a line)',
  summarySave: 'Save summary',
  summaryEmptyHint: 'Leave it empty to hide the box.',
  backToPage: 'Back to the coverage',
};

export type TrustMessages = Messages;

export function trm(locale: UiLocale): TrustMessages {
  return locale === 'en' ? en : ar;
}
