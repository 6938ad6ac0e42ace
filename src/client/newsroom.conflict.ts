// A conflict: the edit was sent with the version it was made on, and a colleague's edit came
// first (412). Nothing was written. Both texts are shown side by side — mine, and theirs with
// who changed it and when — and the person chooses: keep mine (sent again on the new version),
// take theirs (into the editor; nothing sent), or merge by hand (the editor holds mine, then
// what they added; theirs stays beside it). Mine stays in the composer and on this device until
// the choice is made, so nothing is lost.
import type { Block } from '../blocks/blocks.schema.js';
import {
  keepOnDevice,
  type Composer,
  type ComposerLoad,
  type Source,
} from './newsroom.composer.js';
import { readFields, writeFields } from './newsroom.editing.js';
import { sayTone } from './newsroom.refusal.js';

type Theirs = ComposerLoad & { text: string; etag: string };

async function currentVersion(composer: Composer, id: number): Promise<Theirs | null> {
  const response = await composer.api('GET', `/updates/${id}`).catch(() => null);
  const etag = response?.headers.get('etag');
  if (!response?.ok || !etag) return null;
  return { ...((await response.json()) as ComposerLoad & { text: string }), etag };
}

/** Who made the newest change, and when (the newest revision); null when it cannot be read. */
async function lastChange(composer: Composer, id: number) {
  const response = await composer.api('GET', `/updates/${id}/revisions`).catch(() => null);
  if (!response?.ok) return null;
  const { revisions } = (await response.json()) as { revisions: { editor: string; at: string }[] };
  return revisions[0] ?? null;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = '') {
  const made = document.createElement(tag);
  if (text) made.textContent = text;
  if (className) made.className = className;
  return made;
}

function side(name: 'mine' | 'theirs', title: string, headline: string, text: string) {
  const box = element('div', '', 'conflict-side');
  box.dataset.side = name;
  box.append(element('h4', title));
  if (headline) {
    const strong = element('strong', headline, 'conflict-headline');
    strong.dir = 'auto';
    box.append(strong);
  }
  const body = element('div', text, 'conflict-text');
  body.dir = 'auto';
  box.append(body);
  return box;
}

/** Mine, then each block of theirs that mine does not have: the start of a merge by hand. */
function mergedBlocks(mine: Block[], theirs: Block[]): Block[] {
  const have = new Set(mine.map((block) => JSON.stringify(block)));
  return [...mine, ...theirs.filter((block) => !have.has(JSON.stringify(block)))];
}

function mergedSources(mine: Source[], theirs: Source[]): Source[] {
  return [...mine, ...theirs.filter((s) => !mine.some((m) => m.name === s.name))];
}

function whenText(at: string, locale: 'ar' | 'en'): string {
  const tag = locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
  return new Date(at).toLocaleString(tag, { dateStyle: 'medium', timeStyle: 'short' });
}

function takeTheirs(composer: Composer, theirs: Theirs): void {
  composer.state = {
    ...composer.state,
    headline: theirs.headline ?? '',
    blocks: theirs.blocks,
    sources: theirs.sources,
    keyEvent: theirs.keyEvent,
    pinned: theirs.pinned,
    breaking: theirs.breaking,
    byline: theirs.byline ?? '',
    contributors: theirs.contributors ?? [],
    version: theirs.etag,
  };
}

function mergeByHand(composer: Composer, theirs: Theirs): void {
  const { state } = composer;
  state.headline = state.headline || (theirs.headline ?? '');
  state.blocks = mergedBlocks(state.blocks, theirs.blocks);
  state.sources = mergedSources(state.sources, theirs.sources);
  state.version = theirs.etag;
}

export interface ConflictChoices {
  /** Sends the composer's edit again (on the version now in the state). */
  readonly resend: () => Promise<void>;
}

/** Shows the conflict panel above the composer, both texts side by side, and the three choices. */
export async function showConflict(composer: Composer, choices: ConflictChoices): Promise<void> {
  const words = composer.page.saving;
  const id = composer.state.editingId;
  readFields(composer);
  keepOnDevice(composer);
  const theirs = id === null ? null : await currentVersion(composer, id);
  if (id === null || !theirs) {
    sayTone(composer, 'conflict', words.conflictUnknown);
    return;
  }
  const change = await lastChange(composer, id);
  document.getElementById('composer-conflict')?.remove();
  const panel = element('section', '', 'conflict');
  panel.id = 'composer-conflict';
  panel.setAttribute('aria-labelledby', 'conflict-title');
  const title = element('h3', words.conflictTitle);
  title.id = 'conflict-title';
  title.tabIndex = -1;
  const sides = element('div', '', 'conflict-sides');
  const mine = side('mine', words.mine, composer.state.headline, composer.editor.innerText.trim());
  const other = side('theirs', words.theirs, theirs.headline ?? '', theirs.text);
  if (change)
    other.append(
      element(
        'p',
        words.changedBy(change.editor, whenText(change.at, composer.page.locale)),
        'conflict-who',
      ),
    );
  sides.append(mine, other);
  const actions = element('div', '', 'conflict-actions');
  const choose = (label: string, choice: string, act: () => void | Promise<void>) => {
    const button = element('button', label);
    button.type = 'button';
    button.dataset.choice = choice;
    button.addEventListener('click', () => {
      void act();
    });
    actions.append(button);
  };
  choose(words.keepMine, 'mine', async () => {
    composer.state.version = theirs.etag;
    keepOnDevice(composer);
    panel.remove();
    await choices.resend();
  });
  choose(words.takeTheirs, 'theirs', () => {
    takeTheirs(composer, theirs);
    writeFields(composer);
    keepOnDevice(composer);
    panel.remove();
    sayTone(composer, 'saved', words.tookTheirs);
  });
  choose(words.mergeByHand, 'merge', () => {
    mergeByHand(composer, theirs);
    writeFields(composer);
    keepOnDevice(composer);
    mine.remove();
    actions.replaceChildren(element('p', words.merging, 'conflict-merging'));
    sayTone(composer, 'conflict', words.merging);
    composer.editor.focus();
  });
  panel.append(title, element('p', words.conflictIntro), sides, actions);
  composer.form.before(panel);
  sayTone(composer, 'conflict', words.conflictTitle);
  title.focus();
}
