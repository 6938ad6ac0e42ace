import { describe, expect, it } from 'vitest';
import { createDictionary } from '../proof/proof.dictionary.js';
import { analyse, analyseQuery, normalise } from './search.analyser.js';
import { PLURALS } from './search.plurals.js';
import { buildPluralTable, pluralEntries, stripSuffixes } from './search.stemmer.js';

/** True when the query finds the text through the index tokens of the analyser. */
function meet(query: string, text: string): boolean {
  const indexed = new Set(analyse(text));
  return analyseQuery(query).every((term) => term.forms.some((form) => indexed.has(form)));
}

describe('the broken plural table', () => {
  it('holds hundreds of pairs, each one needed, none contradicting another', () => {
    const entries = pluralEntries(PLURALS);
    const plurals = entries.flatMap(([, list]) => list);
    expect(plurals.length).toBeGreaterThanOrEqual(300);
    for (const [singular, list] of entries) {
      for (const plural of list) {
        // A pair the stemmer already joins does not belong in the table.
        expect(stripSuffixes(normalise(plural)), `${singular}: ${plural}`).not.toBe(
          stripSuffixes(normalise(singular)),
        );
      }
    }
    expect(() => buildPluralTable(PLURALS, normalise)).not.toThrow();
  });

  it('is reviewed against the Hunspell Arabic dictionary: every word of it is a word', async () => {
    const checker = await createDictionary('/usr/share/hunspell/ar').get();
    if (checker === undefined) throw new Error('install hunspell-ar (see .ci/run)');
    const words = pluralEntries(PLURALS).flatMap(([singular, list]) => [singular, ...list]);
    // «كمائن» (ambushes) is right; the dictionary lacks it.
    expect(words.filter((word) => !checker.spell(word))).toEqual(['كمائن']);
  });

  it('refuses a plural under two singulars and a singular that is a listed plural', () => {
    expect(() => buildPluralTable('قاتل: قتلة\nقتيل: قتلى', normalise)).toThrow(/listed under/);
    expect(() => buildPluralTable('فرد: أفراد\nأفراد: أفاريد', normalise)).toThrow(/itself/);
    expect(() => buildPluralTable('no colon here', normalise)).toThrow(/colon/);
  });
});

describe('broken plurals in the analyser, by pattern family', () => {
  const families: readonly (readonly [string, string, string])[] = [
    ['فعلاء', 'الوزراء', 'وزير'],
    ['فعلاء', 'سفراء', 'السفير'],
    ['أفعال', 'الأطفال', 'طفل'],
    ['أفعال', 'أسعار', 'السعر'],
    ['فعول', 'الجنود', 'جندي'],
    ['فعول', 'البنوك', 'بنك'],
    ['فواعل', 'الشوارع', 'شارع'],
    ['فواعل', 'قواعد', 'القاعدة'],
    ['مفاعيل', 'المشاريع', 'مشروع'],
    ['مفاعيل', 'صناديق', 'الصندوق'],
    ['مفاعل', 'المدارس', 'مدرسة'],
    ['فعائل', 'الرسائل', 'رسالة'],
    ['أفعلة', 'الأسلحة', 'سلاح'],
    ['فعلان', 'البلدان', 'بلد'],
    ['فعال', 'الرجال', 'رجل'],
    ['فعلى', 'القتلى', 'قتيل'],
    ['فُعّال', 'الطلاب', 'طالب'],
    ['فعلة', 'القادة', 'قائد'],
    ['فواعيل', 'الصواريخ', 'صاروخ'],
    ['أفاعيل', 'الأسابيع', 'أسبوع'],
    ['فعالى', 'الضحايا', 'ضحية'],
  ];

  it.each(families)('%s: «%s» and «%s» find each other', (_family, plural, singular) => {
    expect(meet(plural, singular)).toBe(true);
    expect(meet(singular, plural)).toBe(true);
  });

  it('keeps the plural with its clitics: article, conjunction, preposition, pronoun', () => {
    expect(meet('وزير', 'ووزراؤه')).toBe(true);
    expect(meet('فندق', 'بالفنادق')).toBe(true);
    expect(meet('لغم', 'الألغام')).toBe(true);
    expect(meet('لغم', 'ألغام')).toBe(true);
    expect(meet('ألف', 'آلاف')).toBe(true);
  });

  it('does not join words that only look alike', () => {
    // «وأن» (and that) is not «ألوان» (colours); «الإعلام» (media) is not «أعلام» (flags).
    expect(meet('لون', 'وأن')).toBe(false);
    expect(meet('علم', 'الإعلام')).toBe(false);
    expect(meet('مدينة', 'الطيران المدني')).toBe(false);
  });
});
