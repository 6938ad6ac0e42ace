// Web Push end to end: a local HTTP server stands in for the push service; the test holds the
// reader's private key and decrypts what arrives (RFC 8291, aes128gcm, written here with
// node:crypto), and checks the VAPID signature (RFC 8292) with our public key.
import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  randomBytes,
  verify,
} from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { isForbiddenAddress } from '../platform/platform.fetch.js';
import { buildApp } from '../app.js';
import { createMemoryStore } from '../storage/storage.files.js';

interface Received {
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A push service on loopback: answers 201, or 410 for paths under /gone/. */
async function startPushService(): Promise<{ server: Server; base: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      got.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = request.url?.startsWith('/gone/') ? 410 : 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, got };
}

/** A browser's side of a subscription: its P-256 key pair and auth secret. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    keys: {
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: auth.toString('base64url'),
    },
  };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188 §2: one aes128gcm record, decrypted with the reader's keys. */
function decrypt(body: Buffer, reader: ReturnType<typeof browserKeys>): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = reader.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    reader.ecdh.getPublicKey(),
    senderPublic,
  ]);
  const ikm = hmac(hmac(reader.auth, shared), Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([
    decipher.update(record.subarray(0, record.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2); // the last record's delimiter
  return padded.subarray(0, end).toString('utf8');
}

/** The VAPID header: a JWT for the push service's origin, signed with our key. */
function checkVapid(header: string, publicKey: string, audience: string): void {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(header);
  expect(match).not.toBeNull();
  const [, jwt = '', k = ''] = match ?? [];
  expect(k).toBe(publicKey);
  const [head = '', claims = '', signature = ''] = jwt.split('.');
  const point = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(signed).toBe(true);
  const decoded = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud: string };
  expect(decoded.aud).toBe(audience);
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const CONSENTED = 'ajil_consent=v1.p0.a0.e0.n1';
const SITE = 'http://localhost:3000';

describe.each(engines())('Web Push for breaking updates ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  let push: Awaited<ReturnType<typeof startPushService>>;

  beforeAll(async () => {
    push = await startPushService();
    t = await buildTestApp(engine, {
      allowHttpPushEndpoints: true,
      // The loopback push service stands for the web; every other refused range stays refused.
      fetchOptions: { forbidden: (a) => a !== '127.0.0.1' && isForbiddenAddress(a) },
    });
    editor = await t.token('editor');
    const page = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'port-blast', headline: 'انفجار قرب الميناء', timeZone: 'Asia/Beirut' },
    });
    expect(page.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => push.server.close(resolve));
  });

  const follow = (endpoint: string, keys: { p256dh: string; auth: string }, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/push/subscriptions',
      headers: { origin: SITE, ...(cookie && { cookie }) },
      payload: { liveblog: 'port-blast', subscription: { endpoint, expirationTime: null, keys } },
    });

  const publish = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/port-blast/updates',
      headers: bearer(editor),
      payload,
    });

  const followers = async () =>
    t.app.database.db
      .selectFrom('pushSubscriptions')
      .select(['endpoint'])
      .execute()
      .then((rows) => rows.map((r) => r.endpoint));

  const reader = browserKeys();
  const expired = browserKeys();

  it('refuses to subscribe a reader who has not agreed to notifications, and stores nothing', async () => {
    const none = await follow(`${push.base}/send/no-consent`, reader.keys);
    expect(none.statusCode).toBe(403);
    expect(none.json()).toMatchObject({ error: { code: 'consent_required' } });
    // Agreed to other purposes, not to notifications: still refused.
    const other = await follow(
      `${push.base}/send/no-consent`,
      reader.keys,
      'ajil_consent=v1.p1.a1.e1.n0',
    );
    expect(other.statusCode).toBe(403);
    // A choice made before notifications were asked about counts as no.
    const old = await follow(
      `${push.base}/send/no-consent`,
      reader.keys,
      'ajil_consent=v1.p1.a1.e1',
    );
    expect(old.statusCode).toBe(403);
    expect(await followers()).toEqual([]);
  });

  it('refuses a subscription from another site, or with broken keys', async () => {
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/v1/push/subscriptions',
      headers: { origin: 'https://evil.example', cookie: CONSENTED },
      payload: {
        liveblog: 'port-blast',
        subscription: { endpoint: `${push.base}/send/x`, keys: reader.keys },
      },
    });
    expect(cross.statusCode).toBe(403);
    const broken = await follow(
      `${push.base}/send/x`,
      { p256dh: 'A'.repeat(40), auth: reader.keys.auth },
      CONSENTED,
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect(await followers()).toEqual([]);
  });

  it('a consenting reader follows; a non-breaking update sends nothing', async () => {
    const ok = await follow(`${push.base}/send/reader-1`, reader.keys, CONSENTED);
    expect(ok.statusCode).toBe(201);
    const gone = await follow(`${push.base}/gone/reader-2`, expired.keys, CONSENTED);
    expect(gone.statusCode).toBe(201);
    const calm = await publish({ headline: 'هدوء حذر', text: 'لا جديد في محيط الميناء.' });
    expect(calm.statusCode).toBe(201);
    await t.app.services.push.sweep();
    expect(push.got).toHaveLength(0);
  });

  it('a breaking update reaches the push service encrypted, and decrypts to its headline and URL', async () => {
    const res = await publish({
      headline: 'عاجل: انفجار ثانٍ قرب الميناء',
      text: 'سُمع دوي انفجار ثانٍ قبل دقائق.',
      breaking: true,
    });
    expect(res.statusCode).toBe(201);
    const update = res.json<{ id: number; url: string }>();
    // Sent after the commit by the sender the doorbell woke: the publish did not wait for it.
    await until(() => push.got.length >= 2, 'two pushes');
    const delivered = push.got.find((r) => r.path === '/send/reader-1');
    if (!delivered) throw new Error('nothing reached the reader’s endpoint');
    const { headers, body } = delivered;
    expect(headers['content-encoding']).toBe('aes128gcm');
    expect(headers.urgency).toBe('high');
    expect(body.toString('utf8')).not.toContain('الميناء');
    const publicKey = await t.app.services.push.publicKey();
    checkVapid(String(headers.authorization), publicKey, push.base);
    const payload = JSON.parse(decrypt(body, reader)) as Record<string, string>;
    expect(payload).toMatchObject({
      title: 'عاجل: انفجار ثانٍ قرب الميناء',
      url: `${SITE}/live/port-blast/updates/${update.id}#update-${update.id}`,
      lang: 'ar',
      dir: 'rtl',
    });
    expect(update.url).toBe(payload.url);
  });

  it('the expired subscription (410) is removed; the push is recorded once with its tally', async () => {
    await until(() => push.got.some((r) => r.path === '/gone/reader-2'), 'the 410');
    const last = await t.app.database.db
      .selectFrom('pushSends')
      .select(['updateId'])
      .orderBy('updateId', 'desc')
      .executeTakeFirstOrThrow();
    await until(() => true, 'tally');
    let send = await t.app.services.push.sendOf(last.updateId);
    for (let i = 0; i < 200 && !send?.finishedAt; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      send = await t.app.services.push.sendOf(last.updateId);
    }
    expect(send).toMatchObject({ delivered: 1, failed: 0, removed: 1 });
    expect(await followers()).toEqual([`${push.base}/send/reader-1`]);
  });

  it('each push goes out once, however many senders race for it', async () => {
    const before = push.got.length;
    const res = await publish({
      headline: 'عاجل: إغلاق الطريق الساحلي',
      text: 'أغلق الجيش الطريق.',
      breaking: true,
    });
    expect(res.statusCode).toBe(201);
    // The doorbell's sender, and five more sweeps at once, as several nodes would run them.
    await Promise.all(Array.from({ length: 5 }, () => t.app.services.push.sweep()));
    await until(() => push.got.length > before, 'the push');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.app.services.push.sweep();
    expect(push.got.length - before).toBe(1);
  });

  it('unsubscribing stops the pushes', async () => {
    const off = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/push/subscriptions',
      headers: { origin: SITE },
      payload: { endpoint: `${push.base}/send/reader-1`, liveblog: 'port-blast' },
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ following: false, remaining: 0 });
    const before = push.got.length;
    await publish({ headline: 'عاجل: إعادة فتح الطريق', text: 'أعيد فتح الطريق.', breaking: true });
    await t.app.services.push.sweep();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(push.got.length).toBe(before);
  });
});

