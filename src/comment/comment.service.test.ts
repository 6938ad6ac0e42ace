import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../../test/helpers.js';
import { SseReader } from '../../test/sse-client.js';
import { fixedClock } from '../platform/platform.clock.js';
import type { Actor } from '../access/access.policy.js';
import { normaliseName } from '../lib/text.normalise.js';

const editor: Actor = { kind: 'user', id: null, name: 'محررة', role: 'editor' };
const moderator: Actor = { kind: 'user', id: null, name: 'مشرف', role: 'moderator' };

describe.each(engines())('comments ($name)', (engine) => {
  let t: TestApp;
  let base: string;
  const clock = fixedClock(new Date('2026-02-06T12:00:00Z'));
  let address = 0;

  beforeAll(async () => {
    t = await buildTestApp(engine, { clock });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    await t.app.services.liveblogs.create(editor, { slug: 'talk', headline: 'نقاش' });
  });
  afterAll(() => t.close());

  /** Posts as a new reader (own address), after a plausible time on the page. */
  async function post(
    text: string,
    extra: {
      name?: string;
      website?: string;
      address?: string;
      cookieId?: string;
      wait?: number;
    } = {},
  ) {
    const token = await t.app.services.comments.formToken('talk');
    clock.advance(extra.wait ?? 20_000);
    return t.app.services.comments.post(
      'talk',
      { name: extra.name ?? 'قارئ', text, website: extra.website, formToken: token },
      { address: extra.address ?? `198.51.100.${++address}`, cookieId: extra.cookieId },
    );
  }

  it('a comment is invisible until approved, then appears live on an open page with its count', async () => {
    const reader = new SseReader({ url: `${base}/live/talk/events` });
    await reader.until(() => reader.events.some((e) => e.type === 'ready'));
    const { comment, shown } = await post('تغطية ممتازة، شكرًا');
    expect(shown).toBe(false);
    expect((await t.app.inject('/live/talk')).body).not.toContain('تغطية ممتازة');
    expect((await t.app.services.comments.queue(moderator)).map((c) => c.id)).toContain(comment.id);
    await t.app.services.comments.moderate(moderator, [comment.id], 'approve');
    await reader.until(() => reader.events.some((e) => e.type === 'comment.approved'));
    const event = JSON.parse(
      reader.events.find((e) => e.type === 'comment.approved')?.data ?? '{}',
    ) as { id: number; count: number; html: string };
    expect(event.id).toBe(comment.id);
    expect(event.count).toBe(1);
    expect(event.html).toContain('تغطية ممتازة، شكرًا');
    const page = await t.app.inject('/live/talk');
    expect(page.body).toContain('تغطية ممتازة، شكرًا');
    expect(page.body).toContain('(تعليق واحد)');
    reader.close();
  });

  it('the rate limit answers 429 with a Retry-After', async () => {
    const cookieId = 'quickreaderquickreader';
    await post('تعليق أول من القارئ نفسه', { address: '203.0.113.50', cookieId });
    const token = await t.app.services.comments.formToken('talk');
    clock.advance(5_000);
    await expect(
      t.app.services.comments.post(
        'talk',
        { name: 'قارئ', text: 'تعليق ثان بسرعة', formToken: token },
        { address: '203.0.113.50', cookieId },
      ),
    ).rejects.toMatchObject({
      status: 429,
      headers: { 'retry-after': expect.stringMatching(/^\d+$/) as unknown },
    });
  });

  it('the rate limit reaches the reader over HTTP as 429 with Retry-After', async () => {
    const formToken = async () => {
      // The reader opens the page (the same bytes for everyone), then starts writing.
      await t.app.inject({ url: '/live/talk', remoteAddress: '192.0.2.77' });
      return (await t.app.inject('/live/talk/comments/token')).json<{ token: string }>().token;
    };
    const [one, two] = [await formToken(), await formToken()];
    clock.advance(10_000);
    const send = (text: string, token: string, cookie?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/live/talk/comments',
        remoteAddress: '192.0.2.77',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie !== undefined && { cookie }),
        },
        payload: new URLSearchParams({ name: 'قارئ', text, t: token }).toString(),
      });
    const first = await send('أول تعليق عبر النموذج', one);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/live/talk?comment=pending#comments');
    expect(String(first.headers['set-cookie'])).toMatch(
      /^ajil_cid=[A-Za-z0-9_-]{22}; Path=\/live; .*HttpOnly/,
    );
    // The same browser (its comment cookie) a moment later, with a fresh form.
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    const second = await send('ثاني تعليق عبر النموذج', two, cookie);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.body).toContain('طلبات كثيرة');
  });

  it('a comment with three links is held', async () => {
    const three = await post('انظر https://a.example و https://b.example و https://c.example');
    expect(three.comment.heldReason).toBe('links');
  });

  it("a blocked author's comments are held, even in post-moderation", async () => {
    await t.app.services.liveblogs.change(editor, 'talk', { commentMode: 'post' });
    const first = await post('تعليق عادي سيُنشر مباشرة', { cookieId: 'abcdefghijklmnopqrstuv' });
    expect(first.shown).toBe(true);
    await t.app.services.comments.blockAuthor(moderator, first.comment.id);
    // Same browser (cookie id), another address: still held.
    const again = await post('تعليق جديد من الكاتب المحظور', {
      cookieId: 'abcdefghijklmnopqrstuv',
      wait: 60_000,
    });
    expect(again.shown).toBe(false);
    expect(again.comment.heldReason).toBe('blocked');
    await t.app.services.liveblogs.change(editor, 'talk', { commentMode: 'pre' });
  });

  it('a word-list entry written «أ» matches a comment written «ا» (and diacritics, ة/ه, ى/ي)', async () => {
    await t.app.services.liveblogs.change(editor, 'talk', { commentMode: 'post' });
    await t.app.services.comments.addWord(moderator, 'أحمق');
    const plain = await post('هذا احمق تماما');
    expect(plain.comment.heldReason).toBe('word');
    const marked = await post('يا أحْمَق');
    expect(marked.comment.heldReason).toBe('word');
    const clean = await post('الحمقى ليسوا هنا'); // another word: not held
    expect(clean.shown).toBe(true);
    await t.app.services.liveblogs.change(editor, 'talk', { commentMode: 'pre' });
  });

  it('duplicate text is refused; the honeypot and a too-quick post are treated as spam', async () => {
    await post('نص مكرر للتجربة');
    await expect(post('نَصّ مكرر للتجربة')).rejects.toMatchObject({ status: 409 });
    const honey = await post('روبوت يملأ كل الحقول', { website: 'http://spam.example' });
    expect(honey.comment.status).toBe('spam');
    const quick = await post('روبوت مستعجل', { wait: 500 });
    expect(quick.comment.status).toBe('spam');
    expect((await t.app.services.comments.queue(moderator)).map((c) => c.id)).not.toContain(
      quick.comment.id,
    );
  });

  it('an expired or forged form token is refused with 400', async () => {
    await expect(
      t.app.services.comments.post(
        'talk',
        { name: 'x', text: 'y', formToken: 'abc.def' },
        { address: '192.0.2.1', cookieId: undefined },
      ),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('bulk moderation: reject removes an approved comment from open pages', async () => {
    const a = await post('تعليق سيُقبل ثم يُرفض');
    await t.app.services.comments.moderate(moderator, [a.comment.id], 'approve');
    const reader = new SseReader({ url: `${base}/live/talk/events` });
    await reader.until(() => reader.events.some((e) => e.type === 'ready'));
    expect(await t.app.services.comments.moderate(moderator, [a.comment.id], 'reject')).toBe(1);
    await reader.until(() => reader.events.some((e) => e.type === 'comment.removed'));
    expect((await t.app.inject('/live/talk')).body).not.toContain('تعليق سيُقبل ثم يُرفض');
    reader.close();
  });

  it('approving a comment does not make the coverage look updated', async () => {
    const before = (await t.app.services.liveblogs.bySlug('talk')).updatedAt.getTime();
    const { comment } = await post('تعليق لا يغيّر تاريخ التغطية');
    clock.advance(60_000);
    await t.app.services.comments.moderate(moderator, [comment.id], 'approve');
    expect((await t.app.services.liveblogs.bySlug('talk')).updatedAt.getTime()).toBe(before);
  });

  it('a moderator takes an approved comment down from the desk', async () => {
    const { comment } = await post('تعليق سيُزال من المكتب');
    await t.app.services.comments.moderate(moderator, [comment.id], 'approve');
    const desk = await signIn(t.app, 'moderator');
    const listed = await t.app.inject({
      url: '/newsroom/comments',
      headers: { cookie: desk.cookie },
    });
    expect(listed.body).toContain('تعليق سيُزال من المكتب');
    const res = await t.app.inject({
      method: 'POST',
      url: '/newsroom/comments/moderate',
      headers: { cookie: desk.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        ids: String(comment.id),
        action: 'reject',
        _csrf: desk.csrf,
      }).toString(),
    });
    expect(res.statusCode).toBe(303);
    expect((await t.app.inject('/live/talk')).body).not.toContain('تعليق سيُزال من المكتب');
  });

  it('a reporter cannot moderate', async () => {
    await expect(
      t.app.services.comments.queue({ kind: 'user', id: 1, name: 'r', role: 'reporter' }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe('names', () => {
  it('lose bidirectional and invisible controls', () => {
    expect(normaliseName('\u202Eأحمد\u202C\u200F \u2066سالم\u2069\u200B')).toBe('أحمد سالم');
  });
});
