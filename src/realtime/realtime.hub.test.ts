// The hub's protection of the many from the few: a reader that stops reading is cut off (and
// would resume by id), while the others keep receiving promptly.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, type TestApp } from '../../test/helpers.js';
import { SseReader } from '../../test/sse-client.js';

describe('a slow reader', () => {
  let t: TestApp;
  let base: string;
  let port: number;
  let editor: string;

  beforeAll(async () => {
    t = await buildTestApp(undefined, {
      hubOptions: { maxBufferedBytes: 64 * 1024, drainTimeoutMs: 2_000 },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    editor = await t.token('editor');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'slow', headline: 'قارئ بطيء' },
    });
  });
  afterAll(() => t.close());

  // How long readers wait is measured by bench/, not here: on a loaded machine a time limit in a
  // unit test fails for reasons that are not the hub's.
  it('is dropped when its buffer fills, while the others receive every update', async () => {
    // A reader that connects and then never reads: its socket buffers fill up.
    const stuck = net.connect({ port, host: '127.0.0.1' });
    await new Promise<void>((resolve) => stuck.once('connect', resolve));
    stuck.setNoDelay(true);
    stuck.write('GET /live/slow/events HTTP/1.1\r\nHost: x\r\n\r\n');
    stuck.pause();
    const closed = new Promise<void>((resolve) => {
      stuck.once('close', () => {
        resolve();
      });
    });
    stuck.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.app.hub.readersOf(1)).toBe(1);

    const healthy = new SseReader({ url: `${base}/live/slow/events`, reconnect: false });
    await healthy.until(() => healthy.events.some((e) => e.type === 'ready'));
    // About 40 KB per event: enough events to fill the kernel's socket buffers and then ours.
    const big = 'خبر طويل '.repeat(2100);
    for (let i = 0; i < 400; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/slow/updates',
        headers: bearer(editor),
        payload: { text: `${big} ${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
    await healthy.until(() => healthy.numbered().length === 400, 60_000);
    // The server let go of the stuck reader; the healthy one is still connected.
    expect(t.app.hub.readersOf(1)).toBe(1);
    expect(healthy.connects).toBe(1);
    // Once it reads again it finds its connection closed (it would then resume by id).
    stuck.resume();
    await closed;
    healthy.close();
  }, 120_000);
});
