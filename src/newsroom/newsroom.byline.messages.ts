// The strings of bylines and contributors on the desk, Arabic first, English in full.
import type { UiLocale } from '../lib/i18n.messages.js';

const ar = {
  bylineAndContributors: 'التوقيع والمساهمون',
  byline: 'التوقيع الظاهر للقراء («بقلم …»)',
  bylineHint: 'اتركه فارغًا لتحديث بلا توقيع.',
  contributors: 'المساهمون',
  contributorName: 'اسم المساهم',
  contributorRole: 'دوره',
  contributorRoleExample: 'مراسلنا في طهران',
  addContributor: 'أضف مساهمًا',
  addMe: 'أضفني',
};

const en: typeof ar = {
  bylineAndContributors: 'Byline and contributors',
  byline: 'Byline readers see ("By …")',
  bylineHint: 'Leave it empty for an update without a byline.',
  contributors: 'Contributors',
  contributorName: "Contributor's name",
  contributorRole: 'Role',
  contributorRoleExample: 'Our correspondent in Tehran',
  addContributor: 'Add a contributor',
  addMe: 'Add me',
};

export function bm(locale: UiLocale): typeof ar {
  return locale === 'ar' ? ar : en;
}
