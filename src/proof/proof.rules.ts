// The errors live copy actually has, as rules that turn a misspelt word into the words it may
// have meant. The dictionary decides which of them are words; the rules only propose, most
// likely first:
//
//   1. known slips the dictionary itself lets through (ذالك، شيئ، إنشاء الله …);
//   2. hamza forms: ا/أ/إ/آ at the start, ء/ئ/ؤ/أ inside and at the end;
//   3. the last letter: ة/ه and ى/ي (and ى/ا);
//   4. words run together: a missing space after و or any letter that does not join the next
//      one (ا د ذ ر ز و ة ى), where the gap is invisible on screen;
//   5. a doubled or a missing letter;
//   6. letters confused for their neighbour in sound or on the keyboard (ض/ظ، ذ/ز/د، ث/س/ت …),
//      and two letters swapped.
//
// A word written with the article and the pronoun «ه» at once («المدرسه») is no word, though
// the dictionary accepts «مدرسه» (his teacher): it is the ta marbuta written as ha (rule 3).

/** Slips common enough in newsroom copy to be listed, with what they stand for. */
export const KNOWN_SLIPS: Readonly<Record<string, string>> = {
  ذالك: 'ذلك',
  هاذا: 'هذا',
  هاذه: 'هذه',
  هاذان: 'هذان',
  لاكن: 'لكن',
  لاكنه: 'لكنه',
  شيئ: 'شيء',
  مسؤل: 'مسؤول',
  مسئوول: 'مسؤول',
  إبتداء: 'ابتداء',
  إجتماع: 'اجتماع',
  إنتخابات: 'انتخابات',
  إستقبال: 'استقبال',
  إستمرار: 'استمرار',
  إقتصاد: 'اقتصاد',
  إنسحاب: 'انسحاب',
  إنفجار: 'انفجار',
  إرتفاع: 'ارتفاع',
  إنخفاض: 'انخفاض',
  إتفاق: 'اتفاق',
  إحتجاج: 'احتجاج',
  إعتقال: 'اعتقال',
  إبن: 'ابن',
  إثنين: 'اثنين',
  إثنان: 'اثنان',
  الي: 'إلى',
};

/**
 * Words that end in «ي» and are right so, although the same word with «ى» is right too
 * (علي and على, مبنيّ and مبنى, المدعي and المدعى …).
 */
const YA_BOTH_WAYS = new Set(
  (
    'علي لدي إلي يحيي مبني معني مدعي منفي مرمي مقضي مغطي ملقي مستثني منحني مرضي مسمي ' +
    'مبكي مجني ملغي منهي محمي مدني موسيقي محلي'
  ).split(' '),
);
/** Words that end in «ى» and are often typed with «ي», besides the patterns below. */
const MAQSURA_WORDS = new Set(
  (
    'حتى متى سوى مصطفى موسى عيسى يحيى قتلى جرحى أسرى ذكرى فتاوى شكاوى دعاوى كبرى أولى ' +
    'أخرى صغرى عظمى وسطى قصوى دعوى فوضى شكوى بشرى أدنى أقصى أعلى أغنى أقوى أرقى أبقى أسمى'
  ).split(' '),
);

const HAMZA_START = ['ا', 'أ', 'إ', 'آ'];
/** Hamza inside a word: any of its forms for another, or written on its seat. */
const HAMZA_FORMS = ['ء', 'ئ', 'ؤ', 'أ', 'إ', 'آ'];
const HAMZA_ON_SEAT: Readonly<Record<string, string>> = { ا: 'أ', ي: 'ئ', و: 'ؤ' };
const FINAL_SWAPS: Readonly<Record<string, readonly string[]>> = {
  ة: ['ه'],
  ه: ['ة'],
  ى: ['ي', 'ا'],
  ي: ['ى'],
  ا: ['ى', 'اء'],
};
/** Letters that do not join the next one: a missing space after them does not show. */
const NON_JOINING = new Set(['ا', 'أ', 'إ', 'آ', 'د', 'ذ', 'ر', 'ز', 'و', 'ؤ', 'ة', 'ى', 'ء']);
const CONFUSABLE: readonly (readonly string[])[] = [
  ['ض', 'ظ', 'د'],
  ['ذ', 'ز', 'د'],
  ['ث', 'س', 'ت'],
  ['ص', 'س'],
  ['ط', 'ت'],
  ['ق', 'ك', 'غ'],
  ['ح', 'ه', 'خ'],
  ['ع', 'غ', 'ء'],
  ['ش', 'س'],
];
/** The letters a hurried hand drops most (long vowels, the article's lam, nun, ta). */
const DROPPED = ['ا', 'و', 'ي', 'ل', 'ن', 'ت', 'ر', 'م', 'د', 'ق', 'ع', 'ه', 'س', 'ب'];

/** Words whose every letter is Arabic: the only ones the proofer looks at. */
export const ARABIC_WORD = /^[\u0621-\u064A]+$/;

function replaceAt(word: string, at: number, letter: string, length = 1): string {
  return word.slice(0, at) + letter + word.slice(at + length);
}

