// Names for the search analyser: words that look as if they had a prefix or a suffix but do
// not, and the alias table (search.aliases.ts) folded into lookup tables. The tables are built
// with the analyser's own folding, passed in, so a name is folded exactly as text is.
import { MIN_STEM, isArabic, stripArticle, stripSuffixes } from './search.stemmer.js';

/** How the analyser folds text (its `normalise`). */
export type Fold = (text: string) => string;

/**
 * Names that look as if they had a prefix or a suffix but do not; written as usual, folded when
 * the tables are built. («عمان» is both Oman and Amman: the letters cannot tell them apart.)
 */
export const PROTECTED = [
  'إيران',
  'عمان',
  'طهران',
  'لبنان',
  'واشنطن',
  'أصفهان',
  'البحرين',
  'فلسطين',
  'الصين',
  'اليابان',
  'السودان',
  'اليمن',
  'الأردن',
  'باكستان',
  'أفغانستان',
  'كردستان',
  'أذربيجان',
  'الله',
  'رئيسي',
  'الكويت',
  'فرنسا',
  'فنزويلا',
  'فيينا',
  'بكين',
  'برلين',
  'بغداد',
  'بيروت',
  'كوريا',
  'تركيا',
  'روسيا',
  'ليبيا',
  'سوريا',
  'ألمانيا',
  'بريطانيا',
  'إيطاليا',
  'الإمارات',
  'رمضان',
  'سلطان',
  'بيان',
  'برلمان',
  'استيطان',
];

export interface NameTables {
  /** Folded whole words and their article-less forms → canonical token. */
  readonly words: Map<string, string>;
  /** Stems of the same → canonical token (so «الأميركيون» finds «أميركي»). */
  readonly stems: Map<string, string>;
}

function addName(
  tables: NameTables,
  fold: Fold,
  variant: string,
  canonical: string,
  withStems: boolean,
): void {
  const folded = fold(variant).replace(/[^\p{L}\p{N}]/gu, '');
  if (folded === '') return;
  const base = stripArticle(folded);
  // «الله» must not turn «له» into a name: article-less forms need three letters.
  const forms = base !== undefined && base.length >= MIN_STEM ? [folded, base] : [folded];
  for (const form of forms) {
    const known = tables.words.get(form);
    if (known !== undefined && known !== canonical) {
      throw new Error(`search alias «${variant}» is listed under «${known}» and «${canonical}»`);
    }
    tables.words.set(form, canonical);
    if (withStems && isArabic(form)) {
      const stem = stripSuffixes(form);
      if (!tables.stems.has(stem)) tables.stems.set(stem, canonical);
    }
  }
}

/** The name tables of the alias table and the protected names, folded with `fold`. */
export function buildNameTables(
  aliases: Readonly<Record<string, readonly string[]>>,
  fold: Fold,
): NameTables {
  const tables: NameTables = { words: new Map(), stems: new Map() };
  for (const [key, variants] of Object.entries(aliases)) {
    const folded = fold(key).replace(/[^\p{L}\p{N}]/gu, '');
    const canonical = stripArticle(folded) ?? folded;
    for (const variant of [key, ...variants]) addName(tables, fold, variant, canonical, true);
  }
  for (const name of PROTECTED) {
    const folded = fold(name);
    // «الأردن» and «أردني» meet on «اردن»; «الله» keeps its article.
    const base = stripArticle(folded);
    const canonical = base !== undefined && base.length >= MIN_STEM ? base : folded;
    // Only the name itself, not its stems: «رئيسي» must not take over «رئيس».
    if (!tables.words.has(folded)) addName(tables, fold, name, canonical, false);
  }
  return tables;
}

/** The canonical token of a name, if the word (or its article-less form or stem) is one. */
export function nameIn(names: NameTables, word: string): string | undefined {
  const whole = names.words.get(word);
  if (whole !== undefined) return whole;
  if (!isArabic(word)) return undefined;
  const base = stripArticle(word);
  const found = base === undefined ? undefined : names.words.get(base);
  if (found !== undefined) return found;
  // Only a word that really had a suffix: «الأميركيون» → أميركي, but «بقاء» is not «بقائي».
  const core = base ?? word;
  const stem = stripSuffixes(core);
  return stem === core ? undefined : names.stems.get(stem);
}
