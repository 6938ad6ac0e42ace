// Sources: the list under the composer, the newsroom's preset sources and a custom one.
import { byId } from './newsroom.page.js';
import type { Composer } from './newsroom.composer.js';

export function renderSources(composer: Composer): void {
  const { text } = composer;
  composer.sourceList.replaceChildren(
    ...composer.state.sources.map((source, index) => {
      const li = document.createElement('li');
      const name = document.createElement('bdi');
      name.textContent = source.name;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', `${text.remove} ${source.name}`);
      remove.addEventListener('click', () => {
        composer.state.sources.splice(index, 1);
        renderSources(composer);
        composer.changed();
      });
      li.append(name, ' ', remove);
      return li;
    }),
  );
}

export function bindSources(composer: Composer): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-source-name]')) {
    button.addEventListener('click', () => {
      const name = button.dataset.sourceName ?? '';
      const { sources } = composer.state;
      if (!sources.some((s) => s.name === name))
        sources.push({
          name,
          kind: button.dataset.sourceKind ?? 'media',
          ...(button.dataset.sourceUrl ? { url: button.dataset.sourceUrl } : {}),
        });
      renderSources(composer);
      composer.changed();
    });
  }
  byId('add-custom-source', HTMLElement)?.addEventListener('click', () => {
    addCustomSource(composer);
  });
}

function addCustomSource(composer: Composer): void {
  const name = byId('custom-source-name', HTMLInputElement);
  const kind = byId('custom-source-kind', HTMLSelectElement);
  const url = byId('custom-source-url', HTMLInputElement);
  const value = name?.value.trim() ?? '';
  if (!value) return;
  const link = url?.value.trim() ?? '';
  composer.state.sources.push({
    name: value,
    kind: kind?.value ?? 'media',
    ...(/^https?:\/\/\S+$/.test(link) && { url: link }),
  });
  if (name) name.value = '';
  if (url) url.value = '';
  renderSources(composer);
  composer.changed();
}
