// The wire shapes of proofing: the text to check and what was found, and the newsroom's words.
import { Type, type Static } from 'typebox';
import { Slug } from '../liveblog/liveblog.schema.js';

/** Longest text one request may proof (an update is far shorter). */
export const MAX_PROOF_CHARS = 10_000;
export const MAX_WORD_CHARS = 40;

export const ProofIn = Type.Object(
  {
    text: Type.String({
      description: `The text to check, at most ${MAX_PROOF_CHARS} characters (longer: 400 text_too_long)`,
    }),
    /** The page the text is for: the names it uses are not marked. */
    liveblog: Type.Optional(Slug),
  },
  { additionalProperties: false },
);
export type ProofIn = Static<typeof ProofIn>;

export const ProofIssueOut = Type.Object({
  word: Type.String({ description: 'The word as written' }),
  start: Type.Integer({ description: 'Offset of the word in the text (UTF-16 code units)' }),
  end: Type.Integer({ description: 'Offset just after the word' }),
  suggestions: Type.Array(Type.String(), {
    description: 'What it may have meant, most likely first; may be empty',
  }),
});

export const ProofOut = Type.Object({
  issues: Type.Array(ProofIssueOut, { description: 'Likely misspellings, in text order' }),
});
export type ProofOut = Static<typeof ProofOut>;

export const WordIn = Type.Object(
  { word: Type.String({ minLength: 1, maxLength: MAX_WORD_CHARS }) },
  { additionalProperties: false },
);
export type WordIn = Static<typeof WordIn>;

export const WordParams = Type.Object(
  { word: Type.String({ minLength: 1, maxLength: MAX_WORD_CHARS }) },
  { additionalProperties: false },
);

export const WordsOut = Type.Object({
  words: Type.Array(
    Type.Object({
      word: Type.String(),
      addedBy: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type WordsOut = Static<typeof WordsOut>;
