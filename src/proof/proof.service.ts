// Proofing before publish: the composer (and any API client) sends an update's text, and gets
// back the likely misspellings with suggestions. Nothing is ever blocked: publishing does not
// ask. The newsroom's own words (its list, the search alias table, the page's names) pass.
import type { AppConfig } from '../platform/platform.config.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { AppError, errors } from '../platform/platform.errors.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { normalise } from '../search/search.analyser.js';
import { ALIASES } from '../search/search.aliases.js';
import { PROTECTED } from '../search/search.names.js';
import { bareWord, proofText, type ProofIssue } from './proof.checker.js';
import { createDictionary, type Dictionary } from './proof.dictionary.js';
import { createProofRepository, type NewsroomWord } from './proof.repository.js';
import { ARABIC_WORD, PROCLITICS } from './proof.rules.js';
import { MAX_PROOF_CHARS, MAX_WORD_CHARS } from './proof.schema.js';

export interface ProofInput {
  readonly text: string;
  /** The page's slug: the names it uses are not marked. */
  readonly liveblog?: string;
}

/**
 * How the word list tells two entries apart: diacritics, hamza and ta marbuta aside, so
 * «أورتاغوس» and «اورتاغوس» are one entry.
 */
export function foldWord(word: string): string {
  return normalise(bareWord(word));
}

/**
 * Every word of the search alias table and of the protected names, as written. Known words
 * are compared as written (diacritics and tatweel aside): a name with a slip in it («رئيسى»
 * for «رئيسي») is still marked.
 */
const NAMED = new Set(
  [...Object.entries(ALIASES).flatMap(([name, variants]) => [name, ...variants]), ...PROTECTED]
    .flatMap((name) => name.split(/\s+/))
    .map(bareWord),
);

function unavailable(): AppError {
  return new AppError(503, 'proofing_unavailable', {
    ar: 'التدقيق الإملائي غير متاح الآن: القاموس العربي غير مثبت على الخادم.',
    en: 'Proofing is unavailable: the Arabic dictionary is not installed on the server.',
  });
}

function tooLong(): AppError {
  return errors.validation([{ field: '/text', message: `at most ${MAX_PROOF_CHARS} characters` }], {
    ar: `النص أطول من أن يُدقَّق: الحد ${MAX_PROOF_CHARS} حرف.`,
    en: `The text is too long to proof: at most ${MAX_PROOF_CHARS} characters.`,
  });
}

/** A test that passes a word known as written, or once its proclitics are taken off. */
function knownTest(known: ReadonlySet<string>): (word: string) => boolean {
  return (word) => {
    const bare = bareWord(word);
    if (known.has(bare)) return true;
    return PROCLITICS.some((p) => bare.startsWith(p) && known.has(bare.slice(p.length)));
  };
}

export function createProofService({ db, clock }: BaseDeps, dictionary: Dictionary) {
  const repo = createProofRepository();

  async function knownWords(liveblog: string | undefined): Promise<Set<string>> {
    const listed = (await repo.words(db)).map((entry) => entry.word);
    const known = new Set([...NAMED, ...listed]);
    if (liveblog !== undefined) {
      for (const text of await repo.pageTexts(db, liveblog)) {
        for (const word of text.match(/(?:[\u0621-\u064A\u0640]|\p{Mn})+/gu) ?? []) {
          known.add(bareWord(word));
        }
      }
    }
    return known;
  }

  /** The word as the list keeps it; a 400 for anything that is not one Arabic word. */
  function checkedWord(word: string): string {
    const bare = bareWord(word.trim());
    if (bare.length < 2 || bare.length > MAX_WORD_CHARS || !ARABIC_WORD.test(bare)) {
      throw errors.validation([{ field: '/word', message: 'one Arabic word of 2 to 40 letters' }], {
        ar: 'أضف كلمة عربية واحدة من حرفين إلى أربعين حرفاً.',
        en: 'Add one Arabic word of 2 to 40 letters.',
      });
    }
    return bare;
  }

  return {
    /** The likely misspellings of a text, with suggestions. */
    async proof(actor: Actor, input: ProofInput): Promise<ProofIssue[]> {
      assertCan(actor, 'draft.write');
      if (input.text.length > MAX_PROOF_CHARS) throw tooLong();
      const checker = await dictionary.get();
      if (checker === undefined) throw unavailable();
      const isKnown = knownTest(await knownWords(input.liveblog));
      return proofText(input.text, { checker, isKnown });
    },

    /** The newsroom's word list. */
    async words(actor: Actor): Promise<NewsroomWord[]> {
      assertCan(actor, 'draft.write');
      return repo.words(db);
    },

    /** Adds a word to the list (editors); false when it was listed already. */
    async addWord(actor: Actor, word: string): Promise<boolean> {
      assertCan(actor, 'draft.review');
      const bare = checkedWord(word);
      return repo.addWord(
        db,
        { word: bare, folded: foldWord(bare), addedBy: actor.name },
        clock.now(),
      );
    },

    /** Removes a word from the list (editors). */
    async removeWord(actor: Actor, word: string): Promise<void> {
      assertCan(actor, 'draft.review');
      const removed = await repo.removeWord(db, foldWord(checkedWord(word)));
      if (!removed) throw errors.notFound({ ar: 'الكلمة', en: 'The word' });
    },
  };
}

export type ProofService = ReturnType<typeof createProofService>;

/** The proofing service of an app: its dictionary from the configuration, loaded on first use. */
export function proofServiceFor(
  deps: BaseDeps,
  config: Pick<AppConfig, 'proofDictionary'>,
): ProofService {
  return createProofService(deps, createDictionary(config.proofDictionary));
}
