// Strings of the update renderer's reading aids (the pinned copy's link to the whole update).
import type { UiLocale } from '../lib/i18n.messages.js';

export interface ReadingMessages {
  /** Under the pinned copy, shortened on phones: a link to the whole update in the stream. */
  wholeUpdate: string;
}

const MESSAGES: Readonly<Record<UiLocale, ReadingMessages>> = {
  ar: { wholeUpdate: 'اقرأ التحديث كاملًا' },
  en: { wholeUpdate: 'Read the whole update' },
};

export function readingMessages(locale: UiLocale): ReadingMessages {
  return MESSAGES[locale];
}
