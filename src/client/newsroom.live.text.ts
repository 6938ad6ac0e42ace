// The live desk's own short messages in the browser (presence, what just changed), Arabic first.
// Names are the staff's own; the wording avoids guessing anyone's grammatical gender.
export const LIVE_TEXT = {
  ar: {
    onDesk: 'على المكتب الآن:',
    nobodyElse: 'لا أحد غيرك',
    working: (name: string) => `يعمل على هذا التحديث الآن: ${name}`,
    reconnecting: 'انقطع الاتصال المباشر بالمكتب، نعيد المحاولة…',
    signedOut: 'انتهت الجلسة: سجّل الدخول من جديد لمتابعة المكتب.',
    held: {
      zero: 'لا تعليقات محجوزة',
      one: 'تعليق محجوز واحد',
      two: 'تعليقان محجوزان',
      few: '{n} تعليقات محجوزة',
      many: '{n} تعليقًا محجوزًا',
      other: '{n} تعليق محجوز',
    } as Record<string, string>,
    verdicts: { approve: 'قُبل', reject: 'رُفض', spam: 'عُدّ مزعجًا', block: 'حُظر كاتبه' } as Record<
      string,
      string
    >,
    undone: 'تراجعت عن القرار',
    undo: 'تراجع',
    failed: 'تعذّر إرسال القرار؛ أعيد التعليق إلى القائمة',
    changed: {
      'draft.submitted': (name: string) => `أرسل ${name} مسودة للمراجعة`,
      'draft.returned': (name: string) => `أعاد ${name} مسودة مع ملاحظة`,
      'draft.deleted': (name: string) => `حذف ${name} مسودة`,
      'update.published': (name: string) => `نشر ${name} تحديثًا`,
      'update.scheduled': (name: string) => `جدول ${name} تحديثًا`,
      'update.edited': (name: string) => `عدّل ${name} تحديثًا`,
      'update.deleted': (name: string) => `حذف ${name} تحديثًا`,
    } as Record<string, (name: string) => string>,
  },
  en: {
    onDesk: 'On the desk now:',
    nobodyElse: 'nobody else',
    working: (name: string) => `${name} is working on this update`,
    reconnecting: 'The live link to the desk dropped; reconnecting…',
    signedOut: 'Your session ended: sign in again to follow the desk.',
    held: { one: '{n} held comment', other: '{n} held comments' } as Record<string, string>,
    verdicts: {
      approve: 'Approved',
      reject: 'Rejected',
      spam: 'Marked as spam',
      block: 'Author blocked',
    } as Record<string, string>,
    undone: 'Verdict undone',
    undo: 'Undo',
    failed: 'The verdict could not be sent; the comment is back in the queue',
    changed: {
      'draft.submitted': (name: string) => `${name} submitted a draft for review`,
      'draft.returned': (name: string) => `${name} returned a draft with a note`,
      'draft.deleted': (name: string) => `${name} deleted a draft`,
      'update.published': (name: string) => `${name} published an update`,
      'update.scheduled': (name: string) => `${name} scheduled an update`,
      'update.edited': (name: string) => `${name} edited an update`,
      'update.deleted': (name: string) => `${name} deleted an update`,
    } as Record<string, (name: string) => string>,
  },
};

export type LiveText = (typeof LIVE_TEXT)['ar'];

/** A count in the page's language, by the CLDR plural rules (Arabic has six forms). */
export function countText(locale: 'ar' | 'en', n: number, forms: Record<string, string>): string {
  const form = n === 0 && forms.zero ? 'zero' : new Intl.PluralRules(locale).select(n);
  const template = forms[form] ?? forms.other ?? '{n}';
  return template.replace(
    '{n}',
    new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en').format(n),
  );
}
