// What a reader's page carries for Web Push: the follow control (hidden until the client finds
// push support), the consent purpose, the service worker at the root and a CSP it works under.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, type TestApp } from '../../test/helpers.js';
import { serviceWorkerRoutes } from './push.routes.js';

describe('Web Push on the reader pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
    const editor = await t.token('editor');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'storm', headline: 'عاصفة على الساحل', timeZone: 'Asia/Beirut' },
    });
  });
  afterAll(() => t.close());

  it('a live page offers to follow it, hidden until the client finds push support, under a CSP that allows our worker', async () => {
    const page = await t.app.inject('/live/storm');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<div class="push-follow" data-push-follow dir="rtl"[^>]* hidden>/);
    expect(page.body).toContain('تابِع العاجل من هذه الصفحة');
    expect(page.body).toMatch(/data-push-module="\/assets\/live-push[^"]*\.js"/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("script-src 'self'");
  });

  it('the cookie settings ask about notifications, and a choice of them is kept in the consent cookie', async () => {
    const settings = await t.app.inject('/consent');
    expect(settings.body).toContain('name="notifications"');
    const chosen = await t.app.inject({
      method: 'POST',
      url: '/consent',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:3000',
      },
      payload: 'choice=custom&notifications=1&back=%2Flive%2Fstorm',
    });
    expect(chosen.statusCode).toBe(303);
    expect(String(chosen.headers['set-cookie'])).toContain('ajil_consent=v1.p0.a0.e0.n1');
    const rejected = await t.app.inject({
      method: 'POST',
      url: '/consent',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:3000',
      },
      payload: 'choice=none',
    });
    expect(String(rejected.headers['set-cookie'])).toContain('ajil_consent=v1.p0.a0.e0.n0');
  });

  it('the service worker is served from the root, not cached stale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ajil-sw-'));
    writeFileSync(join(dir, 'push-sw-TEST1234.js'), 'self.addEventListener("push",()=>{});');
    const app = Fastify();
    await app.register(serviceWorkerRoutes, {
      assets: { built: true, url: (name) => `/assets/${name.replace('.js', '-TEST1234.js')}` },
      assetDir: `${dir}/`,
    });
    const res = await app.inject('/push-sw.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('addEventListener("push"');
    await app.close();
  });
});
