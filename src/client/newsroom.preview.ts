// Preview: the draft rendered by the readers' own renderer, shown beside the composer.
import { byId } from './newsroom.page.js';
import type { Composer } from './newsroom.composer.js';
import { readFields } from './newsroom.editing.js';

async function showPreview(composer: Composer): Promise<void> {
  const { state, previewPane } = composer;
  const response = await composer.api('POST', '/preview', {
    headline: state.headline === '' ? null : state.headline,
    blocks:
      state.blocks.length > 0
        ? state.blocks
        : [{ type: 'paragraph', content: [{ type: 'text', text: '…' }] }],
    sources: state.sources,
    keyEvent: state.keyEvent,
    breaking: state.breaking,
    byline: state.byline === '' ? null : state.byline,
  });
  if (!response.ok || !previewPane) return;
  const { html } = (await response.json()) as { html: string };
  // The readers' renderer's own HTML (update.view.tsx), the same the live page shows.
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
