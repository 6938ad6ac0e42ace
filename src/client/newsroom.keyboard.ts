// Keyboard shortcuts: Ctrl+Enter (Cmd+Enter on a Mac) anywhere in the composer sends the draft.
import type { Composer } from './newsroom.composer.js';
import { sendDraft } from './newsroom.send.js';

export function bindShortcuts(composer: Composer): void {
  composer.form.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void sendDraft(composer);
    }
  });
}
