// The Arabic spelling dictionary: Debian's hunspell-ar (the .aff and .dic files named by
// PROOF_DICTIONARY) run by Hunspell itself, compiled to WebAssembly (hunspell-asm).
//
// Why not nspell: nspell expands every affixed form of every stem into memory when it loads,
// and does not read the flag aliases (AF) the Arabic dictionary is written with. Read as it is,
// it accepts only the bare stems («المدرسة» and «قالت» come out misspelt); with the aliases
// expanded it needs about 20 s and 650 MB for the suffixes alone, before any prefix. Hunspell
// strips affixes when it checks a word instead, so it loads in under a second in about 80 MB.
//
// Loaded once, on the first proofing request, never at start-up; a missing dictionary makes
// proofing unavailable (and is looked for again a minute later), the rest of the app unchanged.
import { readFile } from 'node:fs/promises';
import { loadModule } from 'hunspell-asm';

export interface SpellChecker {
  /** True for a word the dictionary accepts. */
  spell(word: string): boolean;
  /** The dictionary's own suggestions (slow on long words: call sparingly). */
  suggest(word: string): string[];
}

export interface Dictionary {
  /** The checker, loading it on first use; undefined when the dictionary is not there. */
  get(): Promise<SpellChecker | undefined>;
}

/** How long a missing dictionary is taken as missing before it is looked for again. */
const RETRY_MS = 60_000;

async function load(basePath: string): Promise<SpellChecker | undefined> {
  let aff: Buffer;
  let dic: Buffer;
  try {
    [aff, dic] = await Promise.all([readFile(`${basePath}.aff`), readFile(`${basePath}.dic`)]);
  } catch {
    return undefined;
  }
  // The WebAssembly module installs a process-wide uncaughtException handler of its own (it
  // rethrows, printing its whole minified source); the app keeps its own handling instead.
  const before = new Set(process.listeners('uncaughtException'));
  const factory = await loadModule();
  for (const listener of process.listeners('uncaughtException')) {
    if (!before.has(listener)) process.removeListener('uncaughtException', listener);
  }
  const hunspell = factory.create(
    factory.mountBuffer(aff, 'proof.aff'),
    factory.mountBuffer(dic, 'proof.dic'),
  );
  return {
    spell: (word) => hunspell.spell(word),
    suggest: (word) => hunspell.suggest(word),
  };
}

/** The dictionary at `basePath` (without .aff/.dic), or none when `basePath` is undefined. */
export function createDictionary(
  basePath: string | undefined,
  now: () => number = Date.now,
): Dictionary {
  let loading: Promise<SpellChecker | undefined> | undefined;
  let missingSince = 0;
  return {
    async get() {
      if (basePath === undefined) return undefined;
      if (loading === undefined || (missingSince > 0 && now() - missingSince > RETRY_MS)) {
        missingSince = 0;
        loading = load(basePath);
      }
      const checker = await loading;
      if (checker === undefined && missingSince === 0) missingSince = now();
      return checker;
    },
  };
}
