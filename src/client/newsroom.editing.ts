// Editing: the composer's fields (headline, body, flags) read into the draft and written back from
// it, an update loaded in to edit, the toolbar's commands and plain-text paste.
import { blocksOf, embedElement, fillEditor, SAFE_HREF } from './newsroom.blocks.js';
import {
  emptyState,
  flag,
  keepOnDevice,
  type Composer,
  type ComposerLoad,
} from './newsroom.composer.js';
import { imageFiles } from './newsroom.media.js';
import { renderSources } from './newsroom.sources.js';
import { readByline, renderContributors, writeByline } from './newsroom.contributors.js';

/** The fields into the draft. */
export function readFields(composer: Composer): void {
  const { state } = composer;
  state.headline = composer.headline.value.trim();
  state.blocks = blocksOf(composer.editor);
  state.keyEvent = flag('flag-key')?.checked ?? false;
  state.pinned = flag('flag-pinned')?.checked ?? false;
  state.breaking = flag('flag-breaking')?.checked ?? false;
  readByline(composer);
}

/** The draft into the fields. */
export function writeFields(composer: Composer): void {
  const { state } = composer;
  composer.headline.value = state.headline;
  fillEditor(composer.editor, state.blocks);
  const key = flag('flag-key');
  if (key) key.checked = state.keyEvent;
  const pin = flag('flag-pinned');
  if (pin) pin.checked = state.pinned;
  const breaking = flag('flag-breaking');
  if (breaking) breaking.checked = state.breaking;
  renderSources(composer);
  writeByline(composer);
  renderContributors(composer);
  if (composer.cancelButton) composer.cancelButton.hidden = state.editingId === null;
}

/** An empty composer, and nothing kept on this device. */
export function resetComposer(composer: Composer): void {
  document.getElementById('composer-conflict')?.remove();
  composer.state = emptyState(composer.form.dataset.myName);
  localStorage.removeItem(composer.page.storageKey);
  writeFields(composer);
}

/** The state of a composer holding this update (published: edited in place; else a draft). */
function loadedState(found: ComposerLoad, published: boolean, version: string | null) {
  return {
    ...emptyState(),
    draftId: published ? null : found.id,
    editingId: published ? found.id : null,
    headline: found.headline ?? '',
    blocks: found.blocks,
    sources: found.sources,
    keyEvent: found.keyEvent,
    pinned: found.pinned,
    breaking: found.breaking,
    byline: found.byline ?? '',
    contributors: found.contributors ?? [],
    // The version this edit starts from: sent back as If-Match, so a colleague's edit made
    // meanwhile is shown as a conflict instead of being overwritten.
    version: published ? version : null,
    savedAt: Date.now(),
  };
}

/** Loads an update (published, or a draft from the queue) into the composer. */
export async function loadUpdate(
  composer: Composer,
  id: number,
  published: boolean,
): Promise<void> {
  const { api } = composer;
  const response = published ? await api('GET', `/updates/${id}`) : await api('GET', `/drafts`);
  if (!response.ok) return;
  const found = published
    ? ((await response.json()) as ComposerLoad)
    : ((await response.json()) as { drafts: ComposerLoad[] }).drafts.find((d) => d.id === id);
  if (!found) return;
  document.getElementById('composer-conflict')?.remove();
  composer.state = loadedState(found, published, response.headers.get('etag'));
  writeFields(composer);
  keepOnDevice(composer);
  composer.editor.focus();
  composer.form.scrollIntoView({ block: 'start' });
}

/** Every edit of a field counts as a change; cancel empties the composer. */
export function bindEditing(composer: Composer): void {
  composer.editor.addEventListener('input', composer.changed);
  composer.headline.addEventListener('input', composer.changed);
  for (const id of ['flag-key', 'flag-pinned', 'flag-breaking'])
    flag(id)?.addEventListener('change', composer.changed);
  document.getElementById('composer-byline')?.addEventListener('input', composer.changed);
  composer.editor.addEventListener('paste', (event) => {
    if (imageFiles(event.clipboardData?.files).length > 0) return; // photos: newsroom.media.ts
    // Pasted formatting is not kept: plain text only, so nothing foreign enters the blocks.
    const plain = event.clipboardData?.getData('text/plain');
    if (plain !== undefined) {
      event.preventDefault();
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to insert text undoably
      document.execCommand('insertText', false, plain);
    }
  });
  composer.cancelButton?.addEventListener('click', () => {
    resetComposer(composer);
  });
}

/** Toolbar: the browser's editing commands; what they produce is read back as blocks. */
export function bindToolbar(composer: Composer): void {
  const { editor, text } = composer;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.toolbar [data-command]')) {
    button.addEventListener('mousedown', (event) => {
      event.preventDefault();
    });
    button.addEventListener('click', () => {
      editor.focus();
      const command = button.dataset.command;
      /* eslint-disable @typescript-eslint/no-deprecated -- contenteditable's editing commands
         are still the only cross-browser way; their output is read back as blocks, not stored. */
      if (command === 'bold' || command === 'italic') document.execCommand(command);
      else if (command === 'heading') document.execCommand('formatBlock', false, 'h3');
      else if (command === 'quote') document.execCommand('formatBlock', false, 'blockquote');
      else if (command === 'list') document.execCommand('insertUnorderedList');
      else if (command === 'numbered') document.execCommand('insertOrderedList');
      else if (command === 'embed') {
        const url = window.prompt(text.embed, 'https://');
        if (url && /^https?:\/\/\S+$/.test(url)) editor.appendChild(embedElement(url, url));
      } else if (command === 'link') {
        const href = window.prompt(text.link, 'https://');
        if (href && SAFE_HREF.test(href)) document.execCommand('createLink', false, href);
      }
      /* eslint-enable @typescript-eslint/no-deprecated */
      composer.changed();
    });
  }
}
