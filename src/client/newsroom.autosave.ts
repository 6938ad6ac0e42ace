// Autosave and the offline queue: every change is kept on this device at once and sent to the
// server a moment later; what could not be sent goes when the connection is back, and what this
// device kept (a crashed tab, a lost connection) comes back when the desk is opened again.
import {
  keepOnDevice,
  draftPayload,
  type Composer,
  type ComposerLoad,
  type ComposerState,
} from './newsroom.composer.js';
import { loadUpdate, readFields, writeFields } from './newsroom.editing.js';
import { newIdempotencyKey, sendWithRetries } from './newsroom.retry.js';
import { clearRefusal, readProblem, sayTone, showRefusal } from './newsroom.refusal.js';
import { signInAgain } from './newsroom.signin.js';

const AUTOSAVE_MS = 3_000;

/** Where a save ended: on the server, nowhere to save, no network, refused, or signed out. */
export type SaveOutcome = 'saved' | 'nothing' | 'offline' | 'refused' | 'signed-out';

/** A definite refusal from the server, carrying its answer. */
class Refused extends Error {
  constructor(readonly response: Response) {
    super(String(response.status));
  }
}

/**
 * A new draft's first save. Its key and payload are drawn once and kept with the draft (on this
 * device too), so every retry, even after a reload, is the same request: if an earlier attempt
 * reached the server and only its answer was lost, this one gets that answer, not a second draft.
 */
async function createDraft(
  composer: Composer,
  state: ComposerState,
): Promise<{ id: number; upToDate: boolean }> {
  state.creating ??= { key: newIdempotencyKey(), payload: draftPayload(composer) };
  keepOnDevice(composer);
  const { key, payload } = state.creating;
  const response = await sendWithRetries(() => composer.api('POST', '/drafts', payload, key));
  // Refused for good (not a lost answer): the next save starts afresh with the draft as it is.
  if (!response.ok && response.status < 500) state.creating = null;
  if (!response.ok) throw new Refused(response);
  const created = (await response.json()) as { id: number };
  state.draftId = created.id;
  state.creating = null;
  // False when the writer typed on while the first save was on its way (or after it was lost).
  const upToDate = JSON.stringify(payload) === JSON.stringify(draftPayload(composer));
  return { id: created.id, upToDate };
}

/** The draft to the server: created on its first save, then replaced whole. */
async function sendToServer(composer: Composer): Promise<'saved' | 'moved-on'> {
  const state = composer.state;
  const created = state.draftId === null ? await createDraft(composer, state) : undefined;
  if (composer.state !== state) return 'moved-on'; // another update was loaded meanwhile
  const draftId = created?.id ?? state.draftId;
  if (!created?.upToDate && draftId !== null) {
    const response = await composer.api('PUT', `/drafts/${draftId}`, draftPayload(composer));
    if (!response.ok) throw new Refused(response);
  }
  return 'saved';
}

/**
 * After a refusal: an ended session asks to sign in again in place and then saves once more;
 * anything else shows the server's own message beside the field it names. The text stays.
 */
async function afterRefusal(composer: Composer, response: Response): Promise<SaveOutcome> {
  if (response.status === 401) {
    sayTone(composer, 'signed-out', composer.page.saving.signedOut);
    if (await signInAgain(composer)) return saveDraft(composer);
    sayTone(composer, 'signed-out', composer.page.saving.notSignedIn);
    return 'signed-out';
  }
  showRefusal(composer, await readProblem(response, composer.page.locale));
  return 'refused';
}

/**
 * Sends the draft to the server and says truthfully where it is: saved; kept on this device
 * because the network is down (sent when it is back); or refused, with the server's reason.
 * It is kept on this device whatever happens.
 */
export async function saveDraft(composer: Composer): Promise<SaveOutcome> {
  readFields(composer);
  keepOnDevice(composer);
  // composer.state is read afresh after each wait: another update may have been loaded meanwhile.
  if (composer.state.editingId !== null) return 'nothing'; // edits of published updates go on publish
  if (composer.state.blocks.length === 0 && composer.state.headline === '') return 'nothing';
  try {
    if ((await sendToServer(composer)) === 'moved-on') return 'nothing';
    composer.state.dirty = false;
    composer.state.savedAt = Date.now();
    keepOnDevice(composer);
    clearRefusal(composer);
    sayTone(composer, 'saved', composer.text.saved);
    return 'saved';
  } catch (error) {
    composer.state.dirty = true;
    keepOnDevice(composer);
    if (error instanceof Refused) return afterRefusal(composer, error.response);
    sayTone(composer, 'offline', composer.page.saving.offline);
    return 'offline';
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

/** What waits for the network goes when it is back: the pending publish, else the draft. */
function sendWhatWaits(composer: Composer): void {
  if (composer.saving || composer.signingIn) return;
  if (composer.state.sendOnline) composer.form.requestSubmit();
  else if (composer.state.dirty) void saveDraft(composer);
}

/** How often to try again while the status says "no connection", in case no event comes. */
const OFFLINE_RETRY_MS = 10_000;

export function bindAutosave(composer: Composer): void {
  window.addEventListener('online', () => {
    sendWhatWaits(composer);
  });
  window.setInterval(() => {
    if (composer.status.dataset.tone === 'offline' && navigator.onLine) sendWhatWaits(composer);
  }, OFFLINE_RETRY_MS);
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
      if (composer.state.sendOnline) composer.form.requestSubmit();
      else if (composer.state.dirty || composer.state.draftId === null) void saveDraft(composer);
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
