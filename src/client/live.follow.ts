// The follow button's loader: part of live.js, a few lines. It shows the button only where the
// browser can receive pushes, and fetches the code that subscribes (live.push.ts, its own small
// file) on the first press, so readers who never follow never download it.
interface PushModule {
  toggleFollow(root: HTMLElement): Promise<void>;
}

export function offerFollow(): void {
  const root = document.querySelector<HTMLElement>('[data-push-follow]');
  const src = document.body.dataset.pushModule;
  const button = root?.querySelector<HTMLButtonElement>('.push-follow-button');
  if (!root || !src || !button) return;
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window))
    return;
  root.hidden = false;
  let loaded: Promise<PushModule> | undefined;
  button.addEventListener('click', () => {
    loaded ??= import(src) as Promise<PushModule>;
    void loaded.then((module) => module.toggleFollow(root));
  });
}
