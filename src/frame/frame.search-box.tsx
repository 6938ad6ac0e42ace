// The search box: a GET form to /search, for the site header and the results page. Its own
// file, with the search strings, so the page frame can show it without importing the page.
import type { PluralForms } from '../lib/time.format.js';
import type { UiLocale } from '../lib/i18n.messages.js';

/** The longest query the box and the search API take. */
export const MAX_QUERY_LENGTH = 200;

export interface SearchMessages {
  title: string;
  label: string;
  placeholder: string;
  submit: string;
  noResults: (q: string) => string;
  results: PluralForms;
  partial: string;
  inPage: string;
  background: string;
  keyEvent: string;
  thisPageOnly: string;
  allPages: string;
}

const MESSAGES: Readonly<Record<UiLocale, SearchMessages>> = {
  ar: {
    title: 'البحث',
    label: 'ابحث في التغطيات',
    placeholder: 'ابحث في التغطيات…',
    submit: 'بحث',
    noResults: (q) => `لا نتائج لـ«${q}». جرّب كلمات أقل أو أعم.`,
    results: {
      zero: 'لا نتائج',
      one: 'نتيجة واحدة',
      two: 'نتيجتان',
      few: '{n} نتائج',
      many: '{n} نتيجة',
      other: '{n} نتيجة',
    },
    partial: 'نتائج تحوي بعض الكلمات فقط',
    inPage: 'في',
    background: 'خلفية',
    keyEvent: 'حدث بارز',
    thisPageOnly: 'البحث في هذه التغطية فقط.',
    allPages: 'ابحث في كل التغطيات',
  },
  en: {
    title: 'Search',
    label: 'Search the coverage',
    placeholder: 'Search the coverage…',
    submit: 'Search',
    noResults: (q) => `No results for “${q}”. Try fewer or broader words.`,
    results: { one: '1 result', other: '{n} results' },
    partial: 'Results with only some of the words',
    inPage: 'in',
    background: 'Background',
    keyEvent: 'Key event',
    thisPageOnly: 'Searching this live page only.',
    allPages: 'Search all live pages',
  },
};

export function searchMessages(locale: UiLocale): SearchMessages {
  return MESSAGES[locale];
}

/** The search form. `id` keeps the label tied to its field when a page holds two boxes. */
export function SearchBox({
  locale,
  q = '',
  liveblog,
  id = 'search-q',
}: {
  locale: UiLocale;
  q?: string;
  liveblog?: string;
  id?: string;
}) {
  const m = MESSAGES[locale];
  return (
    <form class="search-box" role="search" action="/search" method="get">
      <label for={id} class="visually-hidden">
        {m.label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={q}
        maxLength={MAX_QUERY_LENGTH}
        required
        dir="auto"
        placeholder={m.placeholder}
        autoComplete="off"
      />
      {liveblog ? <input type="hidden" name="liveblog" value={liveblog} /> : null}
      <button type="submit">{m.submit}</button>
    </form>
  );
}