describe.each(engines())('two nodes sharing one database ($name)', (engine) => {
  it('each breaking update is pushed once, whichever node publishes and however both race', async () => {
    const service = await startPushService();
    const parts = {
      allowHttpPushEndpoints: true,
      fetchOptions: { forbidden: (a: string) => a !== '127.0.0.1' && isForbiddenAddress(a) },
    };
    const first = await buildTestApp(engine, parts);
    // The second node: its own app and bus (no ring reaches it), the same database.
    const second = await buildApp(first.app.config, {
      ...parts,
      database: first.app.database,
      files: createMemoryStore(),
    });
    try {
      const editor = await first.token('editor');
      await first.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: bearer(editor),
        payload: { slug: 'two-nodes', headline: 'عقدتان' },
      });
      const reader = browserKeys();
      const followed = await second.inject({
        method: 'POST',
        url: '/api/v1/push/subscriptions',
        headers: { origin: SITE, cookie: CONSENTED },
        payload: {
          liveblog: 'two-nodes',
          subscription: { endpoint: `${service.base}/send/both`, keys: reader.keys },
        },
      });
      expect(followed.statusCode).toBe(201);
      for (let i = 0; i < 3; i++) {
        const res = await first.app.inject({
          method: 'POST',
          url: '/api/v1/liveblogs/two-nodes/updates',
          headers: bearer(editor),
          payload: { headline: `عاجل ${i + 1}`, text: 'نص', breaking: true },
        });
        expect(res.statusCode).toBe(201);
        // The first node's doorbell and both nodes' sweeps, all at once.
        await Promise.all([first.app.services.push.sweep(), second.services.push.sweep()]);
      }
      await until(() => service.got.length >= 3, 'three pushes');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await Promise.all([first.app.services.push.sweep(), second.services.push.sweep()]);
      const titles = service.got.map(
        (r) => (JSON.parse(decrypt(r.body, reader)) as { title: string }).title,
      );
      expect(titles.sort()).toEqual(['عاجل 1', 'عاجل 2', 'عاجل 3']);
    } finally {
      await second.close();
      await first.close();
      await new Promise((resolve) => service.server.close(resolve));
    }
  });
});
