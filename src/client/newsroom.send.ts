// Sending the draft for good: published (or scheduled) by those who may publish, submitted for
// review by the others; an edit of a published update is sent as a change to it.
import { byId } from './newsroom.page.js';
import { draftPayload, say, type Composer } from './newsroom.composer.js';
import { saveDraft, settleAutosave } from './newsroom.autosave.js';
import { readFields, resetComposer } from './newsroom.editing.js';

async function sendRequest(composer: Composer): Promise<Response> {
  const { api } = composer;
  const scheduleValue = byId('schedule-at', HTMLInputElement)?.value ?? '';
  const publishAt = scheduleValue ? new Date(scheduleValue).toISOString() : undefined;
  const { editingId } = composer.state;
  if (editingId !== null) return api('PATCH', `/updates/${editingId}`, draftPayload(composer));
  await saveDraft(composer);
  const { draftId } = composer.state; // read after the save, which gives a new draft its id
  if (draftId === null) throw new Error('not saved');
  return composer.canPublish
    ? api('POST', `/drafts/${draftId}/publish`, publishAt ? { publishAt } : {})
    : api('POST', `/drafts/${draftId}/submit`);
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
    location.reload();
  } catch {
    say(composer, text.local);
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
