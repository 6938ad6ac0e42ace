// Security events reach the log as one structured line each, with the account, a keyed hash of
// the address (never the address), the reason, the UTC time and the request id.
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, formLogin, signIn, type TestApp } from '../../test/helpers.js';
import { SseReader } from '../../test/sse-client.js';
import type { SecurityLine } from './platform.security.js';

const SECRET = 'a-test-key-for-address-hashes';

interface Line {
  readonly level: number;
  readonly reqId: string;
  readonly msg: string;
  readonly security?: SecurityLine;
}

describe('security events in the log', () => {
  let t: TestApp;
  const lines: Line[] = [];
  const events = () => lines.flatMap((line) => (line.security ? [line] : []));
  const take = () => {
    const found = events();
    lines.length = 0;
    return found;
  };

  beforeAll(async () => {
    t = await buildTestApp(
      undefined,
      {
        logStream: {
          write: (text: string) => {
            for (const part of text.split('\n')) if (part) lines.push(JSON.parse(part) as Line);
          },
        },
      },
      { logLevel: 'warn', logHashSecret: SECRET, streamsPerAddress: 1 },
    );
    // An account exists, so the sign-in page is drawn (with no account it offers the set-up).
    await signIn(t.app, 'editor');
  });
  afterAll(() => t.close());

  const address = createHmac('sha256', SECRET).update('127.0.0.1').digest('base64url').slice(0, 16);

  function expectLine(line: Line | undefined, security: Partial<SecurityLine>, requestId: string) {
    expect(line?.msg).toBe('security event');
    expect(line?.level).toBe(40);
    expect(line?.reqId).toBe(requestId);
    expect(line?.security).toMatchObject({ address, ...security });
    expect(line?.security?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(JSON.stringify(line)).not.toContain('127.0.0.1');
  }

  const login = (email: string, password: string) => formLogin(t.app, email, password);

  it('a failed sign-in names the account tried; repeated failures are throttled', async () => {
    take();
    const first = await login('Someone@Newsroom.test', 'not the password');
    expect(first.statusCode).toBe(401);
    const [failed, ...rest] = take();
    expect(rest).toEqual([]);
    expectLine(
      failed,
      { event: 'signin.failed', account: 'someone@newsroom.test', reason: 'login_failed' },
      String(first.headers['x-request-id']),
    );
    let last = first;
    for (let i = 0; i < 6 && last.statusCode !== 429; i++)
      last = await login('someone@newsroom.test', 'x');
    expect(last.statusCode).toBe(429);
    const throttled = take().at(-1);
    expectLine(
      throttled,
      { event: 'signin.throttled', account: 'someone@newsroom.test', reason: 'too_many_requests' },
      String(last.headers['x-request-id']),
    );
  });

  it('a bad API token is a failed sign-in; a role without the right is a denial', async () => {
    take();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer('ajil_this-token-does-not-exist'),
      payload: { slug: 'x-page', headline: 'x' },
    });
    expect(bad.statusCode).toBe(401);
    expectLine(
      take()[0],
      { event: 'signin.failed', account: null, reason: 'invalid_token' },
      String(bad.headers['x-request-id']),
    );

    const reporter = await t.token('reporter');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(reporter),
      payload: { slug: 'denied-page', headline: 'ممنوع', timeZone: 'Asia/Muscat' },
    });
    expect(denied.statusCode).toBe(403);
    const [line] = take();
    expectLine(
      line,
      { event: 'permission.denied', reason: 'POST /api/v1/liveblogs' },
      String(denied.headers['x-request-id']),
    );
    expect(line?.security?.account).toMatch(/^token:\d+$/);
  });

  it('a session write without its CSRF token is refused and logged with the account', async () => {
    const session = await signIn(t.app, 'editor');
    take();
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: { cookie: session.cookie },
      payload: { slug: 'csrf-page', headline: 'بلا رمز', timeZone: 'Asia/Muscat' },
    });
    expect(refused.statusCode).toBe(403);
    expectLine(
      take()[0],
      { event: 'csrf.refused', account: `user:${session.userId}`, reason: 'csrf_failed' },
      String(refused.headers['x-request-id']),
    );
  });

  it('an upload that is not a photo is refused and logged', async () => {
    const editor = await t.token('editor');
    take();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/photos?alt=x&credit=y',
      headers: { ...bearer(editor), 'content-type': 'image/jpeg' },
      payload: Buffer.from('this is plain text, not a JPEG'),
    });
    expect(res.statusCode).toBe(415);
    const [line] = take();
    expectLine(
      line,
      { event: 'upload.refused', reason: 'not_a_photo' },
      String(res.headers['x-request-id']),
    );
    expect(line?.security?.account).toMatch(/^token:\d+$/);
  });

  it('a rate-limited live stream is logged', async () => {
    const editor = await t.token('editor');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'limited', headline: 'محدود', timeZone: 'Asia/Muscat' },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const reader = new SseReader({ url: `${base}/live/limited/events`, reconnect: false });
    try {
      await reader.until(() => reader.events.some((e) => e.type === 'ready'));
      take();
      const second = await fetch(`${base}/live/limited/events`);
      expect(second.status).toBe(429);
      expectLine(
        take()[0],
        { event: 'rate.limited', account: null, reason: '/live/:slug/events' },
        String(second.headers.get('x-request-id')),
      );
    } finally {
      reader.close();
    }
    // Counted in the metrics too.
    expect(await t.app.metrics.render()).toMatch(
      /^ajil_security_events_total\{event="rate.limited"\} 1$/m,
    );
  });
});
