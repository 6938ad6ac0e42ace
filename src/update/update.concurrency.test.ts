import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { createUpdateRepository } from './update.repository.js';

interface ErrorBody {
  error: { code: string; messages: { ar: string; en: string } };
}

describe.each(engines())('If-Match on updates ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  const slug = 'desk-race';
  const base = `/api/v1/liveblogs/${slug}/updates`;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    editor = await t.token('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      payload: { slug, headline: 'سباق المحررين' },
      headers: bearer(editor),
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  async function publish(text: string): Promise<number> {
    const res = await t.app.inject({
      method: 'POST',
      url: base,
      payload: { text },
      headers: bearer(editor),
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number }>().id;
  }

  const patch = (id: number, text: string, ifMatch?: string) =>
    t.app.inject({
      method: 'PATCH',
      url: `${base}/${id}`,
      payload: { text },
      headers: { ...bearer(editor), ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
    });

  async function read(id: number) {
    const res = await t.app.inject(`${base}/${id}`);
    expect(res.statusCode).toBe(200);
    return { etag: String(res.headers.etag), text: res.json<{ text: string }>().text };
  }

  async function editedEvents(id: number): Promise<number> {
    const res = await t.app.inject(`/live/${slug}/updates.json?after=0`);
    const { events } = res.json<{ events: { type: string; data: { id?: number } }[] }>();
    return events.filter((e) => e.type === 'update.edited' && e.data.id === id).length;
  }

  async function liveblogId(): Promise<number> {
    const found = await t.app.services.liveblogs.bySlug(slug);
    return found.id;
  }

  async function revisionCount(id: number): Promise<number> {
    const res = await t.app.inject({ url: `${base}/${id}/revisions`, headers: bearer(editor) });
    return res.json<{ revisions: unknown[] }>().revisions.length;
  }

  it('GET names the version; a PATCH with it succeeds and names the new one', async () => {
    const id = await publish('النص الأول');
    const first = await read(id);
    expect(first.etag).toMatch(/^"[^"]+"$/);
    expect((await read(id)).etag).toBe(first.etag);

    const res = await patch(id, 'النص الثاني', first.etag);
    expect(res.statusCode).toBe(200);
    const next = String(res.headers.etag);
    expect(next).not.toBe(first.etag);
    expect(await read(id)).toEqual({ etag: next, text: 'النص الثاني' });
  });

  it('a stale If-Match gets 412 in Arabic and English and changes nothing', async () => {
    const id = await publish('قبل');
    const stale = (await read(id)).etag;
    expect((await patch(id, 'بعد', stale)).statusCode).toBe(200);
    const now = await read(id);
    const events = await editedEvents(id);
    const revisions = await revisionCount(id);
    expect(events).toBe(1);

    const res = await patch(id, 'كتابة فوق كتابة', stale);
    expect(res.statusCode).toBe(412);
    const body = res.json<ErrorBody>();
    expect(body.error.code).toBe('precondition_failed');
    expect(body.error.messages.ar).toMatch(/[\u0600-\u06FF]/);
    expect(body.error.messages.en).toContain('changed');

    expect(await read(id)).toEqual(now);
    expect(await editedEvents(id)).toBe(events);
    expect(await revisionCount(id)).toBe(revisions);
  });

  it('without If-Match (or with *) an edit goes through as before', async () => {
    const id = await publish('أ');
    expect((await patch(id, 'ب')).statusCode).toBe(200);
    expect((await patch(id, 'ج', '*')).statusCode).toBe(200);
    expect((await patch(id, 'د', 'W/"nope", "other"')).statusCode).toBe(412);
    expect((await read(id)).text).toBe('ج');
  });

  it('two PATCHes with the same If-Match at once: exactly one wins', async () => {
    const id = await publish('الأصل');
    const { etag } = await read(id);
    const events = await editedEvents(id);
    const answers = await Promise.all([
      patch(id, 'المحرر الأول', etag),
      patch(id, 'المحرر الثاني', etag),
    ]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, 412]);
    const winner = answers.find((a) => a.statusCode === 200);
    const text = winner?.json<{ text: string }>().text;
    expect((await read(id)).text).toBe(text);
    expect(await editedEvents(id)).toBe(events + 1);
  });

  it('the conditional write: of two transactions that saw the same version, one changes the row', async () => {
    const id = await publish('نسخة واحدة');
    const { db } = t.app.database;
    const updates = createUpdateRepository();
    const seen = await updates.findById(db, await liveblogId(), id);
    if (!seen) throw new Error('no update');
    const at = new Date(seen.updatedAt.getTime() + 1000);
    // The first transaction holds its change open while the second tries the same one.
    let release: (() => void) | undefined;
    let changedFirst: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const firstChanged = new Promise<void>((resolve) => (changedFirst = resolve));
    const first = db.transaction().execute(async (trx) => {
      const changed = await updates.changeIfUnchanged(trx, seen, { headline: 'أ' }, at);
      changedFirst?.();
      await held;
      return changed;
    });
    // The second starts only once the first has changed the row (and holds it, uncommitted).
    await firstChanged;
    const second = db
      .transaction()
      .execute((trx) => updates.changeIfUnchanged(trx, seen, { headline: 'ب' }, at));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release?.();
    const [a, b] = await Promise.all([first, second]);
    expect(a?.headline).toBe('أ');
    expect(b).toBeUndefined();
    expect((await updates.findById(db, seen.liveblogId, id))?.revision).toBe(seen.revision + 1);
  });

  it('DELETE honours If-Match too', async () => {
    const id = await publish('للحذف');
    const stale = (await read(id)).etag;
    expect((await patch(id, 'للحذف بعد التعديل', stale)).statusCode).toBe(200);
    const del = (ifMatch: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `${base}/${id}`,
        headers: { ...bearer(editor), 'if-match': ifMatch },
      });
    expect((await del(stale)).statusCode).toBe(412);
    const current = await read(id);
    expect((await del(current.etag)).statusCode).toBe(204);
    expect((await t.app.inject(`${base}/${id}`)).statusCode).toBe(404);
  });
});
