// The outward shape of proofing in the JSON API.
import type { ProofIssue } from './proof.checker.js';
import type { NewsroomWord } from './proof.repository.js';
import type { ProofOut, WordsOut } from './proof.schema.js';

export function presentIssues(issues: readonly ProofIssue[]): ProofOut {
  return {
    issues: issues.map(({ word, start, end, suggestions }) => ({
      word,
      start,
      end,
      suggestions: [...suggestions],
    })),
  };
}

export function presentWords(words: readonly NewsroomWord[]): WordsOut {
  return {
    words: words.map((w) => ({
      word: w.word,
      addedBy: w.addedBy,
      createdAt: w.createdAt.toISOString(),
    })),
  };
}
