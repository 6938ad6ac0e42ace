// The byline and the contributors under the composer. The byline is what readers see under the
// update («بقلم …»), chosen explicitly (it starts as the writer's own name; empty means none);
// contributors are everyone who worked on it: newsroom accounts (the writer with one press) or
// free names, each with a role such as «مراسلنا في طهران».
import { byId } from './newsroom.page.js';
import type { Composer } from './newsroom.composer.js';

export function readByline(composer: Composer): void {
  const input = byId('composer-byline', HTMLInputElement);
  if (input) composer.state.byline = input.value.trim();
}

export function writeByline(composer: Composer): void {
  const input = byId('composer-byline', HTMLInputElement);
  if (input) input.value = composer.state.byline;
  const suggestions = byId('byline-suggestions', HTMLDataListElement);
  if (!suggestions) return;
  const names = new Set([
    composer.form.dataset.myName ?? '',
    ...composer.state.contributors.map((c) => c.name),
  ]);
  suggestions.replaceChildren(
    ...[...names].filter(Boolean).map((name) => {
      const option = document.createElement('option');
      option.value = name;
      return option;
    }),
  );
}

export function renderContributors(composer: Composer): void {
  const list = byId('composer-contributors', HTMLUListElement);
  if (!list) return;
  list.replaceChildren(
    ...composer.state.contributors.map((contributor, index) => {
      const li = document.createElement('li');
      const name = document.createElement('bdi');
      name.textContent = contributor.name;
      li.append(name);
      if (contributor.role) {
        const role = document.createElement('bdi');
        role.className = 'contributor-role';
        role.textContent = contributor.role;
        li.append(' — ', role);
      }
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `${composer.text.remove} ${contributor.name}`);
      remove.addEventListener('click', () => {
        composer.state.contributors.splice(index, 1);
        renderContributors(composer);
        writeByline(composer);
        composer.changed();
      });
      li.append(' ', remove);
      return li;
    }),
  );
}

function addContributor(composer: Composer, name: string, role: string, userId?: number): void {
  if (name === '' || composer.state.contributors.length >= 12) return;
  const { contributors } = composer.state;
  if (contributors.some((c) => c.name === name && (c.role ?? '') === role)) return;
  contributors.push({ name, ...(role && { role }), ...(userId !== undefined && { userId }) });
  renderContributors(composer);
  writeByline(composer);
  composer.changed();
}

export function bindContributors(composer: Composer): void {
  byId('add-contributor', HTMLButtonElement)?.addEventListener('click', () => {
    const name = byId('contributor-name', HTMLInputElement);
    const role = byId('contributor-role', HTMLInputElement);
    addContributor(composer, name?.value.trim() ?? '', role?.value.trim() ?? '');
    if (name) name.value = '';
    if (role) role.value = '';
  });
  byId('add-me', HTMLButtonElement)?.addEventListener('click', () => {
    const me = composer.form.dataset.myName ?? '';
    const id = Number(document.body.dataset.userId);
    const role = byId('contributor-role', HTMLInputElement);
    addContributor(composer, me, role?.value.trim() ?? '', Number.isInteger(id) ? id : undefined);
    if (role) role.value = '';
  });
}
