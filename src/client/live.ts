// The live page's browser client: small, framework-free, progressive (the page is complete
// without it). It follows the page's event stream with its own reconnect loop (a browser
// EventSource gives up for good after one non-200 reply, such as a 503 during a deploy),
// falls back to polling when the stream keeps failing, and applies events without ever
// making the page jump: new updates wait hidden until the reader is at the top.
import { plural, formatRelativeTime } from '../lib/time.format.js';
import { t, isUiLocale, type UiLocale } from '../lib/i18n.messages.js';
import { EVENT_TYPES } from '../realtime/realtime.events.js';

interface UpdateEventData {
  id: number;
  revision: number;
  publishedAt: string;
  keyEvent: boolean;
  pinned: boolean;
  html: string;
  keyEventHtml?: string;
  pinnedHtml?: string;
}

interface LiveblogEventData {
  headline: string;
  standfirst: string;
  status: string;
  explainerHtml: string;
}

interface PollReply {
  lastEventId: number;
  pollInterval: number;
  reset: boolean;
  events: { id: number; type: string; data: unknown }[];
}

const STREAM_FAILURES_BEFORE_POLLING = 3;
const RETRY_STREAM_WHILE_POLLING_MS = 60_000;
const TICK_MS = 30_000;

function byId(id: string): HTMLElement | null {
  return document.getElementById(id);
}

/** Our own renderer's HTML (update.view.tsx), never reader input: the one innerHTML exception. */
function fromServerHtml(html: string): HTMLElement | null {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  const element = template.content.firstElementChild;
  return element instanceof HTMLElement ? element : null;
}

/** Share: the system sheet where the browser has one; copy-link where the clipboard is open. */
function enhanceSharing(locale: UiLocale): void {
  const m = t(locale);
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

/** On hover or focus, a time also shows the reader's own clock when their zone differs. */
function readerTimeOnHover(locale: UiLocale): void {
  const pageZone = document.body.dataset.timeZone;
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!pageZone || pageZone === readerZone) return;
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: readerZone,
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
    numberingSystem: 'latn',
  });
  const label = locale === 'ar' ? 'بتوقيتك' : 'your time';
  const show = (event: Event) => {
    const time =
      event.target instanceof Element
        ? event.target.closest<HTMLTimeElement>('time[datetime]')
        : null;
    if (!time || time.dataset.readerTime === '1') return;
    time.dataset.readerTime = '1';
    time.title = `${time.title ? `${time.title} — ` : ''}${format.format(new Date(time.dateTime))} ${label}`;
  };
  document.addEventListener('mouseover', show);
  document.addEventListener('focusin', show);
}

/**
 * Embedded posts and videos stay cards until the reader clicks; even then the provider's player
 * or script loads only if the reader has agreed to embeds, otherwise we say where to agree.
 */
function enhanceEmbeds(locale: UiLocale): void {
  const m = t(locale);
  const consented = () =>
    /(?:^|;\s*)ajil_consent=v1\.p[01]\.a[01]\.e1(?:;|$)/.test(document.cookie);
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

/** In a partner's iframe: tell the parent page our height whenever it changes. */
function reportHeight(): void {
  if (document.body.dataset.embed !== '1' || window.parent === window) return;
  // Inside a partner's page every link opens a new tab: our pages refuse to be framed.
  document.addEventListener('click', (event) => {
    const link =
      event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
    if (!link || event.defaultPrevented) return;
    event.preventDefault();
    window.open(link.href, '_blank', 'noopener');
  });
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'ajil:height', height }, '*');
  };
  new ResizeObserver(post).observe(document.body);
  post();
}

