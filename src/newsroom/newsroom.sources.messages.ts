// The strings of sources in the newsroom: each kind's name in the UI's language, and the
// presets' settings form.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { SourceKind } from '../update/update.types.js';

const ar = {
  kinds: {
    wire: 'وكالة أنباء',
    official: 'مصدر رسمي',
    media: 'وسيلة إعلام',
    social: 'منصات التواصل',
    own: 'مراسلنا',
  } satisfies Record<SourceKind, string>,
  presetsTitle: 'الوكالات والمصادر الجاهزة',
  presetsHint:
    'تظهر في المحرر أزرارًا. سطر لكل مصدر: الاسم بالعربية | الاسم بالإنجليزية | النوع | العنوان. الأنواع: wire (وكالة)، official (رسمي)، media (إعلام)، social (تواصل)، own (مراسلنا).',
  presets: 'المصادر',
  kind: 'النوع',
};

const en: typeof ar = {
  kinds: {
    wire: 'News agency',
    official: 'Official',
    media: 'Media',
    social: 'Social media',
    own: 'Our reporter',
  },
  presetsTitle: 'Agency and source presets',
  presetsHint:
    'They appear as buttons in the composer. One source a line: Arabic name | English name | kind | address. Kinds: wire (agency), official, media, social, own (our reporter).',
  presets: 'Sources',
  kind: 'Kind',
};

export function sm(locale: UiLocale): typeof ar {
  return locale === 'en' ? en : ar;
}