/** Rule 2: hamza forms. */
function hamzaForms(word: string): string[] {
  const out: string[] = [];
  const first = word.charAt(0);
  if (HAMZA_START.includes(first)) {
    for (const other of HAMZA_START) if (other !== first) out.push(replaceAt(word, 0, other));
  }
  // After the article too: «الإنتخابات» → «الانتخابات».
  if (word.startsWith('ال') && HAMZA_START.includes(word.charAt(2))) {
    for (const other of HAMZA_START) {
      if (other !== word.charAt(2)) out.push(replaceAt(word, 2, other));
    }
  }
  for (let at = 1; at < word.length; at++) {
    if (at === 2 && word.startsWith('ال')) continue;
    const letter = word.charAt(at);
    const seated = HAMZA_ON_SEAT[letter];
    if (seated !== undefined) out.push(replaceAt(word, at, seated));
    if (!HAMZA_FORMS.includes(letter)) continue;
    for (const other of HAMZA_FORMS) if (other !== letter) out.push(replaceAt(word, at, other));
  }
  return out;
}

/** Rule 3: the last letter. */
function finalForms(word: string): string[] {
  const last = word.charAt(word.length - 1);
  return (FINAL_SWAPS[last] ?? []).map((other) => word.slice(0, -1) + other);
}

/** Rule 4: two words run together; each candidate holds the space. */
export function splitForms(word: string): string[] {
  const out: string[] = [];
  for (let at = 2; at <= word.length - 2; at++) {
    const left = word.slice(0, at);
    if (NON_JOINING.has(left.charAt(left.length - 1))) out.push(`${left} ${word.slice(at)}`);
  }
  return out;
}

/** Rule 5: a doubled letter written once more, or a letter left out. */
function doubledOrMissing(word: string): string[] {
  const out: string[] = [];
  for (let at = 1; at < word.length; at++) {
    if (word.charAt(at) === word.charAt(at - 1)) out.push(word.slice(0, at) + word.slice(at + 1));
  }
  // A letter written once where the word has two of it, then a commonly dropped letter
  // anywhere after the first.
  for (let at = 1; at <= word.length; at++) {
    out.push(word.slice(0, at) + word.charAt(at - 1) + word.slice(at));
  }
  for (let at = 1; at <= word.length; at++) {
    for (const letter of DROPPED) out.push(word.slice(0, at) + letter + word.slice(at));
  }
  return out;
}

/** Rule 6: a letter confused for its neighbour. */
function confusedForms(word: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < word.length; at++) {
    const letter = word.charAt(at);
    for (const group of CONFUSABLE) {
      if (!group.includes(letter)) continue;
      for (const other of group) if (other !== letter) out.push(replaceAt(word, at, other));
    }
  }
  return out;
}

/** Rule 6 too: two letters swapped, a letter too many. */
function swappedOrExtra(word: string): string[] {
  const out: string[] = [];
  for (let at = 0; at + 1 < word.length; at++) {
    out.push(word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2));
  }
  for (let at = 0; at < word.length; at++) out.push(word.slice(0, at) + word.slice(at + 1));
  return out;
}

/** True for «ال…ه» whose «ال…ة» is a word: the ta marbuta written as ha. */
export function isDefiniteHa(word: string, spell: (word: string) => boolean): boolean {
  return (
    word.length > 4 && word.startsWith('ال') && word.endsWith('ه') && spell(`${word.slice(0, -1)}ة`)
  );
}

/** Proclitics a slip may carry, longest first: و/ف, then ب/ل/ك, then the article. */
export const PROCLITICS = (
  'وبال فبال وال فال بال كال ولل لل ال ' + 'وب ول وك فب فل فك و ف ب ل ك'
).split(' ');

/** The listed slip a word is, with the proclitics it carries («لذالك» → «لذلك»). */
export function knownSlip(word: string): string | undefined {
  const direct = KNOWN_SLIPS[word];
  if (direct !== undefined) return direct;
  for (const prefix of PROCLITICS) {
    if (!word.startsWith(prefix)) continue;
    const rest = word.slice(prefix.length);
    const slip = KNOWN_SLIPS[rest];
    if (slip !== undefined) return prefix + slip;
  }
  return undefined;
}

/**
 * True for «…ي» that stands for «…ى», which the dictionary lets through: a word of the list
 * above, with or without its article (حتي، الكبري، أقصي), or a noun with the mim of a place or
 * an instrument (مستوي، ملتقي، منتدي). Nisba adjectives and verbs that end in «ي» (أمني،
 * بقي، تكفي) are right and fit neither.
 */
export function isYaForMaqsura(word: string, spell: (word: string) => boolean): boolean {
  if (!word.endsWith('ي') || word.length < 3) return false;
  const prefix = PROCLITICS.find((p) => word.startsWith(p) && word.length - p.length >= 3) ?? '';
  const bare = word.slice(prefix.length);
  if (YA_BOTH_WAYS.has(bare) || YA_BOTH_WAYS.has(word)) return false;
  const maqsura = `${bare.slice(0, -1)}ى`;
  if (MAQSURA_WORDS.has(maqsura)) return true;
  return prefix === '' && bare.startsWith('م') && spell(maqsura);
}

/**
 * What a misspelt word may have meant, most likely first: the candidates of every rule, in
 * the order above, that `spell` accepts (both halves for a split), without repeats, at most
 * `limit` of them.
 */
export function candidates(word: string, spell: (word: string) => boolean, limit = 5): string[] {
  const known = knownSlip(word);
  const ordered = [
    ...(known === undefined ? [] : [known]),
    ...hamzaForms(word),
    ...finalForms(word),
    ...confusedForms(word),
    ...splitForms(word),
    ...doubledOrMissing(word),
    ...swappedOrExtra(word),
  ];
  const out: string[] = [];
  for (const candidate of ordered) {
    if (out.length >= limit) break;
    if (candidate === word || out.includes(candidate)) continue;
    const parts = candidate.split(' ');
    if (parts.every((part) => part.length > 0 && spell(part))) out.push(candidate);
  }
  return out;
}
