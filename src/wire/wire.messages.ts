// The wire desk's strings, Arabic first, English in full: the inbox page and the refusals.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { Bilingual } from '../platform/platform.errors.js';
import { formatUpdateTime } from '../lib/time.format.js';

const ar = {
  wire: 'الوكالات',
  title: 'وارد الوكالات',
  intro:
    'مواد الوكالات كما وصلت، أحدث نسخة من كل مادة فقط. حوّل مادة إلى مسودة على صفحة تغطية، والوكالة مصدرها.',
  empty: 'لا مواد في الوارد.',
  all: 'الكل',
  arabic: 'العربية',
  english: 'الإنجليزية',
  languageFilter: 'اللغة',
  agency: 'الوكالة',
  version: (n: number) => `النسخة ${n}`,
  received: 'آخر نسخة',
  embargoedUntil: (at: string) => `محظور النشر حتى ${at}`,
  expired: 'منتهية الصلاحية',
  expiresAt: (at: string) => `تنتهي صلاحيتها ${at}`,
  withheld: 'محجوبة',
  canceled: 'ملغاة',
  original: 'المادة الأصلية',
  page: 'صفحة التغطية',
  makeDraft: 'حوّل إلى مسودة',
  drafts: (n: number) => (n === 1 ? 'صارت مسودة مرة' : `صارت مسودة ${n} مرات`),
  noPages: 'لا صفحات تغطية بعد.',
  utc: 'بتوقيت غرينتش',
  refusedTitle: 'ملفات لم تُقرأ من مجلد الإسقاط',
  refusedIntro:
    'رُفضت هذه الملفات ولم تدخل الوارد. السبب مكتوب بجانب كل ملف، والملف نفسه محفوظ في المجلد failed.',
  refusedAt: 'رُفض',
  reason: 'السبب',
};

type WireMessages = {
  [K in keyof typeof ar]: (typeof ar)[K] extends string ? string : (typeof ar)[K];
};

const en: WireMessages = {
  wire: 'Wire',
  title: 'Wire inbox',
  intro:
    'Agency items as they arrived, only the newest version of each. Turn an item into a draft on a live page, with the agency as its source.',
  empty: 'Nothing in the inbox.',
  all: 'All',
  arabic: 'Arabic',
  english: 'English',
  languageFilter: 'Language',
  agency: 'Agency',
  version: (n: number) => `Version ${n}`,
  received: 'Latest version',
  embargoedUntil: (at: string) => `Embargoed until ${at}`,
  expired: 'Expired',
  expiresAt: (at: string) => `Expires ${at}`,
  withheld: 'Withheld',
  canceled: 'Cancelled',
  original: 'Original item',
  page: 'Live page',
  makeDraft: 'Turn into a draft',
  drafts: (n: number) => (n === 1 ? 'Drafted once' : `Drafted ${n} times`),
  noPages: 'No live pages yet.',
  utc: 'UTC',
  refusedTitle: 'Files the drop folder could not read',
  refusedIntro:
    'These files were refused and did not reach the inbox. The reason is beside each one; the file itself is kept in the failed folder.',
  refusedAt: 'Refused',
  reason: 'Reason',
};

export function wm(locale: UiLocale): WireMessages {
  return locale === 'ar' ? ar : en;
}

/** A time in UTC, as the refusals and the inbox show it. */
export function utcTime(date: Date, locale: UiLocale): string {
  return `${formatUpdateTime(date, 'UTC', locale)} ${wm(locale).utc}`;
}

export const wireErrors = {
  embargoed: (until: Date): Bilingual => ({
    ar: `هذه المادة من الوكالة محظورة النشر حتى ${utcTime(until, 'ar')}؛ لا يمكن نشرها أو جدولتها قبل ذلك.`,
    en: `This agency item is embargoed until ${utcTime(until, 'en')}; it cannot be published or scheduled before then.`,
  }),
  unreadable: {
    ar: 'تعذرت قراءة مادة الوكالة؛ أرسل newsItem بصيغة NewsML-G2 أو كائن ninjs 2.0.',
    en: 'The agency item could not be read; send a NewsML-G2 newsItem or a ninjs 2.0 object.',
  },
  canceled: {
    ar: 'ألغت الوكالة هذه المادة؛ لا يمكن تحويلها إلى مسودة.',
    en: 'The agency has cancelled this item; it cannot be turned into a draft.',
  },
  item: { ar: 'مادة الوكالة', en: 'The wire item' },
  contentType: {
    ar: 'نوع المحتوى غير مدعوم؛ أرسل application/xml أو application/json.',
    en: 'Unsupported content type; send application/xml or application/json.',
  },
} as const;
