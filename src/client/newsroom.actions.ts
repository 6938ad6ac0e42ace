// Desk actions on queued and published updates: edit in the composer, delete, pin, mark as a key
// event, publish a draft, return it to its reporter with a note.
import { say, type Composer } from './newsroom.composer.js';
import { loadUpdate } from './newsroom.editing.js';
import { readProblem, showRefusal } from './newsroom.refusal.js';

/** The request for one action, or null when there is none to make (cancelled, or done here). */
async function runAction(
  composer: Composer,
  action: string | undefined,
  id: number,
  isPublished: boolean,
  version: string | undefined,
): Promise<Response | null> {
  const { api, text } = composer;
  switch (action) {
    case 'edit':
      await loadUpdate(composer, id, isPublished);
      return null;
    case 'delete':
      if (!window.confirm(text.confirm)) return null;
      // Only the version shown here: a colleague's edit since is a 412, never deleted unseen.
      if (!isPublished) return api('DELETE', `/drafts/${id}`);
      return api('DELETE', `/updates/${id}`, undefined, undefined, {
        ...(version && { 'if-match': version }),
      });
    case 'pin':
    case 'unpin':
      return api('PATCH', `/updates/${id}`, { pinned: action === 'pin' });
    case 'key':
    case 'unkey':
      return api('PATCH', `/updates/${id}`, { keyEvent: action === 'key' });
    case 'publish-draft':
      return api('POST', `/drafts/${id}/publish`, {});
    case 'return': {
      const note = window.prompt(text.note);
      if (!note) return null;
      return api('POST', `/drafts/${id}/return`, { note });
    }
    default:
      return null;
  }
}

export function bindDeskActions(composer: Composer): void {
  document.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element
        ? event.target.closest<HTMLButtonElement>('[data-action]')
        : null;
    const item = button?.closest<HTMLElement>('[data-update-id]');
    if (!button || !item) return;
    const id = Number(item.dataset.updateId);
    const isPublished = item.dataset.status === 'published';
    void (async () => {
      const { action } = button.dataset;
      const response = await runAction(composer, action, id, isPublished, item.dataset.version);
      if (!response) return;
      // The desk changes in place (newsroom.live.ts), never by reload.
      if (response.ok)
        document.dispatchEvent(new CustomEvent('ajil:desk-changed', { detail: { id } }));
      else if (response.status === 412 || response.status === 400)
        showRefusal(composer, await readProblem(response, composer.page.locale));
      else say(composer, composer.text.failed);
    })();
  });
}
