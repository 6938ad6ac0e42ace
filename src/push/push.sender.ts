// Sending one push: the payload encrypted for the subscription (RFC 8291, aes128gcm) and signed
// with our VAPID key (RFC 8292) by the web-push library, then posted by us through the same
// guards as every server-side request to an address someone else supplied (platform.fetch.ts):
// the endpoint comes from a reader's browser, so it must not reach inside our network.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import webpush from 'web-push';
import { vetUrl, type SafeFetchOptions } from '../platform/platform.fetch.js';
import type { PushOutcome, StoredSubscription, VapidKeys } from './push.types.js';

export interface PushSenderOptions extends Pick<SafeFetchOptions, 'resolver' | 'forbidden'> {
  readonly timeoutMs?: number;
  /** How long a push service keeps a push for a device that is offline (seconds). */
  readonly ttlSeconds?: number;
}

export type PushSend = (
  subscription: StoredSubscription,
  payload: string,
  vapid: VapidKeys & { subject: string },
) => Promise<PushOutcome>;

/** 404 and 410 mean the subscription has ended (RFC 8030 §7.3): it is removed. */
export function outcomeOf(status: number): PushOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 404 || status === 410) return 'gone';
  return 'failed';
}

export function createPushSender(options: PushSenderOptions = {}): PushSend {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (subscription, payload, vapid) => {
    const details = webpush.generateRequestDetails(
      {
        endpoint: subscription.endpoint,
        keys: { p256dh: subscription.p256dh, auth: subscription.auth },
      },
      payload,
      {
        vapidDetails: vapid,
        TTL: options.ttlSeconds ?? 3600,
        urgency: 'high',
        contentEncoding: 'aes128gcm',
      },
    );
    let checked: { url: URL; address: string };
    try {
      checked = await vetUrl(details.endpoint, options.resolver, options.forbidden);
    } catch {
      // Checked when the reader subscribed; a name that does not resolve now may again later.
      return 'failed';
    }
    const status = await post(checked, details.headers, details.body, timeoutMs);
    return outcomeOf(status);
  };
}

/** POSTs to the address we checked (no second lookup); 0 when it could not be reached. */
function post(
  target: { url: URL; address: string },
  headers: Record<string, string | number>,
  body: Buffer | null,
  timeoutMs: number,
): Promise<number> {
  const { url, address } = target;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers,
        timeout: timeoutMs,
        lookup: ((
          _host: string,
          opts: { all?: boolean },
          callback: (...args: unknown[]) => void,
        ) => {
          if (opts.all) callback(null, [{ address, family: isIP(address) }]);
          else callback(null, address, isIP(address));
        }) as unknown as http.RequestOptions['lookup'],
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          resolve(response.statusCode ?? 0);
        });
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => {
      resolve(0);
    });
    request.end(body ?? undefined);
  });
}
