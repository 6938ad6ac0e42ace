// The newsroom desk: a rich-text composer that produces structured blocks (never HTML), drafts
// that autosave to the server and to this device, Ctrl+Enter to publish (or submit), a preview
// from the readers' own renderer, and in-place controls on published updates.
import type { Block, Inline } from '../update/update.blocks.js';
import { startProofing } from './newsroom.proof.js';

interface Source {
  name: string;
  kind: string;
  url?: string;
}

interface ComposerState {
  draftId: number | null;
  editingId: number | null;
  headline: string;
  blocks: Block[];
  sources: Source[];
  keyEvent: boolean;
  pinned: boolean;
  breaking: boolean;
  savedAt: number;
  dirty: boolean;
}

const AUTOSAVE_MS = 3_000;

function emptyState(): ComposerState {
  return {
    draftId: null,
    editingId: null,
    headline: '',
    blocks: [],
    sources: [],
    keyEvent: false,
    pinned: false,
    breaking: false,
    savedAt: 0,
    dirty: false,
  };
}
const SAFE_HREF = /^(https?:\/\/|mailto:)\S+$/i;

const body = document.body;
const slug = body.dataset.liveblog ?? '';
const userId = body.dataset.userId ?? '';
const locale = body.dataset.locale === 'en' ? 'en' : 'ar';
const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
const storageKey = `ajil-draft:${slug}:${userId}`;

const text = {
  ar: {
    saved: 'حُفظت المسودة',
    local: 'حُفظت على هذا الجهاز، وسترسل عند عودة الاتصال',
    published: 'نُشر التحديث',
    submitted: 'أُرسل للمراجعة',
    failed: 'تعذّر الحفظ',
    empty: 'اكتب نص التحديث أولًا',
    link: 'الرابط (https://…)',
    note: 'ملاحظتك للمراسل',
    confirm: 'حذف هذا التحديث من الصفحة ومن شاشات القراء؟',
    remove: 'إزالة',
    alt: 'وصف الصورة لمن لا يراها (مطلوب)',
    credit: 'مصدر الصورة (مطلوب)',
    uploading: 'جارٍ رفع الصورة…',
    embed: 'رابط منشور إكس أو فيديو يوتيوب أو صفحة',
  },
  en: {
    saved: 'Draft saved',
    local: 'Saved on this device; will be sent when the connection is back',
    published: 'Update published',
    submitted: 'Submitted for review',
    failed: 'Could not save',
    empty: 'Write the update first',
    link: 'Link (https://…)',
    note: 'Your note to the reporter',
    confirm: "Delete this update from the page and from readers' screens?",
    remove: 'Remove',
    alt: 'Describe the photo for people who cannot see it (required)',
    credit: 'Photo credit (required)',
    uploading: 'Uploading the photo…',
    embed: 'Address of a post on X, a YouTube video or a page',
  },
}[locale];

function byId<T extends HTMLElement>(id: string, type: new () => T): T | null {
  const element = document.getElementById(id);
  return element instanceof type ? element : null;
}

