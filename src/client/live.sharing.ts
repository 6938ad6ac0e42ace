// Sharing: the system share sheet where the browser has one; copy-link where the clipboard is open.
import type { UiLocale } from '../lib/i18n.messages.js';
import { liveText } from '../lib/i18n.live.messages.js';

/** Share: the system sheet where the browser has one; copy-link where the clipboard is open. */
export function enhanceSharing(locale: UiLocale): void {
  const m = liveText(locale);
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const summary = target?.closest('details.share > summary');
    const menu = summary?.parentElement;
    if (summary && menu instanceof HTMLElement && typeof navigator.share === 'function') {
      event.preventDefault();
      void navigator
        .share({
          title: menu.dataset.shareTitle ?? document.title,
          url: menu.dataset.shareUrl ?? location.href,
        })
        .catch(() => undefined);
      return;
    }
    const copy = target?.closest<HTMLButtonElement>('button.copy-link');
    if (copy?.dataset.copy) {
      void navigator.clipboard.writeText(copy.dataset.copy).then(() => {
        copy.textContent = m.linkCopied;
      });
    }
  });
  if (typeof navigator.clipboard === 'object') {
    for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy-link'))
      button.hidden = false;
  }
}
