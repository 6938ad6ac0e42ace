// The live blog itself changed: headline, standfirst, explainer and status, in place. A live blog
// that is no longer live stops following its events.
import { stopTransport, type LivePage } from './live.context.js';
import { byId, fromServerHtml } from './live.dom.js';

export interface LiveblogEventData {
  headline: string;
  standfirst: string;
  status: string;
  explainerHtml: string;
}

/** The new explainer in place of the old, keeping open the sections the reader opened. */
function replaceExplainer(html: string): void {
  const explainer = byId('explainer');
  const replacement = fromServerHtml(html);
  if (!explainer || !replacement) return;
  for (const open of explainer.querySelectorAll('details[open]')) {
    const same = open.id ? replacement.querySelector(`#${CSS.escape(open.id)}`) : null;
    if (same instanceof HTMLDetailsElement) same.open = true;
  }
  explainer.replaceWith(replacement);
}

export function liveblogUpdated(live: LivePage, data: LiveblogEventData): void {
  const { m } = live;
  const headline = byId('live-headline');
  if (headline) headline.textContent = data.headline;
  const standfirst = byId('live-standfirst');
  if (standfirst) standfirst.textContent = data.standfirst;
  replaceExplainer(data.explainerHtml);
  const badge = document.querySelector('.status-badge');
  const label = { live: m.live, ended: m.ended, scheduled: m.scheduled, archived: m.archived }[
    data.status as 'live'
  ] as string | undefined;
  if (badge && label) {
    badge.textContent = label;
    badge.className = `badge status-badge status-${data.status}`;
  }
  if (data.status !== 'live') stopTransport(live);
}

/** A contents link opens the folded section it points to. */
export function bindContentsLinks(): void {
  document.addEventListener('click', (event) => {
    const link =
      event.target instanceof Element ? event.target.closest('.explainer-contents a') : null;
    const target = link ? document.getElementById(link.getAttribute('href')?.slice(1) ?? '') : null;
    if (target instanceof HTMLDetailsElement) target.open = true;
  });
}
