// Sending the draft for good: published (or scheduled) by those who may publish, submitted for
// review by the others; an edit of a published update is sent as a change to it, with the
// version it was made on (If-Match), so a colleague's edit in between is never overwritten
// unseen. A lost answer is retried with the same Idempotency-Key, so a publish the server did
// make is not made twice; no network at all leaves it waiting on this device until the
// connection is back; a refusal says why; an ended session signs in again in place.
import { draftPayload, keepOnDevice, type Composer } from './newsroom.composer.js';
import { saveDraft, settleAutosave } from './newsroom.autosave.js';
import { readFields, resetComposer } from './newsroom.editing.js';
import { newIdempotencyKey, sendWithRetries } from './newsroom.retry.js';
import { clearRefusal, readProblem, sayTone, showRefusal } from './newsroom.refusal.js';
import { signInAgain } from './newsroom.signin.js';
import { showConflict } from './newsroom.conflict.js';
import { bindSchedule, scheduledInstant } from './newsroom.schedule.js';

/**
 * The key of this publish (or submission): the one already drawn for the same request if an
 * earlier press of the button got no answer, so pressing again cannot publish twice.
 */
function sendingKey(composer: Composer, request: string): string {
  const { state } = composer;
  if (state.sending?.request !== request) state.sending = { key: newIdempotencyKey(), request };
  keepOnDevice(composer);
  return state.sending.key;
}

/** The answer, or what became of the draft's save before it (already told in the status). */
type Sent = Response | 'not-saved';

async function sendRequest(composer: Composer): Promise<Sent> {
  const { api } = composer;
  // The wall time typed is the live page's, whatever zone this browser keeps.
  const publishAt = scheduledInstant();
  const { editingId, version } = composer.state;
  if (editingId !== null) {
    // The same change applied twice is one change: no key needed to retry it.
    const payload = draftPayload(composer);
    const ifMatch = version === null ? undefined : { 'if-match': version };
    return sendWithRetries(() =>
      api('PATCH', `/updates/${editingId}`, payload, undefined, ifMatch),
    );
  }
  const saved = await saveDraft(composer);
  if (saved === 'offline') throw new Error('offline');
  if (saved !== 'saved') return 'not-saved';
  const { draftId } = composer.state; // read after the save, which gives a new draft its id
  if (draftId === null) return 'not-saved';
  const path = `/drafts/${draftId}/${composer.canPublish ? 'publish' : 'submit'}`;
  const payload = composer.canPublish ? (publishAt ? { publishAt } : {}) : undefined;
  const key = sendingKey(composer, `${path} ${JSON.stringify(payload ?? null)}`);
  return sendWithRetries(() => api('POST', path, payload, key));
}

/** A refusal of the send itself: sign in again and send, the conflict view, or the reason. */
async function refused(composer: Composer, response: Response): Promise<void> {
  const words = composer.page.saving;
  if (response.status === 401) {
    sayTone(composer, 'signed-out', words.signedOut);
    if (await signInAgain(composer)) await sendDraft(composer);
    else sayTone(composer, 'signed-out', words.notSignedIn);
    return;
  }
  if (response.status === 412 && composer.state.editingId !== null) {
    await showConflict(composer, { resend: () => sendDraft(composer) });
    return;
  }
  showRefusal(composer, await readProblem(response, composer.page.locale));
}

export async function sendDraft(composer: Composer): Promise<void> {
  const { text } = composer;
  await settleAutosave(composer);
  readFields(composer);
  if (composer.state.blocks.length === 0) {
    sayTone(composer, 'refused', text.empty);
    composer.editor.focus();
    return;
  }
  composer.sender.disabled = true;
  try {
    // The key is kept until a success (resetComposer drops it): the server keeps only
    // successes, so after a refusal the same key simply runs again.
    const response = await sendRequest(composer);
    composer.state.sendOnline = false;
    keepOnDevice(composer);
    if (response === 'not-saved') return;
    if (!response.ok) {
      await refused(composer, response);
      return;
    }
    clearRefusal(composer);
    sayTone(composer, 'saved', composer.canPublish ? text.published : text.submitted);
    resetComposer(composer);
    // The desk changes in place (newsroom.live.ts), never by reload.
    document.dispatchEvent(new CustomEvent('ajil:desk-changed', { detail: {} }));
  } catch {
    // No network: it waits here, on this device, and goes (with the same key) when it is back.
    composer.state.sendOnline = true;
    keepOnDevice(composer);
    sayTone(composer, 'offline', composer.page.saving.offlineSend);
  } finally {
    composer.sender.disabled = false;
  }
}

export function bindSending(composer: Composer): void {
  bindSchedule(composer.page.locale);
  composer.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendDraft(composer);
  });
}
