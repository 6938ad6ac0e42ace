// What Web Push works with: a reader's subscription as the browser gives it and as we keep it,
// the VAPID key pair, and a breaking update waiting to be pushed.

/** PushSubscription.toJSON() in the browser: where to post, and the keys to encrypt for. */
export interface BrowserSubscription {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

export interface StoredSubscription {
  readonly id: number;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

/** base64url: the uncompressed P-256 public key and the private scalar. */
export interface VapidKeys {
  readonly publicKey: string;
  readonly privateKey: string;
}

export interface BreakingUpdate {
  readonly seq: number;
  readonly updateId: number;
  readonly headline: string | null;
  /** The update's blocks as stored (JSON text). */
  readonly body: string;
}

/** What the service worker receives, decrypted: enough to draw the notification and open it. */
export interface PushPayload {
  readonly title: string;
  readonly body: string;
  readonly url: string;
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
  readonly tag: string;
}

/** How one push went: delivered, refused for good (the subscription is gone), or failed. */
export type PushOutcome = 'delivered' | 'gone' | 'failed';
