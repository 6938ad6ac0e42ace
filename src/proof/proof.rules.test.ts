import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { proofText } from './proof.checker.js';
import { createDictionary, type SpellChecker } from './proof.dictionary.js';
import { candidates, isDefiniteHa, isYaForMaqsura, knownSlip, splitForms } from './proof.rules.js';

// The dictionary .ci/run installs (Debian's hunspell-ar); the tests need the real one.
const DICTIONARY = '/usr/share/hunspell/ar';
let checker: SpellChecker;

beforeAll(async () => {
  expect(existsSync(`${DICTIONARY}.aff`), 'install hunspell-ar (see .ci/run)').toBe(true);
  const loaded = await createDictionary(DICTIONARY).get();
  if (loaded === undefined) throw new Error('the Arabic dictionary did not load');
  checker = loaded;
});

const spell = (word: string) => checker.spell(word);
const proof = (text: string, known: readonly string[] = []) =>
  proofText(text, { checker, isKnown: (word) => known.includes(word) });

describe('the Hunspell Arabic dictionary through hunspell-asm', () => {
  it('accepts words with their prefixes and suffixes, and refuses misspellings', () => {
    for (const word of ['المدرسة', 'وقالت', 'والمفاوضات', 'الانتخابات', 'مسؤول', 'إلى']) {
      expect(spell(word), word).toBe(true);
    }
    for (const word of ['الإنتخابات', 'الحكومه', 'هاذا', 'الظغط'])
      expect(spell(word), word).toBe(false);
  });

  it('is missing, not broken, when its files are not there', async () => {
    expect(await createDictionary('/nonexistent/ar').get()).toBeUndefined();
    expect(await createDictionary(undefined).get()).toBeUndefined();
  });
});

describe('newsroom rules', () => {
  it('proposes hamza forms first, as the dictionary accepts them', () => {
    expect(candidates('الإنتخابات', spell)[0]).toBe('الانتخابات');
    expect(candidates('إستقبال', spell)[0]).toBe('استقبال');
    expect(candidates('تفائل', spell)).toContain('تفاؤل');
  });

  it('catches a ta marbuta written as ha after the article', () => {
    expect(isDefiniteHa('المدرسه', spell)).toBe(true);
    expect(isDefiniteHa('مدرسه', spell)).toBe(false);
    expect(isDefiniteHa('الله', spell)).toBe(false);
  });

  it('catches an alef maqsura written as ya, not a nisba or a verb', () => {
    for (const word of ['حتي', 'الكبري', 'مستوي', 'أقصي', 'وموسي']) {
      expect(isYaForMaqsura(word, spell), word).toBe(true);
    }
    for (const word of ['علي', 'أمني', 'العراقي', 'بقي', 'تكفي', 'مبني', 'المدعي']) {
      expect(isYaForMaqsura(word, spell), word).toBe(false);
    }
  });

  it('splits words run together after a letter that does not join', () => {
    expect(splitForms('نحوالمدينة')).toContain('نحو المدينة');
    expect(candidates('وزارةالخارجية', spell)).toContain('وزارة الخارجية');
    expect(candidates('علىالحدود', spell)).toContain('على الحدود');
  });

  it('undoes a doubled, a missing, a confused and a swapped letter', () => {
    expect(candidates('المتحددث', spell)).toContain('المتحدث');
    expect(candidates('الانتخبات', spell)).toContain('الانتخابات');
    expect(candidates('الظغط', spell)).toContain('الضغط');
    expect(candidates('الوزراة', spell)).toContain('الوزارة');
  });

  it('knows the slips the dictionary lets through, with their proclitics', () => {
    expect(knownSlip('ذالك')).toBe('ذلك');
    expect(knownSlip('لذالك')).toBe('لذلك');
    expect(knownSlip('بالإجتماع')).toBe('بالاجتماع');
    expect(knownSlip('ذلك')).toBeUndefined();
  });
});

describe('proofText', () => {
  it('marks the misspellings with their offsets and suggestions, and nothing else', () => {
    const text = 'أعلنت الحكومه أن الإجتماع سيعقد في مسقط.';
    const issues = proof(text);
    expect(issues.map((issue) => issue.word)).toEqual(['الحكومه', 'الإجتماع']);
    for (const issue of issues) expect(text.slice(issue.start, issue.end)).toBe(issue.word);
    expect(issues[0]?.suggestions[0]).toBe('الحكومة');
    expect(issues[1]?.suggestions[0]).toBe('الاجتماع');
  });

  it('reads words through diacritics and tatweel, and leaves Latin and digits alone', () => {
    expect(proof('وَصَلَ الوَفْدُ إلى العاصـــمة يوم 12 مع Reuters.')).toEqual([]);
  });

  it('never marks a word the newsroom knows', () => {
    expect(proof('وصل ويتكوف إلى مسقط').map((issue) => issue.word)).toEqual(['ويتكوف']);
    expect(proof('وصل ويتكوف إلى مسقط', ['ويتكوف'])).toEqual([]);
  });
});
