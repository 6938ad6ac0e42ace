// The widget inside a page on another origin: it shows a new update live and resizes itself.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, type TestApp } from '../helpers.js';
import { createPageByApi, launchBrowser, listenTestApp } from './browser.js';

describe('the widget on a partner site', () => {
  let browser: Browser;
  let t: TestApp;
  let partner: http.Server;
  let partnerUrl: string;
  let editor: string;

  beforeAll(async () => {
    // Our app answers on 127.0.0.1; the partner page is served from "localhost", another origin.
    const started = await listenTestApp();
    ({ t, editor } = started);
    const ajil = started.base;
    await createPageByApi(t.app, editor, { slug: 'widget', headline: 'تغطية للشركاء' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/widget/updates',
      headers: bearer(editor),
      payload: { text: 'أول تحديث' },
    });
    const oembed = await t.app.inject(
      `/oembed?url=${encodeURIComponent('http://localhost:3000/live/widget')}`,
    );
    expect(oembed.statusCode).toBe(200);
    const snippet = oembed.json<{ html: string; type: string }>();
    expect(snippet.type).toBe('rich');
    // The snippet names the configured public address; point it at this test server instead.
    const html = snippet.html.replaceAll('http://localhost:3000', ajil);
    partner = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><body><h1>Partner</h1>${html}</body></html>`);
    });
    await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
    partnerUrl = `http://localhost:${(partner.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    partner.close();
    await t.close();
  });

  it('shows a new update live and grows to fit it', async () => {
    const page = await browser.newPage();
    await page.goto(partnerUrl);
    const frame = page.frameLocator('iframe[data-ajil-embed]');
    await frame.locator('#updates article').first().waitFor();
    await page.waitForFunction(() => {
      const iframe = document.querySelector('iframe');
      return iframe?.contentWindow !== null && Number.parseInt(iframe?.style.height ?? '0', 10) > 0;
    });
    const before = await page.evaluate(() =>
      Number.parseInt(document.querySelector('iframe')?.style.height ?? '0', 10),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/widget/updates',
      headers: bearer(editor),
      payload: {
        headline: 'تحديث يصل إلى موقع الشريك',
        text: 'فقرة أولى.\n\nفقرة ثانية أطول قليلًا لتكبير الودجت.',
      },
    });
    const { id } = res.json<{ id: number }>();
    await frame.locator(`#update-${id}`).waitFor({ state: 'visible', timeout: 5_000 });
    await page.waitForFunction(
      (h) => Number.parseInt(document.querySelector('iframe')?.style.height ?? '0', 10) > h,
      before,
      { timeout: 5_000 },
    );
    const origin = await page.evaluate(() => location.origin);
    expect(origin).toMatch(/^http:\/\/localhost:/);
  });
});
