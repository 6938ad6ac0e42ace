// Embedded posts and videos on the live page: cards until the reader asks, and then only with
// their consent to embeds.
import type { UiLocale } from '../lib/i18n.messages.js';
import { liveText } from '../lib/i18n.live.messages.js';

/**
 * Embedded posts and videos stay cards until the reader clicks; even then the provider's player
 * or script loads only if the reader has agreed to embeds, otherwise we say where to agree.
 */
export function enhanceEmbeds(locale: UiLocale): void {
  const m = liveText(locale);
  const consented = () =>
    /(?:^|;\s*)ajil_consent=v1\.p[01]\.a[01]\.e1(?:\.n[01])?(?:;|$)/.test(document.cookie);
  const reveal = (root: ParentNode) => {
    for (const button of root.querySelectorAll<HTMLButtonElement>(
      '.embed-card .embed-load[hidden]',
    )) {
      button.hidden = false;
      // Only once per button: the observer below must not be woken by our own change forever.
      if (button.textContent !== m.embedLoad) button.textContent = m.embedLoad;
    }
  };
  reveal(document);
  new MutationObserver(() => {
    reveal(document);
  }).observe(document.body, { childList: true, subtree: true });
  document.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element
        ? event.target.closest<HTMLButtonElement>('.embed-card .embed-load')
        : null;
    const card = button?.closest<HTMLElement>('.embed-card');
    if (!button || !card) return;
    if (!consented()) {
      const note = card.querySelector('.embed-consent') ?? document.createElement('p');
      note.className = 'embed-consent';
      const link = document.createElement('a');
      link.href = `/consent?back=${encodeURIComponent(location.pathname + location.search)}`;
      link.textContent = m.embedConsent;
      note.replaceChildren(link);
      card.appendChild(note);
      return;
    }
    const url = card.dataset.url ?? '';
    if (card.dataset.provider === 'youtube' && card.dataset.videoId) {
      const frame = document.createElement('iframe');
      frame.src = `https://www.youtube-nocookie.com/embed/${encodeURIComponent(card.dataset.videoId)}?autoplay=1`;
      frame.title = card.querySelector('.embed-title')?.textContent ?? 'YouTube';
      frame.allow = 'autoplay; encrypted-media; picture-in-picture';
      frame.allowFullscreen = true;
      frame.className = 'embed-frame';
      card.replaceChildren(frame);
    } else if (card.dataset.provider === 'x') {
      const quote = document.createElement('blockquote');
      quote.className = 'twitter-tweet';
      const link = document.createElement('a');
      link.href = url;
      link.textContent = url;
      quote.appendChild(link);
      card.replaceChildren(quote);
      const script = document.createElement('script');
      script.src = 'https://platform.twitter.com/widgets.js';
      script.async = true;
      document.head.appendChild(script);
    }
  });
}
