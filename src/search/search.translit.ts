// Names across scripts, for the search analyser: a sound skeleton that Latin and Arabic
// spellings of one name share, so `Witkoff` finds «ويتكوف» with no alias written for it.
//
// A key keeps the consonants of a word, each reduced to a class that both scripts spell the
// same way (ت ط ث and t/th are `t`; ق ك غ خ and k/q/c/g/kh/gh are `k`; ب پ and b/p are `b` …),
// drops the vowels (Latin a e i o u, Arabic ا ى ع ء, and و ي inside a word), and merges a
// doubled letter. «ويتكوف» and «Witkoff» are both `wtkf`, «ترامب» and «Trump» `trmb`,
// «عراقجي» and «Araghchi» `rkj`. Keys shorter than three classes say too little to be used.
//
// The index holds the key of every Arabic word (as a token that no text can produce: it
// starts with a digit and goes on with letters); a Latin query word asks for it. The same key
// also catches a reader's typo in an Arabic query word when the slip stays inside a class or
// is a long vowel (المفاوضت، مسقت، الانتخبات): the search service tries it for a query word
// that finds nothing as typed. The letter classes were checked against the Latin ⇄ Arabic
// pairs of the alias table (search.translit.test.ts); names the classes cannot join are
// learned from the newsroom's bilingual pages (search.learn.ts).

/** The prefix of a key token in the index. */
export const KEY_PREFIX = '0k';
/** Keys shorter than this are not used. */
export const MIN_KEY = 3;

/** Arabic letters (folded by the analyser) → class; a letter not listed is a vowel. */
const ARABIC_CLASSES: Readonly<Record<string, string>> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  ث: 't',
  ج: 'j',
  چ: 'j',
  ح: 'h',
  ه: 'h',
  خ: 'k',
  ك: 'k',
  ق: 'k',
  غ: 'k',
  گ: 'k',
  د: 'd',
  ض: 'd',
  ذ: 'd',
  ظ: 'z',
  ز: 'z',
  ژ: 'j',
  ر: 'r',
  س: 's',
  ص: 's',
  ش: 's',
  ف: 'f',
  ڤ: 'f',
  ل: 'l',
  م: 'm',
  ن: 'n',
  و: 'w',
  ي: 'y',
};

/** Latin letter groups, longest first, → class ('' for a vowel). */
const LATIN_GROUPS: readonly (readonly [string, string])[] = [
  ['tch', 'j'],
  ['sch', 's'],
  ['kh', 'k'],
  ['gh', 'k'],
  ['ch', 'j'],
  ['sh', 's'],
  ['th', 't'],
  ['dh', 'd'],
  ['ph', 'f'],
  ['zh', 'j'],
  ['ck', 'k'],
  ['tz', 'ts'],
  ['qu', 'k'],
  ['ou', ''],
  ['ee', ''],
  ['oo', ''],
];
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  b: 'b',
  p: 'b',
  t: 't',
  d: 'd',
  j: 'j',
  h: 'h',
  k: 'k',
  q: 'k',
  r: 'r',
  z: 'z',
  s: 's',
  f: 'f',
  v: 'f',
  l: 'l',
  m: 'm',
  n: 'n',
  w: 'w',
  y: 'y',
  x: 'ks',
};
const LATIN_VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Drops the vowels between consonants and merges repeats; `w` and `y` count only first. */
function skeleton(classes: readonly string[]): string {
  let key = '';
  let previous = '';
  classes.forEach((cls, index) => {
    if (cls === '') {
      previous = '';
      return;
    }
    if ((cls === 'w' || cls === 'y') && index > 0) {
      previous = '';
      return;
    }
    if (cls !== previous) key += cls;
    previous = cls;
  });
  return key;
}

/** The key of a folded Arabic word without its article («الدوحة» → «دوحه» → `dh`). */
export function arabicKey(word: string): string {
  // «تش» writes ch; a final «ه» (the folded ta marbuta) is the vowel a: فاطمة، الدوحة.
  const letters = word.replaceAll('تش', 'چ').replace(/ه$/, '');
  return skeleton(Array.from(letters, (letter) => ARABIC_CLASSES[letter] ?? ''));
}

/** The key of a folded Latin word («witkoff» → `wtkf`). */
export function latinKey(word: string): string {
  const letters = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/(?<=[aeiou])h$/, '');
  const classes: string[] = [];
  let at = 0;
  while (at < letters.length) {
    const group = LATIN_GROUPS.find(([spelling]) => letters.startsWith(spelling, at));
    if (group !== undefined) {
      classes.push(...(group[1] === '' ? [''] : Array.from(group[1])));
      at += group[0].length;
      continue;
    }
    const letter = letters.charAt(at);
    const next = letters.charAt(at + 1);
    if (letter === 'c') classes.push('eiy'.includes(next) && next !== '' ? 's' : 'k');
    else if (letter === 'g') classes.push('eiy'.includes(next) && next !== '' ? 'j' : 'k');
    else if (LATIN_VOWELS.has(letter)) classes.push('');
    else classes.push(...Array.from(LATIN_LETTERS[letter] ?? ''));
    at += 1;
  }
  return skeleton(classes);
}

/** The index token of a key, or undefined when the key is too short to be used. */
export function keyToken(key: string): string | undefined {
  return key.length >= MIN_KEY ? `${KEY_PREFIX}${key}` : undefined;
}

/** True for a key token of the index. */
export function isKeyToken(form: string): boolean {
  return form.startsWith(KEY_PREFIX);
}

/** Edit distance between two keys, for learning names the classes do not quite join. */
export function keyDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}