async function api(method: string, path: string, payload?: unknown): Promise<Response> {
  return fetch(`/api/v1/liveblogs/${encodeURIComponent(slug)}${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      'x-csrf-token': csrf,
      ...(payload !== undefined && { 'content-type': 'application/json' }),
    },
    ...(payload !== undefined && { body: JSON.stringify(payload) }),
  });
}

// ---- Rich text ⇄ blocks ----------------------------------------------------------------------

function inlinesOf(node: Node, marks: { bold?: boolean; italic?: boolean } = {}): Inline[] {
  const out: Inline[] = [];
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      const value = child.textContent ?? '';
      if (value)
        out.push({
          type: 'text',
          text: value,
          ...(marks.bold && { bold: true }),
          ...(marks.italic && { italic: true }),
        });
    } else if (child instanceof HTMLElement) {
      const tag = child.tagName;
      if (tag === 'BR') out.push({ type: 'text', text: ' ' });
      else if (tag === 'A') {
        const href = child.getAttribute('href') ?? '';
        const label = child.textContent;
        if (SAFE_HREF.test(href) && label.trim()) out.push({ type: 'link', text: label, href });
        else if (label) out.push({ type: 'text', text: label });
      } else {
        const bold =
          marks.bold === true ||
          tag === 'B' ||
          tag === 'STRONG' ||
          child.style.fontWeight === 'bold';
        const italic =
          marks.italic === true ||
          tag === 'I' ||
          tag === 'EM' ||
          child.style.fontStyle === 'italic';
        out.push(...inlinesOf(child, { bold, italic }));
      }
    }
  }
  // Merge neighbours with the same marks, so the stored blocks stay small.
  const merged: Inline[] = [];
  for (const inline of out) {
    const last = merged[merged.length - 1];
    if (
      last?.type === 'text' &&
      inline.type === 'text' &&
      last.bold === inline.bold &&
      last.italic === inline.italic
    ) {
      last.text += inline.text;
    } else merged.push(inline);
  }
  return merged;
}

function hasText(inlines: Inline[]): boolean {
  return inlines.some((inline) => inline.text.trim() !== '');
}

function blocksOf(editor: HTMLElement): Block[] {
  const blocks: Block[] = [];
  let loose: Node[] = [];
  const flush = () => {
    if (loose.length === 0) return;
    const holder = document.createElement('p');
    for (const node of loose) holder.appendChild(node.cloneNode(true));
    const content = inlinesOf(holder);
    if (hasText(content)) blocks.push({ type: 'paragraph', content });
    loose = [];
  };
  for (const child of Array.from(editor.childNodes)) {
    const tag = child instanceof HTMLElement ? child.tagName : '';
    if (child instanceof HTMLElement && child.dataset.photoId) {
      flush();
      blocks.push({ type: 'image', photoId: child.dataset.photoId });
    } else if (child instanceof HTMLElement && child.dataset.embedUrl) {
      flush();
      blocks.push({ type: 'embed', url: child.dataset.embedUrl });
    } else if (tag === 'P' || tag === 'DIV') {
      flush();
      const content = inlinesOf(child);
      if (hasText(content)) blocks.push({ type: 'paragraph', content });
    } else if (/^H[1-6]$/.test(tag)) {
      flush();
      const value = (child.textContent ?? '').trim();
      if (value) blocks.push({ type: 'heading', text: value.slice(0, 300) });
    } else if (tag === 'BLOCKQUOTE') {
      flush();
      const content = inlinesOf(child);
      if (hasText(content)) blocks.push({ type: 'quote', content });
    } else if (tag === 'UL' || tag === 'OL') {
      flush();
      const items = Array.from((child as HTMLElement).querySelectorAll(':scope > li'))
        .map((li) => inlinesOf(li))
        .filter(hasText);
      if (items.length > 0) blocks.push({ type: 'list', ordered: tag === 'OL', items });
    } else {
      loose.push(child);
    }
  }
  flush();
  return blocks;
}

function inlineNode(inline: Inline): Node {
  if (inline.type === 'link') {
    const a = document.createElement('a');
    a.href = inline.href;
    a.textContent = inline.text;
    return a;
  }
  let node: Node = document.createTextNode(inline.text);
  if (inline.italic) {
    const em = document.createElement('em');
    em.appendChild(node);
    node = em;
  }
  if (inline.bold) {
    const strong = document.createElement('strong');
    strong.appendChild(node);
    node = strong;
  }
  return node;
}

/** A photo in the composer: not editable text, read back as an image block by its id. */
function photoElement(photoId: string, alt: string, width: number | undefined): HTMLElement {
  const figure = document.createElement('figure');
  figure.contentEditable = 'false';
  figure.dataset.photoId = photoId;
  const img = document.createElement('img');
  img.src = `/media/${photoId}-${width ?? 480}.jpg`;
  img.alt = alt;
  img.className = 'composer-photo';
  figure.appendChild(img);
  return figure;
}

/** An embed in the composer: a card with its address, read back as an embed block. */
function embedElement(url: string, title: string): HTMLElement {
  const card = document.createElement('div');
  card.contentEditable = 'false';
  card.className = 'composer-embed';
  card.dataset.embedUrl = url;
  card.textContent = `🔗 ${title}`;
  return card;
}

function fillEditor(editor: HTMLElement, blocks: readonly Block[]): void {
  editor.replaceChildren();
  for (const block of blocks) {
    let element: HTMLElement;
    if (block.type === 'heading') {
      element = document.createElement('h3');
      element.textContent = block.text;
    } else if (block.type === 'list') {
      element = document.createElement(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const li = document.createElement('li');
        for (const inline of item) li.appendChild(inlineNode(inline));
        element.appendChild(li);
      }
    } else if (block.type === 'image') {
      element = photoElement(block.photoId, block.alt ?? '', block.widths?.[0]);
    } else if (block.type === 'embed') {
      element = embedElement(block.url, block.title ?? block.url);
    } else {
      element = document.createElement(block.type === 'quote' ? 'blockquote' : 'p');
      for (const inline of block.content) element.appendChild(inlineNode(inline));
    }
    editor.appendChild(element);
  }
}

// ---- The composer ------------------------------------------------------------------------

function startComposer(): void {
  const form = byId('composer', HTMLFormElement);
  const editor = byId('composer-body', HTMLElement);
  const headline = byId('composer-headline', HTMLInputElement);
  const sourcesList = byId('composer-sources', HTMLUListElement);
  const status = byId('composer-status', HTMLElement);
  const sendButton = byId('composer-send', HTMLButtonElement);
  const cancelButton = byId('composer-cancel', HTMLButtonElement);
  const previewPane = byId('composer-preview-pane', HTMLElement);
  if (!form || !editor || !headline || !sourcesList || !status || !sendButton) return;
  const composerForm: HTMLFormElement = form;
  const body: HTMLElement = editor;
  const headlineInput: HTMLInputElement = headline;
  const sourceList: HTMLUListElement = sourcesList;
  const statusLine: HTMLElement = status;
  const sender: HTMLButtonElement = sendButton;
  const canPublish = form.dataset.canPublish === 'true';
  const flag = (id: string) => byId(id, HTMLInputElement);

  let state: ComposerState = emptyState();
  let saving: Promise<void> | null = null;
  let timer: number | undefined;

  function say(message: string): void {
    statusLine.textContent = message;
  }

  function renderSources(): void {
    sourceList.replaceChildren(
      ...state.sources.map((source, index) => {
        const li = document.createElement('li');
        const name = document.createElement('bdi');
        name.textContent = source.name;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = '×';
        remove.setAttribute('aria-label', `${text.remove} ${source.name}`);
        remove.addEventListener('click', () => {
          state.sources.splice(index, 1);
          renderSources();
          changed();
        });
        li.append(name, ' ', remove);
        return li;
      }),
    );
  }

  function read(): void {
    state.headline = headlineInput.value.trim();
    state.blocks = blocksOf(body);
    state.keyEvent = flag('flag-key')?.checked ?? false;
    state.pinned = flag('flag-pinned')?.checked ?? false;
    state.breaking = flag('flag-breaking')?.checked ?? false;
  }

  function write(): void {
    headlineInput.value = state.headline;
    fillEditor(body, state.blocks);
    const key = flag('flag-key');
    if (key) key.checked = state.keyEvent;
    const pin = flag('flag-pinned');
    if (pin) pin.checked = state.pinned;
    const breaking = flag('flag-breaking');
    if (breaking) breaking.checked = state.breaking;
    renderSources();
    if (cancelButton) cancelButton.hidden = state.editingId === null;
  }

  function keepLocally(): void {
    localStorage.setItem(storageKey, JSON.stringify(state));
  }

  function payload() {
    return {
      headline: state.headline === '' ? null : state.headline,
      blocks: state.blocks,
      sources: state.sources,
      keyEvent: state.keyEvent,
      ...(canPublish && { pinned: state.pinned }),
      breaking: state.breaking,
    };
  }

  /** Sends the draft to the server; keeps it on this device whatever happens. */
  async function save(): Promise<void> {
    read();
    keepLocally();
    if (state.editingId !== null) return; // edits of published updates are sent on publish only
    if (state.blocks.length === 0 && state.headline === '') return;
    try {
      const response =
        state.draftId === null
          ? await api('POST', '/drafts', payload())
          : await api('PUT', `/drafts/${state.draftId}`, payload());
      if (!response.ok) throw new Error(String(response.status));
      const saved = (await response.json()) as { id: number };
      state.draftId = saved.id;
      state.dirty = false;
      state.savedAt = Date.now();
      keepLocally();
      say(text.saved);
    } catch {
      state.dirty = true;
      keepLocally();
      say(text.local);
    }
  }

  function saveSoon(): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      saving = save().finally(() => {
        saving = null;
      });
    }, AUTOSAVE_MS);
  }

  function changed(): void {
    state.dirty = true;
    read();
    keepLocally();
    saveSoon();
  }

  function reset(): void {
    state = emptyState();
    localStorage.removeItem(storageKey);
    write();
  }

  async function send(): Promise<void> {
    window.clearTimeout(timer);
    if (saving) await saving;
    read();
    if (state.blocks.length === 0) {
      say(text.empty);
      body.focus();
      return;
    }
    sender.disabled = true;
    try {
      let response: Response;
      const scheduleValue = byId('schedule-at', HTMLInputElement)?.value ?? '';
      const publishAt = scheduleValue ? new Date(scheduleValue).toISOString() : undefined;
      if (state.editingId !== null) {
        response = await api('PATCH', `/updates/${state.editingId}`, payload());
      } else {
        await save();
        if (state.draftId === null) throw new Error('not saved');
        response = canPublish
          ? await api('POST', `/drafts/${state.draftId}/publish`, publishAt ? { publishAt } : {})
          : await api('POST', `/drafts/${state.draftId}/submit`);
      }
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        say(problem?.error?.message ?? text.failed);
        return;
      }
      say(canPublish ? text.published : text.submitted);
      reset();
      location.reload();
    } catch {
      say(text.local);
    } finally {
      sender.disabled = false;
    }
  }

  composerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  composerForm.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void send();
    }
  });
  body.addEventListener('input', changed);
  headlineInput.addEventListener('input', changed);
  for (const id of ['flag-key', 'flag-pinned', 'flag-breaking'])
    flag(id)?.addEventListener('change', changed);
  window.addEventListener('online', () => {
    if (state.dirty) void save();
  });
  window.addEventListener('beforeunload', () => {
    read();
    keepLocally();
  });

  // Photos: dropped or pasted into the composer, described, uploaded, then placed as a block.
  async function uploadPhoto(file: File): Promise<void> {
    const alt = window.prompt(text.alt);
    if (!alt) return;
    const credit = window.prompt(text.credit);
    if (!credit) return;
    say(text.uploading);
    const response = await fetch(
      `/api/v1/photos?alt=${encodeURIComponent(alt)}&credit=${encodeURIComponent(credit)}`,
      {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'x-csrf-token': csrf, 'content-type': file.type || 'application/octet-stream' },
        body: file,
      },
    );
    const result = (await response.json().catch(() => null)) as {
      id?: string;
      widths?: number[];
      error?: { message?: string };
    } | null;
    if (!response.ok || !result?.id) {
      say(result?.error?.message ?? text.failed);
      return;
    }
    body.appendChild(photoElement(result.id, alt, result.widths?.[0]));
    say('');
    changed();
  }
  body.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  body.addEventListener('drop', (event) => {
    const files = Array.from(event.dataTransfer?.files ?? []).filter((f) =>
      f.type.startsWith('image/'),
    );
    if (files.length === 0) return;
    event.preventDefault();
    void (async () => {
      for (const file of files) await uploadPhoto(file);
    })();
  });
  body.addEventListener('paste', (event) => {
    const files = Array.from(event.clipboardData?.files ?? []).filter((f) =>
      f.type.startsWith('image/'),
    );
    if (files.length > 0) {
      event.preventDefault();
      void (async () => {
        for (const file of files) await uploadPhoto(file);
      })();
      return;
    }
    // Pasted formatting is not kept: plain text only, so nothing foreign enters the blocks.
    const plain = event.clipboardData?.getData('text/plain');
    if (plain !== undefined) {
      event.preventDefault();
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to insert text undoably
      document.execCommand('insertText', false, plain);
    }
  });

  // Toolbar: the browser's editing commands; what they produce is read back as blocks.
  for (const button of document.querySelectorAll<HTMLButtonElement>('.toolbar [data-command]')) {
    button.addEventListener('mousedown', (event) => {
      event.preventDefault();
    });
    button.addEventListener('click', () => {
      body.focus();
      const command = button.dataset.command;
      /* eslint-disable @typescript-eslint/no-deprecated -- contenteditable's editing commands
         are still the only cross-browser way; their output is read back as blocks, not stored. */
      if (command === 'bold' || command === 'italic') document.execCommand(command);
      else if (command === 'heading') document.execCommand('formatBlock', false, 'h3');
      else if (command === 'quote') document.execCommand('formatBlock', false, 'blockquote');
      else if (command === 'list') document.execCommand('insertUnorderedList');
      else if (command === 'numbered') document.execCommand('insertOrderedList');
      else if (command === 'embed') {
        const url = window.prompt(text.embed, 'https://');
        if (url && /^https?:\/\/\S+$/.test(url)) body.appendChild(embedElement(url, url));
      } else if (command === 'link') {
        const href = window.prompt(text.link, 'https://');
        if (href && SAFE_HREF.test(href)) document.execCommand('createLink', false, href);
      }
      /* eslint-enable @typescript-eslint/no-deprecated */
      changed();
    });
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-source-name]')) {
    button.addEventListener('click', () => {
      const name = button.dataset.sourceName ?? '';
      if (!state.sources.some((s) => s.name === name))
        state.sources.push({ name, kind: button.dataset.sourceKind ?? 'media' });
      renderSources();
      changed();
    });
  }
  byId('add-custom-source', HTMLElement)?.addEventListener('click', () => {
    const name = byId('custom-source-name', HTMLInputElement);
    const kind = byId('custom-source-kind', HTMLSelectElement);
    const url = byId('custom-source-url', HTMLInputElement);
    const value = name?.value.trim() ?? '';
    if (!value) return;
    const link = url?.value.trim() ?? '';
    state.sources.push({
      name: value,
      kind: kind?.value ?? 'media',
      ...(/^https?:\/\/\S+$/.test(link) && { url: link }),
    });
    if (name) name.value = '';
    if (url) url.value = '';
    renderSources();
    changed();
  });

  byId('composer-preview', HTMLElement)?.addEventListener('click', () => {
    read();
    void (async () => {
      const response = await api('POST', '/preview', {
        headline: state.headline === '' ? null : state.headline,
        blocks:
          state.blocks.length > 0
            ? state.blocks
            : [{ type: 'paragraph', content: [{ type: 'text', text: '…' }] }],
        sources: state.sources,
        keyEvent: state.keyEvent,
        breaking: state.breaking,
      });
      if (!response.ok || !previewPane) return;
      const { html } = (await response.json()) as { html: string };
      // The readers' renderer's own HTML (update.view.tsx), the same the live page shows.
      const template = document.createElement('template');
      template.innerHTML = html;
      previewPane.replaceChildren(template.content);
      previewPane.hidden = false;
    })();
  });

  cancelButton?.addEventListener('click', () => {
    reset();
  });

  // Load an update (published, or a draft from the queue) into the composer.
  async function load(id: number, published: boolean): Promise<void> {
    const response = published ? await api('GET', `/updates/${id}`) : await api('GET', `/drafts`);
    if (!response.ok) return;
    const found = published
      ? ((await response.json()) as ComposerLoad)
      : ((await response.json()) as { drafts: ComposerLoad[] }).drafts.find((d) => d.id === id);
    if (!found) return;
    state = {
      draftId: published ? null : found.id,
      editingId: published ? found.id : null,
      headline: found.headline ?? '',
      blocks: found.blocks,
      sources: found.sources,
      keyEvent: found.keyEvent,
      pinned: found.pinned,
      breaking: found.breaking,
      savedAt: Date.now(),
      dirty: false,
    };
    write();
    keepLocally();
    body.focus();
    composerForm.scrollIntoView({ block: 'start' });
  }

  interface ComposerLoad {
    id: number;
    headline: string | null;
    blocks: Block[];
    sources: Source[];
    keyEvent: boolean;
    pinned: boolean;
    breaking: boolean;
  }

  // Desk actions on queued and published updates.
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
      let response: Response | null = null;
      switch (button.dataset.action) {
        case 'edit':
          await load(id, isPublished);
          return;
        case 'delete':
          if (!window.confirm(text.confirm)) return;
          response = await api('DELETE', isPublished ? `/updates/${id}` : `/drafts/${id}`);
          break;
        case 'pin':
        case 'unpin':
          response = await api('PATCH', `/updates/${id}`, {
            pinned: button.dataset.action === 'pin',
          });
          break;
        case 'key':
        case 'unkey':
          response = await api('PATCH', `/updates/${id}`, {
            keyEvent: button.dataset.action === 'key',
          });
          break;
        case 'publish-draft':
          response = await api('POST', `/drafts/${id}/publish`, {});
          break;
        case 'return': {
          const note = window.prompt(text.note);
          if (!note) return;
          response = await api('POST', `/drafts/${id}/return`, { note });
          break;
        }
        default:
          return;
      }
      if (response.ok) location.reload();
      else say(text.failed);
    })();
  });

  // What this device kept (a crashed tab, a lost connection) comes back and is sent again.
  const kept = localStorage.getItem(storageKey);
  if (kept) {
    try {
      state = { ...state, ...(JSON.parse(kept) as Partial<ComposerState>) };
      write();
      if (state.dirty || state.draftId === null) void save();
    } catch {
      localStorage.removeItem(storageKey);
    }
  } else {
    // Else the newest of my own drafts on the server, so a new device continues where I was.
    void (async () => {
      const response = await api('GET', '/drafts');
      if (!response.ok) return;
      const { drafts } = (await response.json()) as {
        drafts: (ComposerLoad & { status: string; author: string })[];
      };
      const mine = document.querySelector<HTMLElement>(
        '#queue [data-status="draft"], .desk-list [data-status="draft"]',
      );
      const first = mine ? drafts.find((d) => String(d.id) === mine.dataset.updateId) : undefined;
      if (first) await load(first.id, false);
    })();
  }
}

startComposer();
startProofing();
