import { describe, expect, it } from 'vitest';
import { ALIASES } from './search.aliases.js';
import { normalise } from './search.analyser.js';
import { learnNames, latinNames } from './search.learn.js';
import { stripArticle } from './search.stemmer.js';
import { arabicKey, keyDistance, keyToken, latinKey } from './search.translit.js';

const arabic = (word: string) => {
  const folded = normalise(word);
  return arabicKey(stripArticle(folded) ?? folded);
};
const latin = (word: string) => latinKey(normalise(word));

describe('sound keys', () => {
  it('give a name the same key in both scripts', () => {
    const pairs = [
      ['ويتكوف', 'Witkoff'],
      ['فانس', 'Vance'],
      ['زيلينسكي', 'Zelensky'],
      ['غوتيريش', 'Guterres'],
      ['قاليباف', 'Ghalibaf'],
      ['لاريجاني', 'Larijani'],
      ['بلينكن', 'Blinken'],
      ['أردوغان', 'Erdogan'],
      ['الدوحة', 'Doha'],
      ['كاتس', 'Katz'],
    ] as const;
    for (const [ar, en] of pairs) expect(latin(en), `${ar} / ${en}`).toBe(arabic(ar));
  });

  it('keep consonant classes, drop vowels and merge doubled letters', () => {
    expect(latin('Witkoff')).toBe('wtkf');
    expect(arabic('ويتكوف')).toBe('wtkf');
    expect(latin('Hassan')).toBe(arabic('حسن'));
    expect(arabic('المفاوضات')).toBe(arabic('المفاوضت'));
    expect(arabic('مسقط')).toBe(arabic('مسقت'));
  });

  it('are used only from three classes on', () => {
    expect(keyToken('rb')).toBeUndefined();
    expect(keyToken('wtkf')).toBe('0kwtkf');
  });

  it('join the Latin and Arabic names of the alias table, except the forms listed here', () => {
    // These Latin spellings stay in the alias table: adjectives, «usa», an article, and a
    // name whose spellings differ in a letter (learned from bilingual pages otherwise).
    const expected = [
      'albusaidi',
      'american',
      'americans',
      'iranian',
      'iranians',
      'lebanese',
      'usa',
      'washington',
    ];
    const apart: string[] = [];
    for (const [name, variants] of Object.entries(ALIASES)) {
      for (const variant of variants.filter((v) => /^[a-z]+$/.test(v))) {
        if (latin(variant) !== arabic(name)) apart.push(variant);
      }
    }
    expect(apart.sort()).toEqual(expected);
  });

  it('measure how far apart two keys are', () => {
    expect(keyDistance('wsnktn', 'wsntn')).toBe(1);
    expect(keyDistance('abc', 'abc')).toBe(0);
    expect(keyDistance('', 'ab')).toBe(2);
  });
});

describe('learning names from bilingual pages', () => {
  const words = (text: string) => normalise(text).match(/\p{L}+/gu) ?? [];

  it('takes capitalised words inside English sentences as names, with keys long enough', () => {
    // «The» and «Monday» open a sentence or are no names; «Amos», «Berri» and «Aoun» are too short.
    const text = 'The envoy Amos Hochstein met Speaker Berri and Joseph Aoun. Monday was calm.';
    expect(latinNames(text)).toEqual(['hochstein', 'joseph']);
  });

  it('pairs a name with its Arabic spelling, one to one, a letter off for long keys', () => {
    const pairs = learnNames(
      [
        {
          arabic: ['التقى نيكوس في نيقوسيا مع هوكشتاين بعد نقص في الوقود'],
          english: ['President Nikos met Amos Hochstein in Nicosia after a shortage of fuel.'],
        },
        {
          arabic: ['عاد هوكشتاين إلى بيروت'],
          english: ['Later Hochstein went back to Beirut.'],
        },
      ],
      words,
    );
    expect(pairs).toEqual([
      { latin: 'beirut', arabic: 'بيروت', pages: 1 },
      { latin: 'hochstein', arabic: 'هوكشتاين', pages: 2 },
      { latin: 'nicosia', arabic: 'نيقوسيا', pages: 1 },
      { latin: 'nikos', arabic: 'نيكوس', pages: 1 },
    ]);
  });

  it('learns nothing from pages that share no name', () => {
    expect(learnNames([{ arabic: ['هطلت أمطار'], english: ['Heavy Rain fell.'] }], words)).toEqual(
      [],
    );
  });
});