export function startLiveClient(): void {
  const body = document.body;
  const slug = body.dataset.liveblog;
  const localeAttr = body.dataset.locale ?? 'ar';
  const locale: UiLocale = isUiLocale(localeAttr) ? localeAttr : 'ar';
  const list = byId('updates');
  enhanceSharing(locale);
  readerTimeOnHover(locale);
  enhanceEmbeds(locale);
  reportHeight();
  if (!slug || !list || body.dataset.page !== '1' || body.dataset.status !== 'live') return;
  const updates: HTMLElement = list;
  const digits = body.dataset.digits === 'arab' ? 'arab' : 'latn';
  const m = t(locale);
  const baseTitle = document.title;
  let lastEventId = Number(body.dataset.lastEventId ?? '0');
  const pending = new Set<HTMLElement>();
  const pill = byId('new-updates-pill');
  const pillButton = pill?.querySelector('button') ?? null;
  const announcer = byId('live-announcer');

  // ---- Placing updates -------------------------------------------------------------------

  function streamTopVisible(): boolean {
    return updates.getBoundingClientRect().top >= -1 && document.visibilityState === 'visible';
  }

  function showPending(): void {
    const n = pending.size;
    if (n === 0) {
      if (pill) pill.hidden = true;
      document.title = baseTitle;
      return;
    }
    if (pillButton) pillButton.textContent = plural(locale, n, m.newUpdates, digits);
    if (pill) pill.hidden = false;
    document.title = `(${n}) ${baseTitle}`;
  }

  function reveal(): void {
    for (const element of pending) element.hidden = false;
    pending.clear();
    showPending();
  }

  function announce(element: HTMLElement): void {
    if (!announcer) return;
    const headline = element.querySelector('.update-headline')?.textContent;
    const text = headline ?? element.querySelector('.update-body')?.textContent ?? '';
    announcer.textContent = `${m.newUpdates.one ?? ''}: ${text.slice(0, 200)}`;
  }

  function existing(id: number): HTMLElement | null {
    return updates.querySelector<HTMLElement>(`article[data-update-id="${id}"]`);
  }

  function insertInOrder(element: HTMLElement): void {
    const published = element.dataset.published ?? '';
    for (const article of updates.querySelectorAll<HTMLElement>(':scope > article')) {
      if ((article.dataset.published ?? '') < published) {
        updates.insertBefore(element, article);
        return;
      }
    }
    updates.appendChild(element);
  }

  function setKeyEvent(data: UpdateEventData): void {
    const listElement = byId('key-events-list');
    if (!listElement) return;
    listElement.querySelector(`li[data-update-id="${data.id}"]`)?.remove();
    if (data.keyEvent && data.keyEventHtml) {
      const item = fromServerHtml(data.keyEventHtml);
      if (item) listElement.prepend(item);
    }
    const section = listElement.closest('section');
    if (section) section.hidden = listElement.children.length === 0;
  }

  function setPinned(data: UpdateEventData | { id: number }, pinnedHtml: string | undefined): void {
    const box = byId('pinned');
    if (!box) return;
    const current = box.querySelector<HTMLElement>('article');
    if (pinnedHtml) {
      const element = fromServerHtml(pinnedHtml);
      if (element) box.replaceChildren(element);
      box.hidden = false;
    } else if (current?.dataset.updateId === String(data.id)) {
      box.replaceChildren();
      box.hidden = true;
    }
  }

  function adjustCount(delta: number): void {
    const count = document.querySelector('.update-count');
    const total = Number(updates.dataset.total ?? '0') + delta;
    updates.dataset.total = String(total);
    if (count) count.textContent = `(${plural(locale, total, m.updatesCount, digits)})`;
  }

  function published(data: UpdateEventData): void {
    const old = existing(data.id);
    if (old && Number(old.dataset.revision ?? '0') >= data.revision) return; // duplicate
    const element = fromServerHtml(data.html);
    if (!element) return;
    if (old) {
      element.hidden = old.hidden;
      if (pending.delete(old)) pending.add(element);
      old.replaceWith(element);
    } else {
      const atTop = streamTopVisible();
      element.hidden = !atTop;
      insertInOrder(element);
      if (!atTop) pending.add(element);
      adjustCount(1);
      announce(element);
      document.querySelector('.no-updates')?.remove();
    }
    setKeyEvent(data);
    if (data.pinned) setPinned(data, data.pinnedHtml);
    showPending();
    tick();
  }

  function edited(data: UpdateEventData): void {
    const old = existing(data.id);
    if (!old) return; // not on this page: nothing to replace
    if (Number(old.dataset.revision ?? '0') >= data.revision) return;
    const element = fromServerHtml(data.html);
    if (!element) return;
    element.hidden = old.hidden;
    if (pending.delete(old)) pending.add(element);
    old.replaceWith(element);
    setKeyEvent(data);
    setPinned(data, data.pinned ? data.pinnedHtml : undefined);
    tick();
  }

  function deleted(data: { id: number }): void {
    const old = existing(data.id);
    if (old) {
      pending.delete(old);
      old.remove();
      adjustCount(-1);
    }
    byId('key-events-list')?.querySelector(`li[data-update-id="${data.id}"]`)?.remove();
    setPinned(data, undefined);
    showPending();
  }

  function liveblogUpdated(data: LiveblogEventData): void {
    const headline = byId('live-headline');
    if (headline) headline.textContent = data.headline;
    const standfirst = byId('live-standfirst');
    if (standfirst) standfirst.textContent = data.standfirst;
    const explainer = byId('explainer');
    const replacement = fromServerHtml(data.explainerHtml);
    if (explainer && replacement) {
      // Keep the sections the reader opened open.
      for (const open of explainer.querySelectorAll('details[open]')) {
        const same = open.id ? replacement.querySelector(`#${CSS.escape(open.id)}`) : null;
        if (same instanceof HTMLDetailsElement) same.open = true;
      }
      explainer.replaceWith(replacement);
    }
    const badge = document.querySelector('.status-badge');
    const label = { live: m.live, ended: m.ended, scheduled: m.scheduled, archived: m.archived }[
      data.status as 'live'
    ] as string | undefined;
    if (badge && label) {
      badge.textContent = label;
      badge.className = `badge status-badge status-${data.status}`;
    }
    if (data.status !== 'live') stop();
  }

  /** Too far behind to replay: take the first page afresh, without a reload. */
  async function reloadFirstPage(): Promise<void> {
    const response = await fetch(location.pathname, { headers: { accept: 'text/html' } });
    if (!response.ok) return;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const id of ['updates', 'key-events-list', 'pinned']) {
      const next = doc.getElementById(id);
      const current = byId(id);
      if (next && current) {
        current.replaceChildren(
          ...Array.from(next.childNodes, (node) => document.importNode(node, true)),
        );
        if (next.hasAttribute('hidden')) current.setAttribute('hidden', '');
        else current.removeAttribute('hidden');
      }
    }
    updates.dataset.total = doc.getElementById('updates')?.dataset.total ?? updates.dataset.total;
    adjustCount(0);
    pending.clear();
    showPending();
    lastEventId = Number(doc.body.dataset.lastEventId ?? lastEventId);
    tick();
  }

  function commentsCount(count: number): void {
    const label = document.querySelector('.comments-count');
    if (label) label.textContent = `(${plural(locale, count, m.commentsCount, digits)})`;
    document.querySelector('.no-comments')?.remove();
  }

  function commentApproved(data: { id: number; count: number; html: string }): void {
    const list = byId('comment-list');
    if (!list || list.querySelector(`[data-comment-id="${data.id}"]`)) return;
    const item = fromServerHtml(data.html);
    if (!item) return;
    if (list.dataset.order === 'oldest') list.appendChild(item);
    else list.prepend(item);
    commentsCount(data.count);
  }

  function commentRemoved(data: { id: number; count: number }): void {
    byId('comment-list')?.querySelector(`[data-comment-id="${data.id}"]`)?.remove();
    commentsCount(data.count);
  }

  function apply(type: string, seq: number | undefined, raw: unknown): void {
    if (seq !== undefined) {
      if (seq <= lastEventId && type !== 'reset') return; // already applied
      lastEventId = seq;
    }
    const data = raw as UpdateEventData;
    switch (type) {
      case 'update.published':
      case 'update.pinned':
        published(data);
        break;
      case 'update.edited':
        edited(data);
        break;
      case 'update.deleted':
        deleted(data);
        break;
      case 'update.unpinned':
        setPinned(data, undefined);
        break;
      case 'liveblog.updated':
        liveblogUpdated(raw as LiveblogEventData);
        break;
      case 'comment.approved':
        commentApproved(raw as { id: number; count: number; html: string });
        break;
      case 'comment.removed':
        commentRemoved(raw as { id: number; count: number });
        break;
      case 'reset':
        void reloadFirstPage();
        break;
      default:
        break;
    }
  }

  // ---- Transport: stream first, polling when it keeps failing -----------------------------

  let source: EventSource | null = null;
  let failures = 0;
  let stopped = false;
  let pollTimer: number | undefined;
  let retryTimer: number | undefined;

  function backoff(attempt: number): number {
    const base = Math.min(30_000, 500 * 2 ** attempt);
    return base / 2 + Math.random() * base; // jitter: a restart must not bring every reader back at once
  }

  function connect(): void {
    if (stopped) return;
    const url = `/live/${encodeURIComponent(slug ?? '')}/events?lastEventId=${lastEventId}`;
    const stream = new EventSource(url);
    source = stream;
    const handler = (event: MessageEvent<string>) => {
      failures = 0;
      const seq = event.lastEventId ? Number(event.lastEventId) : undefined;
      apply(event.type, seq, JSON.parse(event.data));
    };
    for (const type of [...EVENT_TYPES, 'reset']) {
      stream.addEventListener(type, handler);
    }
    stream.addEventListener('ready', () => {
      failures = 0;
      body.dataset.liveState = 'stream';
    });
    stream.addEventListener('shutdown', (event: MessageEvent<string>) => {
      const { retry } = JSON.parse(event.data) as { retry: number };
      stream.close();
      schedule(retry / 2 + Math.random() * retry);
    });
    stream.onerror = () => {
      // Whatever the browser would do next, we decide: close, back off, reconnect with our id.
      stream.close();
      failures++;
      body.dataset.liveState = 'retrying';
      if (failures >= STREAM_FAILURES_BEFORE_POLLING) {
        startPolling();
        return;
      }
      schedule(backoff(failures));
    };
  }

  function schedule(ms: number): void {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(connect, ms);
  }

  async function poll(): Promise<void> {
    let interval = 5_000;
    try {
      const response = await fetch(
        `/live/${encodeURIComponent(slug ?? '')}/updates.json?after=${lastEventId}`,
      );
      if (response.ok) {
        const reply = (await response.json()) as PollReply;
        interval = reply.pollInterval;
        if (reply.reset) apply('reset', reply.lastEventId, {});
        for (const event of reply.events) apply(event.type, event.id, event.data);
      }
    } catch {
      // Offline: try again after the interval.
    }
    if (!stopped && body.dataset.liveState === 'polling') {
      pollTimer = window.setTimeout(() => void poll(), interval);
    }
  }

  function startPolling(): void {
    body.dataset.liveState = 'polling';
    void poll();
    // Keep trying the stream now and then; a good connection ends polling.
    schedule(RETRY_STREAM_WHILE_POLLING_MS);
    failures = 0;
  }

  function stop(): void {
    stopped = true;
    source?.close();
    window.clearTimeout(pollTimer);
    window.clearTimeout(retryTimer);
  }

  // ---- Ticking relative times, revealing at the top ---------------------------------------

  function tick(): void {
    const now = new Date();
    for (const time of document.querySelectorAll<HTMLTimeElement>('time.update-time')) {
      const relative = formatRelativeTime(new Date(time.dateTime), now, locale, digits);
      let span = time.querySelector('.relative-time');
      if (relative === null) {
        span?.remove();
        continue;
      }
      if (!span) {
        span = document.createElement('span');
        span.className = 'relative-time';
        time.prepend(span);
      }
      if (span.textContent !== relative) span.textContent = relative;
    }
  }

  // A contents link opens the folded section it points to.
  document.addEventListener('click', (event) => {
    const link =
      event.target instanceof Element ? event.target.closest('.explainer-contents a') : null;
    const target = link ? document.getElementById(link.getAttribute('href')?.slice(1) ?? '') : null;
    if (target instanceof HTMLDetailsElement) target.open = true;
  });

  pillButton?.addEventListener('click', () => {
    reveal();
    updates.scrollIntoView({ block: 'start' });
    updates.querySelector<HTMLElement>('article')?.focus({ preventScroll: true });
  });
  const maybeReveal = () => {
    if (pending.size > 0 && streamTopVisible()) reveal();
  };
  window.addEventListener('scroll', maybeReveal, { passive: true });
  document.addEventListener('visibilitychange', maybeReveal);
  window.setInterval(tick, TICK_MS);
  tick();
  connect();
}

startLiveClient();
