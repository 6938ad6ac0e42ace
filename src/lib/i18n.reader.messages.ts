// The strings of the reader's own controls: the views of the stream (key events only, oldest
// first), the lite page, catch-up, the connection hint and a refused comment. Arabic first,
// English in full; counts through plural() (CLDR rules). The live client uses them too.
import type { UiLocale } from './i18n.messages.js';
import { LIVE_MESSAGES, type LiveMessages } from './i18n.live.messages.js';

interface ReaderMessages extends LiveMessages {
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
  /** A refused comment: its text is still in the form. */
  commentKept: string;
}

const ar: ReaderMessages = {
  ...LIVE_MESSAGES.ar,
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
  commentKept: 'لم يُرسَل تعليقك، وما زال نصه في النموذج.',
};

const en: ReaderMessages = {
  ...LIVE_MESSAGES.en,
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
  commentKept: 'Your comment was not sent; its text is still in the form.',
};

export function readerText(locale: UiLocale): ReaderMessages {
  return locale === 'ar' ? ar : en;
}
