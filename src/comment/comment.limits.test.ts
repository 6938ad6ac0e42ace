// Classes 8 and 10 of the hardening issue: the comment form's token is single use and bound to
// its page; limits are per reader identity (the comment cookie) with a looser ceiling per address,
// so many readers behind one carrier-grade NAT address can comment while a flood is still stopped;
// the limit check and the insert are one transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { fixedClock } from '../platform/platform.clock.js';
import type { Actor } from '../access/access.policy.js';

const editor: Actor = { kind: 'user', id: null, name: 'محررة', role: 'editor' };
const NAT = '203.0.113.7';

describe.each(engines())('comment tokens and limits ($name)', (engine) => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));
  let n = 0;

  beforeAll(async () => {
    t = await buildTestApp(engine, { clock });
    await t.app.services.liveblogs.create(editor, { slug: 'page-a', headline: 'أ' });
    await t.app.services.liveblogs.create(editor, { slug: 'page-b', headline: 'ب' });
  });
  afterAll(() => t.close());

  const cookie = (i: number) => `reader${String(i).padStart(16, '0')}`.slice(0, 22).padEnd(22, 'x');
  const send = (slug: string, formToken: string, cookieId: string, address = NAT) =>
    t.app.services.comments.post(
      slug,
      { name: 'قارئ', text: `تعليق رقم ${++n} على التغطية`, formToken },
      { address, cookieId },
    );

  it('a token is single use: the second comment with it is refused with a clear message', async () => {
    const token = await t.app.services.comments.formToken('page-a');
    clock.advance(10_000);
    await send('page-a', token, cookie(900), '192.0.2.10');
    clock.advance(60_000);
    await expect(send('page-a', token, cookie(900), '192.0.2.10')).rejects.toMatchObject({
      status: 409,
      code: 'form_used',
      messages: {
        ar: expect.stringContaining('أعد') as unknown,
        en: expect.stringContaining('already') as unknown,
      },
    });
  });

  it('a token from page A is refused on page B', async () => {
    const token = await t.app.services.comments.formToken('page-a');
    clock.advance(10_000);
    await expect(send('page-b', token, cookie(901), '192.0.2.11')).rejects.toMatchObject({
      status: 400,
      code: 'form_other_page',
    });
  });

  it('the form over HTTP: a second post of the same form is refused, and the page offers a fresh one', async () => {
    // The reader opens the page (the same bytes for everyone), then starts writing.
    expect(
      (await t.app.inject({ url: '/live/page-b', remoteAddress: '192.0.2.12' })).statusCode,
    ).toBe(200);
    const token = (await t.app.inject('/live/page-b/comments/token')).json<{ token: string }>()
      .token;
    clock.advance(10_000);
    const post = (text: string) =>
      t.app.inject({
        method: 'POST',
        url: '/live/page-b/comments',
        remoteAddress: '192.0.2.12',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ name: 'قارئ', text, t: token }).toString(),
      });
    expect((await post('أول مرة من النموذج')).statusCode).toBe(303);
    clock.advance(60_000);
    const again = await post('مرة ثانية بالنموذج نفسه');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('استُخدم هذا النموذج');
    const fresh = /name="t" value="([^"]+)"/.exec(again.body)?.[1];
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(token);
  });

  it('50 distinct readers behind one address each post a comment within a minute', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 50 }, () => t.app.services.comments.formToken('page-a')),
    );
    clock.advance(5_000);
    const started = clock.now().getTime();
    for (const [i, token] of tokens.entries()) {
      await send('page-a', token, cookie(i));
      clock.advance(1_000);
    }
    expect(clock.now().getTime() - started).toBeLessThanOrEqual(60_000);
  });

  it('while one flooding identity behind the same address is still limited', async () => {
    const flood = cookie(49); // the last of the fifty, who posted a moment ago
    const token = await t.app.services.comments.formToken('page-a');
    clock.advance(4_000);
    await expect(send('page-a', token, flood)).rejects.toMatchObject({
      status: 429,
      headers: { 'retry-after': expect.stringMatching(/^\d+$/) as unknown },
    });
    // And over the hour: a new identity gets a few comments, not a stream.
    let accepted = 0;
    for (let i = 0; i < 10; i++) {
      clock.advance(40_000);
      const next = await t.app.services.comments.formToken('page-a');
      clock.advance(4_000);
      accepted += await send('page-a', next, flood).then(
        () => 1,
        () => 0,
      );
    }
    expect(accepted).toBeLessThan(5);
  });

  it('a flood that drops its cookie each time meets the ceiling of its address', async () => {
    clock.advance(3_600_000);
    let refused = 0;
    for (let i = 0; i < 140 && refused === 0; i++) {
      const token = await t.app.services.comments.formToken('page-b');
      clock.advance(3_000);
      await send('page-b', token, cookie(1000 + i), '198.51.100.99').catch((error: unknown) => {
        expect(error).toMatchObject({ status: 429 });
        refused++;
      });
    }
    expect(refused).toBe(1);
  });

  it('the check and the insert are one transaction: concurrent posts of one identity pass once', async () => {
    clock.advance(3_600_000);
    const tokens = await Promise.all(
      Array.from({ length: 6 }, () => t.app.services.comments.formToken('page-b')),
    );
    clock.advance(10_000);
    const results = await Promise.allSettled(
      tokens.map((token) => send('page-b', token, cookie(2000), '192.0.2.99')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect(r.reason).toMatchObject({ status: 429 });
  });
});
