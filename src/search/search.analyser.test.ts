import { describe, expect, it } from 'vitest';
import { ALIASES } from './search.aliases.js';
import {
  analyse,
  analyseQuery,
  analyseWords,
  learnedNamesOf,
  normalise,
  tokenise,
  wordForms,
  wordKeys,
} from './search.analyser.js';
import { AMMAN } from './search.senses.js';

/** True when two texts share an index token (what makes a query word find a text word). */
function meet(query: string, text: string): boolean {
  const indexed = new Set(analyse(text));
  return analyseQuery(query).every((term) => term.forms.some((form) => indexed.has(form)));
}

describe('normalise', () => {
  it('applies NFKC: presentation forms and ligatures become plain letters', () => {
    expect(normalise('ﻻ')).toBe('لا');
    expect(normalise('ﺇﻳﺮﺍﻥ')).toBe('ايران');
  });

  it('strips invisible and bidirectional controls', () => {
    const controls = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B']
      .concat(['\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])
      .concat(['\u061C', '\uFEFF']);
    for (const control of controls) expect(normalise(`ط${control}هران`)).toBe('طهران');
  });

  it('strips harakat, shadda, sukun, superscript alef, Quranic marks and tatweel', () => {
    expect(normalise('عُمان')).toBe('عمان');
    expect(normalise('المُفَاوَضَاتُ')).toBe('المفاوضات');
    expect(normalise('وديّة')).toBe('وديه');
    expect(normalise('مسْقط')).toBe('مسقط');
    expect(normalise('هٰذا')).toBe('هذا');
    expect(normalise('الرَّحِيمِ ۝ ۖ')).toBe('الرحيم  ');
    expect(normalise('مسـقط')).toBe('مسقط');
    expect(normalise('عـــاجل')).toBe('عاجل');
  });

  it('drops the alef of an accusative tanween with the tanween', () => {
    expect(normalise('فائضاً')).toBe('فاءض');
    expect(normalise('استعداداً')).toBe('استعداد');
  });

  it('folds hamza forms, alef maqsura, ta marbuta and Persian letters', () => {
    expect(normalise('أ إ آ ٱ')).toBe('ا ا ا ا');
    expect(normalise('مستشفى')).toBe('مستشفي');
    expect(normalise('الحكومة')).toBe('الحكومه');
    expect(normalise('مسؤول مسئول')).toBe('مسءول مسءول');
    expect(normalise('ایران کردستان')).toBe('ايران كردستان');
  });

  it('turns Arabic-Indic and Persian digits into 0–9 and lower-cases Latin', () => {
    expect(normalise('٢٠٢٥')).toBe('2025');
    expect(normalise('۲۰۲۵')).toBe('2025');
    expect(normalise('Araghchi OPEC')).toBe('araghchi opec');
  });
});

describe('tokenise', () => {
  it('splits on anything that is not a letter or a digit, keeping word offsets', () => {
    const text = 'قال: «المفاوضات» (مستمرة)!';
    const tokens = tokenise(text);
    expect(tokens.map((t) => t.token)).toEqual(['قال', 'المفاوضات', 'مستمره']);
    for (const t of tokens) expect(normalise(text.slice(t.start, t.end))).toBe(t.token);
  });

  it('splits letters glued to digits and drops the lone letter', () => {
    expect(tokenise('٢٠٢٥م').map((t) => t.token)).toEqual(['2025']);
    expect(tokenise('الساعة10صباحا').map((t) => t.token)).toEqual(['الساعه', '10', 'صباحا']);
  });

  it('keeps a word whole across invisible marks and diacritics', () => {
    expect(tokenise('إي\u200Fران عُ\u200Bمان').map((t) => t.token)).toEqual(['ايران', 'عمان']);
  });
});

describe('stemming', () => {
  it('keeps names that look as if they had a suffix or a prefix whole', () => {
    for (const name of ['إيران', 'عمان', 'طهران', 'لبنان', 'واشنطن', 'البحرين', 'فلسطين']) {
      expect(analyse(name)).toContain(normalise(name).replace(/^ال/, ''));
    }
    expect(analyse('لبنان')).toEqual(['لبنان']);
    expect(analyse('طهران')).toEqual(['طهران']);
    expect(analyse('واشنطن')).toEqual(['واشنطن']);
    expect(analyse('إيران')).toEqual(['ايران']);
    expect(analyse('عُمان')).toEqual(['عمان']);
  });

  it('indexes both the surface form and the stem', () => {
    expect(analyse('المفاوضات')).toEqual(['المفاوضات', 'مفاوض']);
    expect(analyse('الحكومة')).toEqual(['الحكومه', 'حكوم']);
  });

  it('strips one article or conjunction+article prefix', () => {
    for (const word of ['المفاوضات', 'والمفاوضات', 'بالمفاوضات', 'وبالمفاوضات', 'للمفاوضات']) {
      expect(analyse(word)).toContain('مفاوض');
    }
    expect(analyse('فالحكومة')).toContain('حكوم');
    expect(analyse('كالعادة')).toContain('عاد');
  });

  it('strips plural, dual, feminine, nisba and pronoun suffixes with minimum stems', () => {
    expect(meet('مفاوضة', 'المفاوضات')).toBe(true);
    expect(meet('المفاوضون', 'مفاوضين')).toBe(true);
    expect(meet('مسؤول', 'المسؤولين')).toBe(true);
    expect(meet('الحكومة', 'حكومتها')).toBe(true);
    expect(meet('الرحلات', 'رحلاتها')).toBe(true);
    expect(meet('الدولة', 'الدولتين')).toBe(true);
    expect(meet('ايران', 'الإيرانية')).toBe(true);
    expect(meet('ايران', 'الإيرانيين')).toBe(true);
    expect(meet('عمان', 'العمانية')).toBe(true);
    expect(meet('الفلسطينيين', 'فلسطين')).toBe(true);
    expect(meet('تبادل', 'تبادلا')).toBe(true);
    expect(meet('فائض', 'فائضاً')).toBe(true);
    // Short words keep their letters: «قوات» is not «قو», «مهم» is not «م».
    expect(analyse('قوات')).toEqual(['قوات']);
    expect(analyse('مهم')).toEqual(['مهم']);
    expect(analyse('البرلمان')).toContain('برلمان');
    expect(meet('البرلمان', 'البرلمانية')).toBe(true);
  });

  it('does not let a protected name take over a word it resembles', () => {
    expect(meet('رئيسي', 'رئيس الوزراء')).toBe(false);
    expect(meet('الله', 'له')).toBe(false);
    expect(meet('بحر', 'البحرين')).toBe(false);
  });

  it('reads a leading و/ف/ب/ل in the text both ways, and a query word only as typed', () => {
    expect(analyse('وقالت')).toEqual(['وقالت', 'قالت']);
    expect(analyse('بإغلاق')).toContain('اغلاق');
    expect(meet('قالت', 'وقالت')).toBe(true);
    expect(meet('اغلاق', 'وبإغلاق')).toBe(true);
    expect(meet('الوزير', 'وزير')).toBe(true);
    expect(meet('وزير', 'الوزير')).toBe(true);
    // A query word is never cut: «وزير» does not become «زير».
    expect(analyseQuery('وزير')[0]?.forms).toEqual(['وزير']);
    // Names after a proclitic are unambiguous on both sides.
    expect(meet('لطهران', 'طهران')).toBe(true);
    expect(meet('وإيران', 'ايران')).toBe(true);
    expect(meet('مسقط', 'بمسقط')).toBe(true);
  });
});

describe('aliases', () => {
  it('maps spellings and transliterations to one canonical token', () => {
    expect(meet('ترمب', 'ترامب')).toBe(true);
    expect(meet('Trump', 'الرئيس ترمب')).toBe(true);
    expect(meet('Araghchi', 'عراقجي')).toBe(true);
    expect(meet('عراقچی', 'عراقجي')).toBe(true);
    expect(meet('Muscat', 'مسقط')).toBe(true);
    expect(meet('Iran', 'الإيرانية')).toBe(true);
    expect(meet('Oman', 'عُمان')).toBe(true);
    expect(meet('الامريكية', 'الأميركية')).toBe(true);
    expect(meet('أمريكي', 'الأميركيون')).toBe(true);
    expect(meet('امريكا', 'أميركا')).toBe(true);
  });

  it('lists every variant under one name only, and each variant finds its name', () => {
    for (const [name, variants] of Object.entries(ALIASES)) {
      const canonical = wordForms(normalise(name).replace(/[^\p{L}\p{N}]/gu, '')).at(-1);
      for (const variant of variants) {
        const token = normalise(variant).replace(/[^\p{L}\p{N}]/gu, '');
        expect(wordForms(token), variant).toContain(canonical);
      }
    }
  });
});

describe('analyseQuery', () => {
  it('drops stop words unless nothing else is left', () => {
    expect(analyseQuery('نتائج الانتخابات في لبنان').map((t) => t.text)).toEqual([
      'نتائج',
      'الانتخابات',
      'لبنان',
    ]);
    expect(analyseQuery('في').map((t) => t.text)).toEqual(['في']);
  });

  it('gives each word its stem or name, not the surface form as well', () => {
    expect(analyseQuery('المفاوضات')[0]?.forms).toEqual(['مفاوض']);
    expect(analyseQuery('ترمب')[0]?.forms).toEqual(['ترامب']);
    expect(analyseQuery('مسقط')[0]?.forms).toEqual(['مسقط']);
  });

  it('finds diacritics, digits and hamza on either side', () => {
    expect(meet('عُمان', 'سلطنة عمان')).toBe(true);
    expect(meet('عمان', 'سلطنة عُمان')).toBe(true);
    expect(meet('2025', 'في ١٢ أبريل ٢٠٢٥م')).toBe(true);
    expect(meet('٢٠٢٥', 'عام 2025')).toBe(true);
    expect(meet('مسئول', 'قال مسؤول')).toBe(true);
    expect(meet('ايران', 'إيران')).toBe(true);
    expect(meet('وبالمفاوضات', 'المفاوضات')).toBe(true);
  });

  it('merges repeated words and returns nothing for punctuation', () => {
    expect(analyseQuery('ايران إيران').length).toBe(1);
    expect(analyseQuery('"( ) * NEAR')).toEqual([
      { text: 'NEAR', surface: 'near', forms: ['near'], fuzzy: [] },
    ]);
    expect(analyseQuery('؟!…')).toEqual([]);
  });
});

describe('Oman and Amman', () => {
  const formsOf = (text: string, context = '') =>
    analyseWords(text, context).find(
      (word) => word.forms.includes('عمان') || word.forms.includes(AMMAN),
    )?.forms;

  it('reads «عمان» by its diacritics first, then by the words around it', () => {
    expect(formsOf('عُمان')).toEqual(['عمان']);
    expect(formsOf('عمّان')).toEqual([AMMAN]);
    expect(formsOf('زار سلطنة عمان')).toEqual(['عمان']);
    expect(formsOf('في العاصمة الأردنية عمان')).toEqual([AMMAN]);
    expect(formsOf('وصل إلى بعمان', '')).toEqual(['بعمان', 'عمان', AMMAN]);
    // The rest of the document places it: the body for a headline.
    expect(formsOf('وصل إلى عمان', 'قال وزير الخارجية الأردني')).toEqual([AMMAN]);
    // Cues for both places leave it open.
    expect(formsOf('عمان بين مسقط والأردن')).toEqual(['عمان', AMMAN]);
  });

  it('asks for one place when the query names it, for either when it does not', () => {
    expect(analyseQuery('Oman')[0]?.forms).toEqual(['عمان']);
    expect(analyseQuery('Amman')[0]?.forms).toEqual(['amman', AMMAN]);
    expect(analyseQuery('سلطنة عمان').find((t) => t.surface === 'عمان')?.forms).toEqual(['عمان']);
    expect(analyseQuery('عمان الأردن').find((t) => t.surface === 'عمان')?.forms).toEqual([AMMAN]);
    expect(analyseQuery('عمان')[0]?.forms).toEqual(['عمان', AMMAN]);
  });
});

describe('query terms across scripts and with typos', () => {
  it('gives a Latin word that is no known name its sound key', () => {
    expect(analyseQuery('Witkoff')[0]?.forms).toEqual(['witkoff', '0kwtkf']);
    expect(analyseQuery('Trump')[0]?.forms).toEqual(['ترامب']);
    expect(analyseQuery('2025')[0]?.forms).toEqual(['2025']);
  });

  it('keeps the sound key of an Arabic word aside, for when it finds nothing', () => {
    const [term] = analyseQuery('المفاوضت');
    expect(term?.forms).toEqual(['مفاوضت']);
    expect(term?.fuzzy).toEqual(wordKeys('المفاوضات'));
  });

  it('uses learned names both ways', () => {
    const learned = learnedNamesOf([{ latin: 'hochstein', arabic: 'هوكشتاين' }]);
    const arabic = analyseQuery('هوكشتاين')[0]?.forms ?? [];
    expect(arabic.length).toBeGreaterThan(0);
    expect(analyseQuery('Hochstein', learned)[0]?.forms).toEqual(['hochstein', ...arabic]);
    expect(analyseQuery('هوكشتاين', learned)[0]?.forms).toEqual([...arabic, 'hochstein']);
  });
});
