// Web Push for breaking updates. A reader who has agreed to notifications follows a live page;
// after a breaking update's event is committed, one node claims it (by moving the page's push
// cursor past it) and pushes its headline and address to every follower of the page. Sending
// reads only the events table, so it never holds up a publish, and a lost doorbell is made good
// by the sweep. Subscriptions the push service says are gone (404, 410) are removed.
import webpush from 'web-push';
import { blocksToText, type Block } from '../blocks/blocks.schema.js';
import { directionOf } from '../lib/i18n.messages.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { AppError, errors, type ErrorDetail } from '../platform/platform.errors.js';
import { vetUrl, type SafeFetchOptions } from '../platform/platform.fetch.js';
import { liveblogBySlugOr404 } from '../liveblog/liveblog.lookup.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { permalinkPath } from '../update/update.paths.js';
import { createPushRepository } from './push.repository.js';
import type { PushSend } from './push.sender.js';
import type {
  BreakingUpdate,
  BrowserSubscription,
  PushOutcome,
  PushPayload,
  StoredSubscription,
  VapidKeys,
} from './push.types.js';

export interface PushServiceDeps extends BaseDeps {
  readonly send: PushSend;
  /** The operator's key pair (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY); none: made once, stored. */
  readonly vapidKeys: VapidKeys | undefined;
  readonly subject: string;
  /** The address readers use: the notification opens an absolute URL on it. */
  readonly publicUrl: string;
  /** How endpoints are checked at subscription time (tests let one loopback server stand in). */
  readonly fetchOptions?: Pick<SafeFetchOptions, 'resolver' | 'forbidden'>;
  /** Accept http: endpoints (tests only; real push services are https). */
  readonly allowHttpEndpoints?: boolean;
}

/** A breaking update older than this when the sender reaches it is not pushed (news goes stale). */
export const STALE_AFTER_MS = 15 * 60_000;
/** Events claimed at once per page. */
const CLAIM_LIMIT = 500;
/** Pushes in flight at once. */
const PARALLEL = 10;

const consentRequired = () =>
  new AppError(403, 'consent_required', {
    ar: 'التنبيهات تحتاج إلى موافقتك في إعدادات الخصوصية أولًا.',
    en: 'Notifications need your consent in the privacy settings first.',
  });

const notLive = () =>
  errors.conflict('not_live', {
    ar: 'هذه الصفحة لا تُحدَّث الآن؛ لا تنبيهات منها.',
    en: 'This page is not being updated now; it sends no notifications.',
  });

function invalidSubscription(details: ErrorDetail[]): AppError {
  return errors.validation(details, {
    ar: 'اشتراك التنبيهات غير صالح.',
    en: 'The notification subscription is not valid.',
  });
}

function keyLength(value: string): number {
  return /^[A-Za-z0-9_-]+=*$/.test(value) ? Buffer.from(value, 'base64url').length : -1;
}

