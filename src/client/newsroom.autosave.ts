// Autosave and the offline queue: every change is kept on this device at once and sent to the
// server a moment later; what could not be sent goes when the connection is back, and what this
// device kept (a crashed tab, a lost connection) comes back when the desk is opened again.
import {
  keepOnDevice,
  draftPayload,
  say,
  type Composer,
  type ComposerLoad,
  type ComposerState,
} from './newsroom.composer.js';
import { loadUpdate, readFields, writeFields } from './newsroom.editing.js';

const AUTOSAVE_MS = 3_000;

/** Sends the draft to the server; keeps it on this device whatever happens. */
export async function saveDraft(composer: Composer): Promise<void> {
  readFields(composer);
  keepOnDevice(composer);
  const { api, text } = composer;
  // composer.state is read afresh after each wait: another update may have been loaded meanwhile.
  if (composer.state.editingId !== null) return; // edits of published updates go on publish only
  if (composer.state.blocks.length === 0 && composer.state.headline === '') return;
  try {
    const { draftId } = composer.state;
    const response =
      draftId === null
        ? await api('POST', '/drafts', draftPayload(composer))
        : await api('PUT', `/drafts/${draftId}`, draftPayload(composer));
    if (!response.ok) throw new Error(String(response.status));
    const saved = (await response.json()) as { id: number };
    composer.state.draftId = saved.id;
    composer.state.dirty = false;
    composer.state.savedAt = Date.now();
    keepOnDevice(composer);
    say(composer, text.saved);
  } catch {
    composer.state.dirty = true;
    keepOnDevice(composer);
    say(composer, text.local);
  }
}

function saveSoon(composer: Composer): void {
  window.clearTimeout(composer.timer);
  composer.timer = window.setTimeout(() => {
    composer.saving = saveDraft(composer).finally(() => {
      composer.saving = null;
    });
  }, AUTOSAVE_MS);
}

/** After an edit: the draft is changed, kept here at once and saved soon. */
export function noteChange(composer: Composer): void {
  composer.state.dirty = true;
  readFields(composer);
  keepOnDevice(composer);
  saveSoon(composer);
}

/** Cancels the pending autosave and waits for the one in flight, before sending for good. */
export async function settleAutosave(composer: Composer): Promise<void> {
  window.clearTimeout(composer.timer);
  if (composer.saving) await composer.saving;
}

export function bindAutosave(composer: Composer): void {
  window.addEventListener('online', () => {
    if (composer.state.dirty) void saveDraft(composer);
  });
  window.addEventListener('beforeunload', () => {
    readFields(composer);
    keepOnDevice(composer);
  });
}

/**
 * What this device kept comes back and is sent again; else the newest of my own drafts on the
 * server, so a new device continues where I was.
 */
export function restoreDraft(composer: Composer): void {
  const { storageKey } = composer.page;
  const kept = localStorage.getItem(storageKey);
  if (kept) {
    try {
      composer.state = { ...composer.state, ...(JSON.parse(kept) as Partial<ComposerState>) };
      writeFields(composer);
      if (composer.state.dirty || composer.state.draftId === null) void saveDraft(composer);
    } catch {
      localStorage.removeItem(storageKey);
    }
  } else {
    void continueNewestDraft(composer);
  }
}

async function continueNewestDraft(composer: Composer): Promise<void> {
  const response = await composer.api('GET', '/drafts');
  if (!response.ok) return;
  const { drafts } = (await response.json()) as {
    drafts: (ComposerLoad & { status: string; author: string })[];
  };
  const mine = document.querySelector<HTMLElement>(
    '#queue [data-status="draft"], .desk-list [data-status="draft"]',
  );
  const first = mine ? drafts.find((d) => String(d.id) === mine.dataset.updateId) : undefined;
  if (first) await loadUpdate(composer, first.id, false);
}
