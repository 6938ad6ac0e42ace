// The composer's shared context: its elements, the page it is on, the draft being written and the
// autosave in flight. Every part of the desk client takes this one object, so nothing is shared
// through module-level variables.
import type { Block } from '../blocks/blocks.schema.js';
import { byId, deskApi, type DeskApi, type DeskPage } from './newsroom.page.js';
import type { DeskText } from './newsroom.text.js';

export interface Source {
  name: string;
  kind: string;
  url?: string;
}

/** Someone who worked on the update: a newsroom account (userId) or a free name, with a role. */
export interface Contributor {
  name: string;
  role?: string;
  userId?: number;
}

export interface ComposerState {
  draftId: number | null;
  editingId: number | null;
  headline: string;
  blocks: Block[];
  sources: Source[];
  keyEvent: boolean;
  pinned: boolean;
  breaking: boolean;
  /** The name readers see under the update («بقلم …»); empty for none. */
  byline: string;
  contributors: Contributor[];
  /** The ETag of the published update being edited, sent back as If-Match (null for drafts). */
  version: string | null;
  /** A publish (or submission) that met no network: sent again when the connection is back. */
  sendOnline: boolean;
  savedAt: number;
  dirty: boolean;
  /**
   * The new draft's first save, until the server has given it an id: its key and the payload
   * sent with it, both reused by every retry (kept on this device like the rest).
   */
  creating: { key: string; payload: unknown } | null;
  /** The publish (or submission) being sent: its key, for the request it was made for. */
  sending: { key: string; request: string } | null;
}

/** An update or draft as the API returns it, to load into the composer. */
export interface ComposerLoad {
  id: number;
  headline: string | null;
  blocks: Block[];
  sources: Source[];
  keyEvent: boolean;
  pinned: boolean;
  breaking: boolean;
  byline?: string | null;
  contributors?: Contributor[];
}

export interface Composer {
  readonly page: DeskPage;
  readonly text: DeskText;
  readonly api: DeskApi;
  readonly form: HTMLFormElement;
  readonly editor: HTMLElement;
  readonly headline: HTMLInputElement;
  readonly sourceList: HTMLUListElement;
  readonly status: HTMLElement;
  readonly sender: HTMLButtonElement;
  readonly cancelButton: HTMLButtonElement | null;
  readonly previewPane: HTMLElement | null;
  readonly canPublish: boolean;
  /** The draft being written; replaced whole when another update is loaded or the box is reset. */
  state: ComposerState;
  /** The autosave's pending timer and the save in flight (newsroom.autosave.ts). */
  timer: number | undefined;
  saving: Promise<unknown> | null;
  /** The sign-in dialog while it is open (newsroom.signin.ts), shared by every save waiting on it. */
  signingIn: Promise<boolean> | null;
  /** To call after every edit: marks the draft changed, keeps it here and saves it soon. */
  readonly changed: () => void;
}

/** An empty draft; `byline`: the name it starts signed with (the writer's own, on the desk). */
export function emptyState(byline = ''): ComposerState {
  return {
    draftId: null,
    editingId: null,
    headline: '',
    blocks: [],
    sources: [],
    keyEvent: false,
    pinned: false,
    breaking: false,
    byline,
    contributors: [],
    version: null,
    sendOnline: false,
    savedAt: 0,
    dirty: false,
    creating: null,
    sending: null,
  };
}

/** The composer on this page, or null where the page has none (or lacks one of its parts). */
export function findComposer(
  page: DeskPage,
  onChange: (composer: Composer) => void,
): Composer | null {
  const form = byId('composer', HTMLFormElement);
  const editor = byId('composer-body', HTMLElement);
  const headline = byId('composer-headline', HTMLInputElement);
  const sourceList = byId('composer-sources', HTMLUListElement);
  const status = byId('composer-status', HTMLElement);
  const sender = byId('composer-send', HTMLButtonElement);
  if (!form || !editor || !headline || !sourceList || !status || !sender) return null;
  const composer: Composer = {
    page,
    text: page.text,
    api: deskApi(page),
    form,
    editor,
    headline,
    sourceList,
    status,
    sender,
    cancelButton: byId('composer-cancel', HTMLButtonElement),
    previewPane: byId('composer-preview-pane', HTMLElement),
    canPublish: form.dataset.canPublish === 'true',
    state: emptyState(form.dataset.myName),
    timer: undefined,
    saving: null,
    signingIn: null,
    changed: () => {
      onChange(composer);
    },
  };
  return composer;
}

/** One of the composer's check boxes (key event, pinned, breaking), looked up when needed. */
export function flag(id: string): HTMLInputElement | null {
  return byId(id, HTMLInputElement);
}

/** The status line under the composer. */
export function say(composer: Composer, message: string): void {
  composer.status.textContent = message;
}

/** Keeps the draft on this device, whatever becomes of the request to the server. */
export function keepOnDevice(composer: Composer): void {
  localStorage.setItem(composer.page.storageKey, JSON.stringify(composer.state));
}

/** The draft as the drafts and updates API take it. */
export function draftPayload(composer: Composer) {
  const { state } = composer;
  return {
    headline: state.headline === '' ? null : state.headline,
    blocks: state.blocks,
    sources: state.sources,
    keyEvent: state.keyEvent,
    ...(composer.canPublish && { pinned: state.pinned }),
    breaking: state.breaking,
    byline: state.byline === '' ? null : state.byline,
    contributors: state.contributors,
  };
}
