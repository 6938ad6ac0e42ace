// Following a live page for breaking news, loaded by live.follow.ts on the first press of the
// button. Nothing happens before the reader has agreed to notifications in the cookie settings
// (the server refuses the subscription too); then the browser asks its own permission, the
// service worker (/push-sw.js) is registered, and the subscription is sent to the server. Pressed
// again, it stops this page's notifications, and drops the browser's subscription when no page
// is followed any more.
const CONSENTED = /(?:^|;\s*)ajil_consent=v1\.p[01]\.a[01]\.e[01]\.n1(?:;|$)/;
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

type Message = 'following' | 'stopped' | 'consent' | 'denied' | 'failed';

function say(root: HTMLElement, message: Message): void {
  const status = root.querySelector('.push-follow-status');
  if (status)
    status.textContent = root.dataset[`msg${message[0]?.toUpperCase()}${message.slice(1)}`] ?? '';
  const consent = root.querySelector<HTMLElement>('.push-follow-consent');
  if (consent) consent.hidden = message !== 'consent';
}

function setFollowing(root: HTMLElement, following: boolean): void {
  root.dataset.following = String(following);
  const button = root.querySelector<HTMLButtonElement>('.push-follow-button');
  if (!button) return;
  button.setAttribute('aria-pressed', String(following));
  button.textContent = (following ? root.dataset.labelUnfollow : root.dataset.labelFollow) ?? '';
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function subscribe(registration: ServiceWorkerRegistration): Promise<PushSubscription> {
  const response = await fetch('/api/v1/push/key', { headers: { accept: 'application/json' } });
  const { publicKey } = (await response.json()) as { publicKey: string };
  const key = keyBytes(publicKey);
  const existing = await registration.pushManager.getSubscription();
  if (existing) {
    const current = existing.options.applicationServerKey;
    const same = current !== null && new Uint8Array(current).every((byte, i) => byte === key[i]);
    if (same) return existing;
    await existing.unsubscribe();
  }
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

async function follow(root: HTMLElement, slug: string): Promise<void> {
  if (!CONSENTED.test(document.cookie)) {
    say(root, 'consent');
    return;
  }
  if ((await Notification.requestPermission()) !== 'granted') {
    say(root, 'denied');
    return;
  }
  const registration = await navigator.serviceWorker.register('/push-sw.js', { scope: '/' });
  await navigator.serviceWorker.ready;
  const subscription = await subscribe(registration);
  const response = await fetch('/api/v1/push/subscriptions', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ liveblog: slug, subscription: subscription.toJSON() }),
  });
  if (response.status === 403) {
    say(root, 'consent');
    return;
  }
  if (!response.ok) throw new Error(`subscribe answered ${response.status}`);
  setFollowing(root, true);
  say(root, 'following');
}

async function unfollow(root: HTMLElement, slug: string): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    const response = await fetch('/api/v1/push/subscriptions', {
      method: 'DELETE',
      headers: JSON_HEADERS,
      body: JSON.stringify({ endpoint: subscription.endpoint, liveblog: slug }),
    });
    if (!response.ok) throw new Error(`unsubscribe answered ${response.status}`);
    const { remaining } = (await response.json()) as { remaining?: number };
    if (remaining === 0) await subscription.unsubscribe();
  }
  setFollowing(root, false);
  say(root, 'stopped');
}

export async function toggleFollow(root: HTMLElement): Promise<void> {
  const slug = document.body.dataset.liveblog;
  const button = root.querySelector<HTMLButtonElement>('.push-follow-button');
  if (!slug || !button || button.disabled) return;
  button.disabled = true;
  try {
    await (root.dataset.following === 'true' ? unfollow(root, slug) : follow(root, slug));
  } catch {
    say(root, 'failed');
  } finally {
    button.disabled = false;
  }
}
