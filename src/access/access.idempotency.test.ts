// Class 3 of the hardening issue: publishing is idempotent. A creating POST with an
// Idempotency-Key, retried with the same key and body, gets the original answer without a
// second write or a second live event; the same key with another body is a 422; a retry that
// arrives while the first is still running never makes a duplicate.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, signIn, type TestApp } from '../../test/helpers.js';
import { fixedClock } from '../platform/platform.clock.js';

interface Answer {
  readonly statusCode: number;
  readonly headers: Record<string, unknown>;
  readonly body: string;
  json(): unknown;
}

const idOf = (answer: Answer) => (answer.json() as { id: number }).id;
const codeOf = (answer: Answer) => (answer.json() as { error: { code: string } }).error.code;

describe.each(engines())('idempotent creating POSTs ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  const clock = fixedClock(new Date('2026-03-01T09:00:00Z'));
  let n = 0;
  const fresh = () => `key-${engine.name}-${++n}-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    t = await buildTestApp(engine, { clock });
    editor = await t.token('editor');
    const made = await post('/api/v1/liveblogs', { slug: 'idem', headline: 'صفحة' });
    expect(made.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  function post(
    url: string,
    payload: object,
    key?: string,
    token = editor,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    return t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        ...bearer(token),
        ...(key !== undefined && { 'idempotency-key': key }),
        ...headers,
      },
    });
  }

  const db = () => t.app.database.db;
  async function updatesOf(slug: string) {
    const page = await db()
      .selectFrom('liveblogs')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    const updates = await db()
      .selectFrom('updates')
      .select(['id', 'status'])
      .where('liveblogId', '=', page.id)
      .execute();
    const events = await db()
      .selectFrom('events')
      .select(['type', 'updateId'])
      .where('liveblogId', '=', page.id)
      .execute();
    return { updates, published: events.filter((e) => e.type === 'update.published') };
  }

  const expectReplay = (first: Answer, again: Answer) => {
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.json()).toEqual(first.json());
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
  };

  it('a retried update with the same key and body gets the original answer: one update, one event', async () => {
    const key = fresh();
    const before = await updatesOf('idem');
    const body = { headline: 'عاجل', text: 'انقطاع الكهرباء في المدينة' };
    const first = await post('/api/v1/liveblogs/idem/updates', body, key);
    expect(first.statusCode).toBe(201);
    clock.advance(5_000);
    const again = await post('/api/v1/liveblogs/idem/updates', body, key);
    expectReplay(first, again);
    // The same body with its keys in another order is the same body.
    const reordered = await post(
      '/api/v1/liveblogs/idem/updates',
      { text: body.text, headline: body.headline },
      key,
    );
    expectReplay(first, reordered);
    const after = await updatesOf('idem');
    expect(after.updates.length).toBe(before.updates.length + 1);
    expect(after.published.length).toBe(before.published.length + 1);
  });

  it('the same key with a different body is a 422 with a bilingual message, and writes nothing', async () => {
    const key = fresh();
    const url = '/api/v1/liveblogs/idem/updates';
    expect((await post(url, { text: 'الخبر الأول' }, key)).statusCode).toBe(201);
    const before = await updatesOf('idem');
    const other = await post(url, { text: 'خبر آخر تمامًا' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      error: {
        code: 'idempotency_key_reused',
        messages: {
          ar: expect.stringContaining('مفتاح') as unknown,
          en: expect.stringContaining('Idempotency-Key') as unknown,
        },
      },
    });
    // The same key and body on another route is another request too.
    const elsewhere = await post('/api/v1/liveblogs', { slug: 'idem-other', headline: 'x' }, key);
    expect(elsewhere.statusCode).toBe(422);
    expect((await updatesOf('idem')).updates.length).toBe(before.updates.length);
    expect((await t.app.inject('/api/v1/liveblogs/idem-other')).statusCode).toBe(404);
  });

  it('a burst of duplicates makes one write: the others are told it is in progress, or replayed', async () => {
    const key = fresh();
    const before = await updatesOf('idem');
    const body = { text: 'اشتباكات قرب الحدود' };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post('/api/v1/liveblogs/idem/updates', body, key)),
    );
    const created = answers.filter((a) => a.statusCode === 201);
    const waiting = answers.filter((a) => a.statusCode === 409);
    expect(created.length + waiting.length).toBe(8);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map(idOf)).size).toBe(1);
    for (const a of waiting) {
      expect(codeOf(a)).toBe('idempotency_in_progress');
      expect(a.headers['retry-after']).toBe('1');
    }
    const after = await updatesOf('idem');
    expect(after.updates.length).toBe(before.updates.length + 1);
    expect(after.published.length).toBe(before.published.length + 1);
    // Once the first is done, the retry gets its answer.
    const again = await post('/api/v1/liveblogs/idem/updates', body, key);
    expect(again.statusCode).toBe(201);
    expect(created[0] && idOf(again)).toBe(created[0] && idOf(created[0]));
  });

  it('a retry while the first is still in flight gets 409 and makes no duplicate', async () => {
    // A second app whose link previews wait at a gate: the first publish stays in flight (in
    // the media resolver, before its write) until the test opens it.
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slow = await buildTestApp(
      engine,
      {
        clock,
        fetchOptions: {
          resolver: async () => {
            entered();
            await gate;
            return [];
          },
        },
      },
      { embedFetch: true },
    );
    try {
      const token = await slow.token('editor');
      const send = () =>
        slow.app.inject({
          method: 'POST',
          url: '/api/v1/liveblogs/slow/updates',
          headers: { ...bearer(token), 'idempotency-key': 'one-publish' },
          payload: {
            blocks: [
              { type: 'paragraph', content: [{ type: 'text', text: 'بيان الوزارة' }] },
              { type: 'embed', url: 'https://slow.example/statement' },
            ],
          },
        });
      const made = await slow.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: bearer(token),
        payload: { slug: 'slow', headline: 'بطيء' },
      });
      expect(made.statusCode).toBe(201);
      const first = send();
      await inFlight;
      const second = await send();
      expect(second.statusCode).toBe(409);
      expect(codeOf(second)).toBe('idempotency_in_progress');
      expect(second.headers['retry-after']).toBe('1');
      open();
      const done = await first;
      expect(done.statusCode).toBe(201);
      const third = await send();
      expectReplay(done, third);
      const count = await slow.app.database.db
        .selectFrom('updates')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(count.n).toBe(1);
      const events = await slow.app.database.db
        .selectFrom('events')
        .select('type')
        .where('type', '=', 'update.published')
        .execute();
      expect(events).toHaveLength(1);
    } finally {
      open();
      await slow.close();
    }
  });

  it('keys belong to their token: another token with the same key is its own request', async () => {
    const key = fresh();
    const other = await t.token('editor');
    const body = { text: 'خبر من مصدرين' };
    const a = await post('/api/v1/liveblogs/idem/updates', body, key);
    const b = await post('/api/v1/liveblogs/idem/updates', body, key, other);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(idOf(b)).not.toBe(idOf(a));
  });

  it('a failed request keeps nothing: the same key works once the cause is fixed', async () => {
    const key = fresh();
    const body = { text: 'أول خبر في صفحة لم تُنشأ بعد' };
    expect((await post('/api/v1/liveblogs/idem-later/updates', body, key)).statusCode).toBe(404);
    expect(
      (await post('/api/v1/liveblogs', { slug: 'idem-later', headline: 'لاحقًا' })).statusCode,
    ).toBe(201);
    const done = await post('/api/v1/liveblogs/idem-later/updates', body, key);
    expect(done.statusCode).toBe(201);
    expect((await updatesOf('idem-later')).updates.length).toBe(1);
  });

  it('a record lasts 24 hours: after that the key is free again', async () => {
    const key = fresh();
    const url = '/api/v1/liveblogs/idem/updates';
    expect((await post(url, { text: 'قبل يوم' }, key)).statusCode).toBe(201);
    clock.advance(23 * 3600_000);
    expect((await post(url, { text: 'بعد ثلاث وعشرين ساعة' }, key)).statusCode).toBe(422);
    clock.advance(3600_000 + 1);
    expect((await post(url, { text: 'بعد يوم' }, key)).statusCode).toBe(201);
    const stored = await db()
      .selectFrom('idempotencyKeys')
      .select('expiresAt')
      .where('expiresAt', '<=', clock.now().toISOString())
      .execute();
    expect(stored).toEqual([]); // expired records are pruned on write
  });

  it.each([
    ['empty', ''],
    ['with a space', 'two words'],
    ['of 256 characters', 'k'.repeat(256)],
    ['with a control character', 'key\u007f'],
  ])('a key %s is refused with 400', async (_name, key) => {
    const before = await updatesOf('idem');
    const res = await post('/api/v1/liveblogs/idem/updates', { text: 'مفتاح غير صالح' }, key);
    expect(res.statusCode).toBe(400);
    expect(codeOf(res)).toBe('validation_failed');
    expect((await updatesOf('idem')).updates.length).toBe(before.updates.length);
  });

  it('a key of 255 visible ASCII characters is accepted', async () => {
    const key = `${'!~'.repeat(127)}z`;
    expect(key).toHaveLength(255);
    expect(
      (await post('/api/v1/liveblogs/idem/updates', { text: 'مفتاح طويل' }, key)).statusCode,
    ).toBe(201);
  });

  it('creating a live page: a retry gets the same page, another body a 422', async () => {
    const key = fresh();
    const body = { slug: 'idem-page', headline: 'صفحة جديدة', standfirst: 'تغطية' };
    const first = await post('/api/v1/liveblogs', body, key);
    expect(first.statusCode).toBe(201);
    const again = await post('/api/v1/liveblogs', body, key);
    expectReplay(first, again);
    expect(
      (await post('/api/v1/liveblogs', { ...body, headline: 'غير ذلك' }, key)).statusCode,
    ).toBe(422);
    const rows = await db()
      .selectFrom('liveblogs')
      .select('id')
      .where('slug', '=', 'idem-page')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('uploading a photo: a retry stores no second photo, other bytes are a 422', async () => {
    const key = fresh();
    const png = (colour: string) =>
      sharp({ create: { width: 24, height: 16, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const upload = async (bytes: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/photos?alt=%D8%B5%D9%88%D8%B1%D8%A9&credit=AFP',
        payload: bytes,
        headers: { ...bearer(editor), 'content-type': 'image/png', 'idempotency-key': key },
      });
    const count = async () => (await db().selectFrom('photos').select('id').execute()).length;
    const before = await count();
    const red = await png('#c00000');
    const first = await upload(red);
    expect(first.statusCode).toBe(201);
    const again = await upload(red);
    expectReplay(first, again);
    expect(await count()).toBe(before + 1);
    expect((await upload(await png('#0000c0'))).statusCode).toBe(422);
    expect(await count()).toBe(before + 1);
  });

  it('the composer over its session: a draft is created once, and published once', async () => {
    const session = await signIn(t.app, 'editor');
    const asDesk = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const send = (url: string, payload: object, key: string) =>
      t.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { ...asDesk, 'idempotency-key': key },
      });
    const before = await updatesOf('idem');
    const createKey = fresh();
    const draft = { text: 'مسودة من غرفة الأخبار' };
    const made = await send('/api/v1/liveblogs/idem/drafts', draft, createKey);
    expect(made.statusCode).toBe(201);
    expectReplay(made, await send('/api/v1/liveblogs/idem/drafts', draft, createKey));
    const id = idOf(made);
    const publishKey = fresh();
    const url = `/api/v1/liveblogs/idem/drafts/${id}/publish`;
    const published = await send(url, {}, publishKey);
    expect(published.statusCode).toBe(200);
    // Without the key, a second publish of the same draft would find it published (404).
    expectReplay(published, await send(url, {}, publishKey));
    const after = await updatesOf('idem');
    expect(after.updates.length).toBe(before.updates.length + 1);
    expect(after.published.filter((e) => e.updateId === id)).toHaveLength(1);
  });
});
