// A comment refused by the throttle comes back with its text in the form and how long to wait
// (comment.view.tsx). Here the wait counts down and the send button waits with it, so the
// reader sends when it can be accepted, without losing a word.
import type { UiLocale } from '../lib/i18n.messages.js';
import { commentWaitText } from '../lib/i18n.live.messages.js';

export function bindCommentWait(locale: UiLocale): void {
  const wait = document.querySelector<HTMLElement>('.comment-wait[data-retry-after]');
  const button = document.querySelector<HTMLButtonElement>('form.comment-form [type="submit"]');
  const seconds = Number(wait?.dataset.retryAfter ?? '0');
  if (!wait || !button || !(seconds > 0)) return;
  const digits = document.body.dataset.digits === 'arab' ? 'arab' : 'latn';
  const until = Date.now() + seconds * 1000;
  button.disabled = true;
  const tick = () => {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) {
      button.disabled = false;
      wait.hidden = true;
      return;
    }
    wait.textContent = commentWaitText(locale, left, digits);
    window.setTimeout(tick, 1000);
  };
  tick();
}
