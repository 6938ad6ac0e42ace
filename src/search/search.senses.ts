// «عمان» is both Oman (عُمان) and Amman (عَمّان): once the diacritics go, the letters are the
// same. The search analyser tells them apart where the text allows, from the diacritics of the
// word itself and otherwise from the words around it (سلطنة، مسقط، البوسعيدي … for Oman;
// الأردن، الأردنية، الزرقاء … for Amman).
//
// In the index, a word read as Oman keeps the name token «عمان»; one read as Amman holds
// `0amman` instead; one the text cannot place holds both. A query reads its own «عمان» the same
// way: Oman asks for «عمان», Amman for `0amman`, an unplaced one for either. So «Oman» never
// finds Amman and «Amman» never finds Oman, and a bare «عمان» finds both.

/** The folded name both places share, as the analyser's alias table has it. */
export const OMAN = 'عمان';
/** The token of Amman in the index (a digit first: no text can produce it). */
export const AMMAN = '0amman';

export type Sense = 'oman' | 'amman';

/** The word itself, after an optional و/ف and ب/ل/ك (folded), with no suffix. */
const AMBIGUOUS = /^[وف]?[بلك]?عمان$/;
const SHADDA = '\u0651';
const DAMMA = '\u064F';

/** Words that place «عمان» (folded; matched against the stems and names of the text's words). */
const OMAN_CUES = ['سلطنة', 'مسقط', 'صلالة', 'ظفار', 'الدقم', 'صحار', 'نزوى', 'قابوس', 'هيثم'];
const OMAN_LATIN = ['oman', 'omani', 'muscat', 'sultanate', 'salalah'];
const AMMAN_CUES = ['الأردن', 'أردني', 'الهاشمية', 'الزرقاء', 'إربد', 'العقبة', 'jordan'];
const AMMAN_LATIN = ['jordan', 'jordanian', 'amman'];

export interface SenseCues {
  readonly oman: ReadonlySet<string>;
  readonly amman: ReadonlySet<string>;
}

/** The cue tables, built with the analyser's own reduction of a word to its stem or name. */
export function buildSenseCues(reduce: (word: string) => readonly string[]): SenseCues {
  const set = (arabic: readonly string[], latin: readonly string[]) =>
    new Set([...arabic.flatMap(reduce), ...latin]);
  return { oman: set(OMAN_CUES, OMAN_LATIN), amman: set(AMMAN_CUES, AMMAN_LATIN) };
}

/** True for a token that may be either place: «عمان»، «بعمان»، «وعمان»، and Latin «amman». */
export function isAmbiguous(token: string): boolean {
  return AMBIGUOUS.test(token) || token === 'amman';
}

/** What the word's own diacritics say: shadda on the mim is Amman, damma on the ain Oman. */
function senseOfSpelling(raw: string, token: string): Sense | undefined {
  if (token === 'amman') return 'amman';
  if (raw.includes(SHADDA)) return 'amman';
  if (raw.includes(`ع${DAMMA}`)) return 'oman';
  return undefined;
}

/**
 * The sense of the text's unmarked «عمان»: the side whose cues appear, when only one does.
 * `words` holds the forms of every word of the text; an Omani adjective («العمانية») counts
 * for Oman, since «عماني» is not said of Amman.
 */
export function senseOfContext(
  words: readonly { readonly token: string; readonly forms: readonly string[] }[],
  cues: SenseCues,
): Sense | undefined {
  let oman = false;
  let amman = false;
  for (const { token, forms } of words) {
    if (isAmbiguous(token)) continue;
    if (forms.some((form) => form === OMAN || cues.oman.has(form))) oman = true;
    if (forms.some((form) => cues.amman.has(form))) amman = true;
  }
  if (oman === amman) return undefined;
  return oman ? 'oman' : 'amman';
}

/** The forms of an ambiguous word once its sense is known (or not). */
export function placedForms(
  forms: readonly string[],
  raw: string,
  token: string,
  context: Sense | undefined,
): string[] {
  const sense = senseOfSpelling(raw, token) ?? context;
  if (sense === 'oman') return forms.filter((form) => form !== AMMAN);
  if (sense === 'amman') {
    const placed = forms.filter((form) => form !== OMAN && form !== AMMAN);
    return [...placed, AMMAN];
  }
  return forms.includes(AMMAN) ? [...forms] : [...forms, AMMAN];
}
