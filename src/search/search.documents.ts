// What search indexes of an update or an explainer section: the original text for display and
// the analysed words (forms and sound keys) of its headline and its body, each read with the
// other as context.
import type { ExplainerSection, Liveblog } from '../liveblog/liveblog.types.js';
import type { PublishedUpdate } from '../update/update.types.js';
import { blocksToText } from '../blocks/blocks.schema.js';
import { analyseWords } from './search.analyser.js';
import type { NewSearchDocument, WordForms } from './search.types.js';

/** The index tokens of each word of `text`: its forms, then its sound keys. */
export function wordsOf(text: string, context = ''): WordForms[] {
  return analyseWords(text, context).map((word) => [...word.forms, ...word.keys]);
}

export function updateDocument(update: PublishedUpdate): NewSearchDocument {
  const headline = update.headline ?? '';
  const body = blocksToText(update.blocks);
  const sources = update.sources.map((source) => source.name).join(' ');
  return {
    kind: 'update',
    liveblogId: update.liveblogId,
    updateId: update.id,
    section: null,
    publishedAt: update.publishedAt,
    keyEvent: update.keyEvent,
    headline,
    body,
    headWords: wordsOf(headline, body),
    bodyWords: [...wordsOf(body, headline), ...wordsOf(sources)],
  };
}

export function explainerDocuments(
  liveblog: Liveblog,
  sections: readonly ExplainerSection[],
  now: Date,
): NewSearchDocument[] {
  return sections.map((section): NewSearchDocument => {
    const body = blocksToText(section.blocks);
    return {
      kind: 'explainer',
      liveblogId: liveblog.id,
      updateId: null,
      section: section.position,
      publishedAt: now,
      keyEvent: false,
      headline: section.title,
      body,
      headWords: wordsOf(section.title, body),
      bodyWords: wordsOf(body, section.title),
    };
  });
}
