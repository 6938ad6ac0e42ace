// The service worker, served at /push-sw.js: it only shows the notification of a breaking
// update and, on a click, opens (or focuses) that update's page. It caches nothing and handles
// no requests, so it can never serve a reader stale news. The payload arrives decrypted by the
// browser: {title, body, url, lang, dir, tag}.

// The few service-worker types used here (the project compiles against the DOM library).
interface PushData {
  readonly title: string;
  readonly body: string;
  readonly url: string;
  readonly lang?: string;
  readonly dir?: NotificationDirection;
  readonly tag?: string;
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  readonly data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  readonly notification: Notification;
}
interface WindowClientLike {
  readonly url: string;
  focus(): Promise<unknown>;
}
interface WorkerScope {
  readonly location: Location;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    matchAll(options: { type: 'window' }): Promise<readonly WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
}

const worker = self as unknown as WorkerScope;

/** Only our own pages are opened, whatever a payload says. */
function ownUrl(raw: unknown): string {
  try {
    const url = new URL(String(raw), worker.location.origin);
    return url.origin === worker.location.origin ? url.href : worker.location.origin;
  } catch {
    return worker.location.origin;
  }
}

worker.addEventListener('push', (event) => {
  const data = (event.data?.json() ?? null) as PushData | null;
  if (!data) return;
  event.waitUntil(
    worker.registration.showNotification(data.title, {
      body: data.body,
      lang: data.lang ?? 'ar',
      dir: data.dir ?? 'auto',
      ...(data.tag && { tag: data.tag }),
      icon: '/logo.png',
      data: { url: ownUrl(data.url) },
    }),
  );
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = ownUrl((event.notification.data as { url?: unknown } | null)?.url);
  event.waitUntil(
    worker.clients.matchAll({ type: 'window' }).then((windows) => {
      const open = windows.find((client) => client.url === url);
      return open ? open.focus() : worker.clients.openWindow(url);
    }),
  );
});
