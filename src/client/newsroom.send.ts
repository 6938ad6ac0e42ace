// Sending the draft for good: published (or scheduled) by those who may publish, submitted for
// review by the others; an edit of a published update is sent as a change to it. A lost answer
// is retried with the same Idempotency-Key, so a publish the server did make is not made twice.
import { byId } from './newsroom.page.js';
import { draftPayload, keepOnDevice, say, type Composer } from './newsroom.composer.js';
import { saveDraft, settleAutosave } from './newsroom.autosave.js';
import { readFields, resetComposer } from './newsroom.editing.js';
import { newIdempotencyKey, sendWithRetries } from './newsroom.retry.js';

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

async function sendRequest(composer: Composer): Promise<Response> {
  const { api } = composer;
  const scheduleValue = byId('schedule-at', HTMLInputElement)?.value ?? '';
  const publishAt = scheduleValue ? new Date(scheduleValue).toISOString() : undefined;
  const { editingId } = composer.state;
  if (editingId !== null) {
    // The same change applied twice is one change: no key needed to retry it.
    const payload = draftPayload(composer);
    return sendWithRetries(() => api('PATCH', `/updates/${editingId}`, payload));
  }
  await saveDraft(composer);
  const { draftId } = composer.state; // read after the save, which gives a new draft its id
  if (draftId === null) throw new Error('not saved');
  const path = `/drafts/${draftId}/${composer.canPublish ? 'publish' : 'submit'}`;
  const payload = composer.canPublish ? (publishAt ? { publishAt } : {}) : undefined;
  const key = sendingKey(composer, `${path} ${JSON.stringify(payload ?? null)}`);
  return sendWithRetries(() => api('POST', path, payload, key));
}

export async function sendDraft(composer: Composer): Promise<void> {
  const { text } = composer;
  await settleAutosave(composer);
  readFields(composer);
  if (composer.state.blocks.length === 0) {
    say(composer, text.empty);
    composer.editor.focus();
    return;
  }
  composer.sender.disabled = true;
  try {
    // The key is kept until a success (resetComposer drops it): the server keeps only
    // successes, so after a refusal the same key simply runs again.
    const response = await sendRequest(composer);
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as {
        error?: { message?: string };
      } | null;
      say(composer, problem?.error?.message ?? text.failed);
      return;
    }
    say(composer, composer.canPublish ? text.published : text.submitted);
    resetComposer(composer);
    // The desk changes in place (newsroom.live.ts), never by reload.
    document.dispatchEvent(new CustomEvent('ajil:desk-changed', { detail: {} }));
  } catch {
    say(composer, composer.state.sending ? text.unconfirmed : text.local);
  } finally {
    composer.sender.disabled = false;
  }
}

export function bindSending(composer: Composer): void {
  composer.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendDraft(composer);
  });
}
