// Preview: the draft rendered by the readers' own renderer, shown beside the composer.
import { byId } from './newsroom.page.js';
import type { Composer } from './newsroom.composer.js';
import { readFields } from './newsroom.editing.js';
import { isolatedHtml } from '../lib/text.isolate.js';
import { blocksToText } from '../blocks/blocks.schema.js';

/**
 * Without an answer from the server (offline, or an error), the draft's own text, isolated and
 * linked by the same code as the readers' renderer (text.isolate.ts), so a reporter still sees
 * where the handles and links fall. Every character is escaped by isolatedHtml.
 */
function localPreview(composer: Composer): string {
  const { headline, blocks } = composer.state;
  const paragraphs = blocksToText(blocks)
    .split(/\n{2,}/)
    .filter((text) => text.trim() !== '')
    .map((text) => `<p>${isolatedHtml(text)}</p>`)
    .join('');
  const title = headline
    ? `<h3 class="update-headline" dir="auto">${isolatedHtml(headline)}</h3>`
    : '';
  return `<article class="update">${title}<div class="update-body" dir="auto">${paragraphs}</div></article>`;
}

async function showPreview(composer: Composer): Promise<void> {
  const { state, previewPane } = composer;
  const response = await composer
    .api('POST', '/preview', {
      headline: state.headline === '' ? null : state.headline,
      blocks:
        state.blocks.length > 0
          ? state.blocks
          : [{ type: 'paragraph', content: [{ type: 'text', text: '…' }] }],
      sources: state.sources,
      keyEvent: state.keyEvent,
      breaking: state.breaking,
      byline: state.byline === '' ? null : state.byline,
    })
    .catch(() => null);
  if (!previewPane) return;
  const html = response?.ok
    ? ((await response.json()) as { html: string }).html
    : localPreview(composer);
  // The readers' renderer's own HTML (update.view.tsx), the same the live page shows; offline,
  // the local preview above, escaped by isolatedHtml.
  const template = document.createElement('template');
  template.innerHTML = html;
  previewPane.replaceChildren(template.content);
  previewPane.hidden = false;
}

export function bindPreview(composer: Composer): void {
  byId('composer-preview', HTMLElement)?.addEventListener('click', () => {
    readFields(composer);
    void showPreview(composer);
  });
}
