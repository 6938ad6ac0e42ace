// The hub's cheaper paths: a burst of events goes out as a few shared runs (one write per reader
// per run), one sweep query repairs every open page when doorbells are lost, and a quiet page
// still gets its heartbeats.
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, type TestApp } from '../../test/helpers.js';
import { SseReader } from '../../test/sse-client.js';
import type { Bus } from './realtime.bus.js';
import { frameOf, runsOf } from './realtime.hub.js';
import type { LiveEvent } from './realtime.repository.js';

const eventOf = (seq: number, data: string): LiveEvent => ({
  liveblogId: 1,
  seq,
  type: 'update.published',
  updateId: seq,
  data,
  createdAt: new Date(0),
});

describe('runs of events', () => {
  it('are the frames in order, each run at most the limit, a larger event alone', () => {
    const list = [
      eventOf(1, 'a'.repeat(300)),
      eventOf(2, 'b'.repeat(300)),
      eventOf(3, 'c'.repeat(300)),
      eventOf(4, 'd'.repeat(5_000)),
      eventOf(5, 'e'.repeat(300)),
    ];
    const runs = runsOf(list, 1_100);
    expect(runs.map((run) => run.events.map((event) => event.seq))).toEqual([[1, 2, 3], [4], [5]]);
    for (const run of runs) {
      expect(run.bytes.equals(Buffer.concat(run.events.map(frameOf)))).toBe(true);
      if (run.events.length > 1) expect(run.bytes.length).toBeLessThanOrEqual(1_100);
    }
    expect(
      Buffer.concat(runs.map((run) => run.bytes)).equals(Buffer.concat(list.map(frameOf))),
    ).toBe(true);
    expect(runsOf([], 1_000)).toEqual([]);
  });
});

/** A doorbell that never rings: only the hub's sweep can find new events. */
const silentBus: Bus = {
  publish: () => Promise.resolve(),
  subscribe: () => () => undefined,
  close: () => Promise.resolve(),
};

describe('with every doorbell lost', () => {
  let t: TestApp;
  let base: string;
  let editor: string;
  const slugs = ['sweep-a', 'sweep-b', 'sweep-c'];

  beforeAll(async () => {
    t = await buildTestApp(undefined, { bus: silentBus, hubOptions: { sweepMs: 300 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${String((t.app.server.address() as AddressInfo).port)}`;
    editor = await t.token('editor');
    for (const slug of slugs) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: bearer(editor),
        payload: { slug, headline: 'مسح' },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  const publish = async (slug: string, text: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/liveblogs/${slug}/updates`,
      headers: bearer(editor),
      payload: { text },
    });
    expect(res.statusCode).toBe(201);
  };

  it('the sweep finds every page, and a burst arrives whole, in order, once', async () => {
    const readers = slugs.map((slug) => new SseReader({ url: `${base}/live/${slug}/events` }));
    for (const reader of readers)
      await reader.until(() => reader.events.some((e) => e.type === 'ready'));
    // Published between two sweeps: each page's channel finds all of its burst in one read.
    for (let i = 0; i < 30; i++) await publish('sweep-a', `خبر ${String(i)}`);
    await publish('sweep-b', 'خبر في الصفحة الثانية');
    await publish('sweep-c', 'خبر في الصفحة الثالثة');
    const [a, b, c] = readers as [SseReader, SseReader, SseReader];
    await a.until(() => a.numbered().length === 30);
    await b.until(() => b.numbered().length === 1);
    await c.until(() => c.numbered().length === 1);
    expect(a.numbered().map((event) => event.id)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect(a.connects).toBe(1);
    for (const reader of readers) reader.close();
  }, 30_000);
});

describe('heartbeats', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await buildTestApp(undefined, { hubOptions: { heartbeatMs: 400 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    const editor = await t.token('editor');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'quiet', headline: 'هدوء' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('reach a quiet page, several within a few periods', async () => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('GET /live/quiet/events HTTP/1.1\r\nHost: x\r\n\r\n');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    const beats = () => text.split('\n:\n\n').length - 1;
    for (let i = 0; i < 100 && beats() < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(beats()).toBeGreaterThanOrEqual(2);
    socket.destroy();
  }, 30_000);
});

describe('a fan-out written in slices', () => {
  let t: TestApp;
  let base: string;
  let editor: string;

  beforeAll(async () => {
    // Two readers per turn of the event loop, so that joins land in the middle of fan-outs.
    t = await buildTestApp(undefined, { hubOptions: { sliceReaders: 2 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${String((t.app.server.address() as AddressInfo).port)}`;
    editor = await t.token('editor');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'slices', headline: 'شرائح' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('gives every reader, early or joining meanwhile, each update once and in order', async () => {
    const readers: SseReader[] = [];
    const open = () => {
      const reader = new SseReader({ url: `${base}/live/slices/events`, lastEventId: 0 });
      readers.push(reader);
    };
    for (let i = 0; i < 6; i++) open();
    for (let i = 0; i < 40; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/slices/updates',
        headers: bearer(editor),
        payload: { text: `شريحة ${String(i)}` },
      });
      expect(res.statusCode).toBe(201);
      if (i % 8 === 0) open();
    }
    const all = Array.from({ length: 40 }, (_, i) => i + 1);
    for (const reader of readers) {
      await reader.until(() => reader.numbered().length >= 40, 20_000);
      expect(reader.numbered().map((event) => event.id)).toEqual(all);
      reader.close();
    }
  }, 60_000);
});

describe('readers coming back together', () => {
  let t: TestApp;
  let server: net.Server;
  let port: number;
  const accepted: net.Socket[] = [];

  beforeAll(async () => {
    t = await buildTestApp(undefined, { bus: silentBus });
    const editor = await t.token('editor');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'together', headline: 'معًا' },
    });
    expect(created.statusCode).toBe(201);
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/together/updates',
        headers: bearer(editor),
        payload: { text: `عودة ${String(i)}` },
      });
      expect(res.statusCode).toBe(201);
    }
    // The hub's side of each reader's connection: what the route would hand it.
    server = net.createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of accepted) socket.destroy();
    server.close();
    await t.close();
  });

  it('share one replay query when they ask from the same event, and each gets every event', async () => {
    const count = 40;
    const clients = await Promise.all(
      Array.from({ length: count }, async () => {
        const socket = net.connect({ port, host: '127.0.0.1' });
        await new Promise<void>((resolve) => socket.once('connect', resolve));
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (text += chunk));
        return { socket, text: () => text };
      }),
    );
    for (let i = 0; i < 50 && accepted.length < count; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(accepted).toHaveLength(count);
    const page = await t.app.services.realtime.page('together');
    let selects = 0;
    const stop = t.app.database.onQuery((kind) => {
      if (kind === 'select') selects++;
    });
    await Promise.all(
      accepted.map((socket) => t.app.hub.join(page.id, page.lastSeq, socket, '127.0.0.9', 0)),
    );
    stop();
    expect(selects).toBe(1);
    for (let i = 0; i < 50 && clients.some((c) => !c.text().includes('id: 3\n')); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    for (const client of clients) {
      const ids = [...client.text().matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));
      expect(ids).toEqual([1, 2, 3]);
      client.socket.destroy();
    }
  });
});
