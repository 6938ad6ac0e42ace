import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';

describe.each(engines())('publishing through the API ($name)', (engine) => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    editor = await t.token('editor');
  });
  afterAll(() => t.close());

  const post = (url: string, payload: unknown, token = editor) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: bearer(token) });

  async function counts(slug: string) {
    const res = await t.app.inject(`/api/v1/liveblogs/${slug}/updates?limit=100`);
    return res.json<{ updates: unknown[] }>().updates.length;
  }

  it('create a page, publish 3, edit one, delete one: the page shows 2, newest first, edited marked', async () => {
    const created = await post('/api/v1/liveblogs', {
      slug: 'election-night',
      headline: 'ليلة الانتخابات',
      standfirst: 'تغطية مباشرة لفرز الأصوات.',
      timeZone: 'Asia/Beirut',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'election-night', locale: 'ar', status: 'live' });

    const ids: number[] = [];
    for (const [i, text] of ['فتح مراكز الاقتراع', 'نسبة المشاركة 40%', 'بدء الفرز'].entries()) {
      const res = await post('/api/v1/liveblogs/election-night/updates', {
        headline: `تحديث ${i + 1}`,
        text: `${text}\n\nالتفاصيل في https://example.org/news.`,
        sources: [{ name: 'رويترز', kind: 'wire', url: 'https://www.reuters.com' }],
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ id: number; blocks: unknown[] }>();
      expect(body.blocks).toHaveLength(2);
      ids.push(body.id);
    }
    const [first, second, third] = ids as [number, number, number];

    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/liveblogs/election-night/updates/${first}`,
      payload: { text: 'فتحت مراكز الاقتراع أبوابها في السابعة صباحًا' },
      headers: bearer(editor),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<{ editedAt: string | null }>().editedAt).not.toBeNull();

    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/liveblogs/election-night/updates/${second}`,
      headers: bearer(editor),
    });
    expect(deleted.statusCode).toBe(204);

    const page = await t.app.inject('/live/election-night');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    const order = [...html.matchAll(/<article class="update[^"]*" id="update-(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(order).toEqual([third, first]);
    expect(html).not.toContain(`id="update-${second}"`);
    const firstArticle = html.slice(html.indexOf(`id="update-${first}"`));
    expect(firstArticle.slice(0, firstArticle.indexOf('</article>'))).toContain('تم التحديث');
    expect(html).toContain('فتحت مراكز الاقتراع أبوابها');
    expect(html).toContain('<a href="https://example.org/news" rel="noopener nofollow">');

    const list = await t.app.inject('/api/v1/liveblogs/election-night/updates');
    expect(list.json<{ updates: { id: number }[] }>().updates.map((u) => u.id)).toEqual([
      third,
      first,
    ]);
  });

  describe('bad input gets a clear 4xx and changes nothing', () => {
    beforeAll(async () => {
      await post('/api/v1/liveblogs', { slug: 'guarded', headline: 'صفحة' });
    });

    it('missing text → 400 naming the field', async () => {
      const before = await counts('guarded');
      const res = await post('/api/v1/liveblogs/guarded/updates', { headline: 'بلا نص' });
      expect(res.statusCode).toBe(400);
      const body = res.json<{
        error: {
          code: string;
          message: string;
          messages: { ar: string; en: string };
          details: { field: string }[];
        };
      }>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details[0]?.field).toBe('/text');
      expect(body.error.messages.ar).toMatch(/[\u0600-\u06FF]/);
      expect(body.error.messages.en).toMatch(/text/);
      expect(await counts('guarded')).toBe(before);
    });

    it('blank text → 400', async () => {
      const res = await post('/api/v1/liveblogs/guarded/updates', { text: '  \n\n  ' });
      expect(res.statusCode).toBe(400);
    });

    it('a 2 MB body → 413', async () => {
      const before = await counts('guarded');
      const res = await post('/api/v1/liveblogs/guarded/updates', {
        text: 'ا'.repeat(1024 * 1024),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
      expect(await counts('guarded')).toBe(before);
    });

    it('text longer than the limit (but under the body limit) → 400', async () => {
      const res = await post('/api/v1/liveblogs/guarded/updates', { text: 'a'.repeat(20_001) });
      expect(res.statusCode).toBe(400);
    });

    it('unknown fields → 400 naming them', async () => {
      const before = await counts('guarded');
      const res = await post('/api/v1/liveblogs/guarded/updates', { text: 'نص', colour: 'red' });
      expect(res.statusCode).toBe(400);
      expect(
        res.json<{ error: { details: { field: string; message: string }[] } }>().error.details,
      ).toEqual([{ field: '/colour', message: 'is not a known field' }]);
      expect(await counts('guarded')).toBe(before);
    });

    it('a bad slug → 400, a taken slug → 409', async () => {
      const bad = await post('/api/v1/liveblogs', { slug: 'Bad Slug!', headline: 'x' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
        '/slug',
      );
      const taken = await post('/api/v1/liveblogs', { slug: 'guarded', headline: 'x' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json<{ error: { code: string } }>().error.code).toBe('slug_taken');
    });

    it('an unknown time zone → 400', async () => {
      const res = await post('/api/v1/liveblogs', {
        slug: 'tz-test',
        headline: 'x',
        timeZone: 'Mars/Olympus',
      });
      expect(res.statusCode).toBe(400);
      expect((await t.app.inject('/api/v1/liveblogs/tz-test')).statusCode).toBe(404);
    });

    it('a wrong token → 401, no token → 401, and nothing is written', async () => {
      const before = await counts('guarded');
      const wrong = await post(
        '/api/v1/liveblogs/guarded/updates',
        { text: 'نص' },
        'ajil_not-a-real-token-at-all',
      );
      expect(wrong.statusCode).toBe(401);
      const none = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/guarded/updates',
        payload: { text: 'نص' },
      });
      expect(none.statusCode).toBe(401);
      expect(await counts('guarded')).toBe(before);
    });

    it('a revoked token → 401', async () => {
      const { token, record } = await t.app.services.tokens.create('short-lived', 'editor');
      expect(
        (await post('/api/v1/liveblogs/guarded/updates', { text: 'أول' }, token)).statusCode,
      ).toBe(201);
      await t.app.services.tokens.revoke(record.id);
      expect(
        (await post('/api/v1/liveblogs/guarded/updates', { text: 'ثان' }, token)).statusCode,
      ).toBe(401);
    });

    it('a reporter token may not publish → 403', async () => {
      const reporter = await t.token('reporter');
      const before = await counts('guarded');
      const res = await post('/api/v1/liveblogs/guarded/updates', { text: 'نص' }, reporter);
      expect(res.statusCode).toBe(403);
      expect(await counts('guarded')).toBe(before);
    });

    it('a form or text body → 415', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/guarded/updates',
        payload: 'text=hello',
        headers: { ...bearer(editor), 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.statusCode).toBe(415);
      const text = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/guarded/updates',
        payload: 'hello',
        headers: { ...bearer(editor), 'content-type': 'text/plain' },
      });
      expect(text.statusCode).toBe(415);
    });

    it('malformed JSON → 400', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/guarded/updates',
        payload: '{"text": ',
        headers: { ...bearer(editor), 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid_json');
    });

    it('a javascript: link in blocks → 400', async () => {
      const res = await post('/api/v1/liveblogs/guarded/updates', {
        blocks: [
          {
            type: 'paragraph',
            content: [{ type: 'link', text: 'x', href: 'javascript:alert(1)' }],
          },
        ],
      });
      expect(res.statusCode).toBe(400);
    });

    it('editing or deleting an unknown update → 404', async () => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/liveblogs/guarded/updates/999999',
        payload: { text: 'x' },
        headers: bearer(editor),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
    });
  });
});
