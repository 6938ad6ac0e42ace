import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { SseReader } from '../../test/sse-client.js';

describe.each(engines())('live delivery over real sockets ($name)', (engine) => {
  let t: TestApp;
  let base: string;
  let editor: string;
  const readers: SseReader[] = [];

  beforeAll(async () => {
    t = await buildTestApp(engine, { hubOptions: { sweepMs: 500 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    editor = await t.token('editor');
    const res = await fetch(`${base}/api/v1/liveblogs`, {
      method: 'POST',
      headers: { ...bearer(editor), 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'stream', headline: 'بث مباشر', timeZone: 'Asia/Muscat' }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    for (const reader of readers) reader.close();
    await t.close();
  });

  async function publish(text: string, extra: Record<string, unknown> = {}): Promise<number> {
    const res = await fetch(`${base}/api/v1/liveblogs/stream/updates`, {
      method: 'POST',
      headers: { ...bearer(editor), 'content-type': 'application/json' },
      body: JSON.stringify({ text, ...extra }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  }

  function reader(lastEventId?: number): SseReader {
    const r = new SseReader({
      url: `${base}/live/stream/events`,
      ...(lastEventId !== undefined && { lastEventId }),
    });
    readers.push(r);
    return r;
  }

  it('publish → every connected reader gets the same rendered update', async () => {
    const group = Array.from({ length: 20 }, () => reader());
    await Promise.all(group.map((r) => r.until(() => r.events.some((e) => e.type === 'ready'))));
    const id = await publish('وصل الوفد إلى مسقط');
    await Promise.all(group.map((r) => r.until(() => r.numbered().length >= 1)));
    const payloads = group.map((r) => r.numbered()[0]);
    for (const event of payloads) {
      expect(event?.type).toBe('update.published');
      expect(event?.data).toBe(payloads[0]?.data);
    }
    const data = JSON.parse(payloads[0]?.data ?? '{}') as { id: number; html: string };
    expect(data.id).toBe(id);
    expect(data.html).toContain(`id="update-${id}"`);
    expect(data.html).toContain('وصل الوفد إلى مسقط');
    for (const r of group) r.close();
  });

  it('a reader that resumes with Last-Event-ID gets exactly what it missed, in order', async () => {
    const first = reader();
    await first.until(() => first.events.some((e) => e.type === 'ready'));
    await publish('أ');
    await first.until(() => first.numbered().length === 1);
    const seen = first.lastEventId ?? 0;
    first.close();
    await publish('ب');
    await publish('ج');
    const resumed = reader(seen);
    await resumed.until(() => resumed.numbered().length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const got = resumed.numbered();
    expect(got.map((e) => e.id)).toEqual([seen + 1, seen + 2]);
    expect(got.map((e) => e.type)).toEqual(['update.published', 'update.published']);
    expect(got[1]?.data).toContain('ج');
  });

  it('edits, pins and deletions arrive as their own events', async () => {
    const r = reader();
    await r.until(() => r.events.some((e) => e.type === 'ready'));
    const id = await publish('نص أول');
    await fetch(`${base}/api/v1/liveblogs/stream/updates/${id}`, {
      method: 'PATCH',
      headers: { ...bearer(editor), 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'نص معدّل', pinned: true }),
    });
    await fetch(`${base}/api/v1/liveblogs/stream/updates/${id}`, {
      method: 'DELETE',
      headers: bearer(editor),
    });
    await r.until(() => r.numbered().some((e) => e.type === 'update.deleted'));
    const types = r.numbered().map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'update.published',
        'update.edited',
        'update.pinned',
        'update.deleted',
      ]),
    );
    const edited = r.numbered().find((e) => e.type === 'update.edited');
    expect(edited?.data).toContain('نص معدّل');
    expect(edited?.data).toContain('تم التحديث');
    const ids = r.numbered().map((e) => e.id ?? 0);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('two concurrent publishers post 500 updates and every reader sees all 500 in order', async () => {
    const group = Array.from({ length: 5 }, () => reader());
    await Promise.all(group.map((r) => r.until(() => r.events.some((e) => e.type === 'ready'))));
    const start = group[0]?.lastEventId ?? 0;
    const publisher = async (name: string) => {
      const ids: number[] = [];
      for (let i = 0; i < 250; i++) ids.push(await publish(`${name} ${i}`));
      return ids;
    };
    const [a, b] = await Promise.all([publisher('أ'), publisher('ب')]);
    const published = new Set([...a, ...b]);
    expect(published.size).toBe(500);
    await Promise.all(
      group.map((r) =>
        r.until(
          () => r.numbered().filter((e) => e.type === 'update.published').length >= 500,
          30_000,
        ),
      ),
    );
    for (const r of group) {
      const got = r.numbered();
      const seqs = got.map((e) => e.id ?? 0);
      // Every sequence number once, with no gap, in order.
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => (seqs[0] ?? 0) + i));
      expect(seqs[0]).toBeGreaterThan(start);
      const ids = got.map((e) => (JSON.parse(e.data) as { id: number }).id);
      expect(new Set(ids)).toEqual(published);
      expect(ids).toHaveLength(500);
    }
  }, 60_000);

  it('a reader too far behind is told to reset', async () => {
    const r = reader(0);
    await r.until(() => r.events.some((e) => e.type === 'ready'));
    expect(r.events[0]?.type).toBe('reset');
  });

  it('the polling fallback returns the same events with an ETag and a poll interval', async () => {
    const r = reader();
    await r.until(() => r.events.some((e) => e.type === 'ready'));
    const after = r.lastEventId ?? 0;
    const before = await fetch(`${base}/live/stream/updates.json?after=${after}`);
    const beforeBody = (await before.json()) as { lastEventId: number; events: unknown[] };
    const id = await publish('عبر الاستطلاع');
    await r.until(() => r.numbered().some((e) => e.data.includes(`"id":${id},`)));
    const res = await fetch(`${base}/live/stream/updates.json?after=${beforeBody.lastEventId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const etag = res.headers.get('etag') ?? '';
    const body = (await res.json()) as {
      events: { id: number; type: string; data: { id: number; html: string } }[];
      pollInterval: number;
    };
    expect(body.pollInterval).toBeGreaterThanOrEqual(1000);
    expect(body.events.at(-1)?.data.id).toBe(id);
    const streamed = r.numbered().find((e) => e.data.includes(`"id":${id},`));
    expect(JSON.stringify(body.events.at(-1)?.data)).toBe(streamed?.data);
    const again = await fetch(`${base}/live/stream/updates.json?after=${beforeBody.lastEventId}`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('a cap on streams per client address answers 429', async () => {
    const capped = await buildTestApp(engine, { hubOptions: { maxPerAddress: 2 } });
    try {
      await capped.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(capped.app.server.address() as AddressInfo).port}`;
      const token = await capped.token('editor');
      await fetch(`${url}/api/v1/liveblogs`, {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify({ slug: 'capped', headline: 'x' }),
      });
      const open = [1, 2].map(
        () => new SseReader({ url: `${url}/live/capped/events`, reconnect: false }),
      );
      await Promise.all(open.map((r) => r.until(() => r.events.length > 0)));
      const third = await fetch(`${url}/live/capped/events`);
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBeTruthy();
      for (const r of open) r.close();
    } finally {
      await capped.close();
    }
  });
});