export function createPushService(deps: PushServiceDeps) {
  const { db, clock, send, publicUrl } = deps;
  const repo = createPushRepository();
  const liveblogs = createLiveblogRepository();
  let keys: Promise<VapidKeys> | undefined;

  /** The operator's pair, else the stored one, else a new one stored once for every node. */
  function vapidKeys(): Promise<VapidKeys> {
    keys ??= (async () => {
      if (deps.vapidKeys) return deps.vapidKeys;
      const stored = await repo.storedKeys(db);
      if (stored) return stored;
      return repo.storeKeysOnce(db, webpush.generateVAPIDKeys(), clock.now());
    })();
    keys.catch(() => {
      keys = undefined;
    });
    return keys;
  }

  async function checkSubscription(subscription: BrowserSubscription): Promise<void> {
    const details: ErrorDetail[] = [];
    if (keyLength(subscription.keys.p256dh) !== 65)
      details.push({ field: '/subscription/keys/p256dh', message: 'must be a P-256 public key' });
    if (keyLength(subscription.keys.auth) !== 16)
      details.push({ field: '/subscription/keys/auth', message: 'must be 16 bytes' });
    let url: URL | undefined;
    try {
      url = new URL(subscription.endpoint);
    } catch {
      details.push({ field: '/subscription/endpoint', message: 'must be a URL' });
    }
    if (url && url.protocol !== 'https:' && !(deps.allowHttpEndpoints && url.protocol === 'http:'))
      details.push({ field: '/subscription/endpoint', message: 'must be https' });
    if (details.length > 0) throw invalidSubscription(details);
    try {
      await vetUrl(
        subscription.endpoint,
        deps.fetchOptions?.resolver,
        deps.fetchOptions?.forbidden,
      );
    } catch {
      throw invalidSubscription([
        { field: '/subscription/endpoint', message: 'must be a public push service' },
      ]);
    }
  }

  function payloadOf(liveblog: Liveblog, update: BreakingUpdate): PushPayload {
    const text = blocksToText(JSON.parse(update.body) as Block[])
      .replace(/\s+/g, ' ')
      .trim();
    const clip = (value: string, max: number) =>
      value.length > max ? `${value.slice(0, max - 1)}…` : value;
    return {
      title: clip(update.headline ?? text, 200),
      body: clip(liveblog.headline, 200),
      url: `${publicUrl}${permalinkPath(liveblog.slug, update.updateId)}`,
      lang: liveblog.locale,
      dir: directionOf(liveblog.locale),
      tag: `ajil-update-${update.updateId}`,
    };
  }

  async function pushOne(
    subscription: StoredSubscription,
    payload: string,
    vapid: VapidKeys & { subject: string },
  ): Promise<PushOutcome> {
    const outcome = await send(subscription, payload, vapid).catch(() => 'failed' as const);
    if (outcome === 'gone') await repo.removeById(db, subscription.id);
    return outcome;
  }

  /** Pushes one breaking update to every follower of its page, once (the sent marker). */
  async function pushUpdate(liveblog: Liveblog, update: BreakingUpdate): Promise<void> {
    if (!(await repo.markSending(db, update, liveblog.id, clock.now()))) return;
    const vapid = { ...(await vapidKeys()), subject: deps.subject };
    const payload = JSON.stringify(payloadOf(liveblog, update));
    const followers = await repo.subscriptionsOf(db, liveblog.id);
    const tally = { delivered: 0, failed: 0, removed: 0 };
    for (let i = 0; i < followers.length; i += PARALLEL) {
      const outcomes = await Promise.all(
        followers.slice(i, i + PARALLEL).map((s) => pushOne(s, payload, vapid)),
      );
      for (const outcome of outcomes) {
        if (outcome === 'delivered') tally.delivered++;
        else if (outcome === 'gone') tally.removed++;
        else tally.failed++;
      }
    }
    await repo.markSent(db, update.updateId, tally, clock.now());
  }

  /**
   * The sender's step for one page: claim the events past the cursor (one node wins), then push
   * the breaking updates they published. Answers how many updates this call pushed.
   */
  async function deliver(liveblogId: number): Promise<number> {
    const cursor = await repo.cursorOf(db, liveblogId);
    if (!cursor || cursor.lastSeq <= cursor.seq) return 0;
    const to = Math.min(cursor.lastSeq, cursor.seq + CLAIM_LIMIT);
    const now = clock.now();
    if (!(await repo.claim(db, liveblogId, cursor.seq, to, now))) return 0;
    const notBefore = new Date(now.getTime() - STALE_AFTER_MS);
    const breaking = await repo.breakingIn(db, liveblogId, cursor.seq, to, notBefore);
    if (breaking.length === 0) return 0;
    const page = await liveblogs.findById(db, liveblogId);
    if (!page) return 0;
    for (const update of breaking) await pushUpdate(page, update);
    return breaking.length;
  }

  return {
    async publicKey(): Promise<string> {
      return (await vapidKeys()).publicKey;
    },

    /** A reader follows a page: refused without their consent to notifications. */
    async follow(consented: boolean, slug: string, subscription: BrowserSubscription) {
      if (!consented) throw consentRequired();
      const liveblog = await liveblogBySlugOr404(db, slug);
      if (liveblog.status !== 'live' && liveblog.status !== 'scheduled') throw notLive();
      await checkSubscription(subscription);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repo.saveSubscription(
          trx,
          liveblog.id,
          {
            endpoint: subscription.endpoint,
            p256dh: subscription.keys.p256dh,
            auth: subscription.keys.auth,
          },
          now,
        );
        await repo.startCursor(trx, liveblog.id, now);
      });
      return { following: true as const };
    },

    /** Stops one page (slug given) or every page the endpoint follows; what is left of it. */
    async unfollow(endpoint: string, slug: string | undefined) {
      const liveblog = slug === undefined ? undefined : await liveblogBySlugOr404(db, slug);
      const remaining = await repo.removeSubscription(db, endpoint, liveblog?.id);
      return { following: false as const, remaining };
    },

    deliver,

    /** Every page whose events passed its cursor (the doorbell may have been lost): deliver. */
    async sweep(): Promise<number> {
      let pushed = 0;
      for (const page of await repo.behind(db)) pushed += await deliver(page.liveblogId);
      return pushed;
    },

    /** For tests and the operator: how a pushed update went. */
    sendOf: (updateId: number) => repo.sendOf(db, updateId),
  };
}

export type PushService = ReturnType<typeof createPushService>;
