import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type TestApp } from '../../test/helpers.js';
import { seedDemo } from '../demo/demo.seed.js';
import { fixedClock } from '../platform/platform.clock.js';
import { createMemoryBus } from '../realtime/realtime.bus.js';
import { demoLiveblog } from '../demo/demo.content.js';

const ARABIC_MONTHS =
  /\d{2} (يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) \d{4} \d{2}:\d{2}/g;

describe.each(engines())('reader pages ($name)', (engine) => {
  let t: TestApp;
  const now = new Date('2026-02-06T14:00:00Z');

  beforeAll(async () => {
    const clock = fixedClock(now);
    t = await buildTestApp(engine, { clock });
    const slug = await seedDemo({ db: t.app.database.db, bus: createMemoryBus(), clock });
    expect(slug).toBe('muscat-talks');
    // A second seed does nothing: the demo is made only on an empty database.
    expect(
      await seedDemo({ db: t.app.database.db, bus: createMemoryBus(), clock }),
    ).toBeUndefined();
  });
  afterAll(() => t.close());

  it('the front page links to the demo page', async () => {
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ar" dir="rtl">');
    expect(res.body).toContain('href="/live/muscat-talks"');
  });

  it('the demo page renders rtl, the explainer sections and every update with Arabic times', async () => {
    const res = await t.app.inject('/live/muscat-talks');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    for (const section of demoLiveblog.explainer) expect(html).toContain(`>${section.title}</a>`);
    expect(html.match(/<details id="background-\d"/g)).toHaveLength(3);
    const stream = html.slice(html.indexOf('id="updates"'));
    const articles = stream.match(/<article class="update/g) ?? [];
    expect(articles.length).toBe(demoLiveblog.updates.length);
    expect(articles.length).toBeGreaterThanOrEqual(12);
    expect((stream.match(ARABIC_MONTHS) ?? []).length).toBeGreaterThanOrEqual(12);
    expect(html).toContain('بتوقيت مسقط');
    // Times are compact and the same bytes whenever rendered: the clock, the full date in the
    // title; how long ago is written by the live client, never by the server.
    expect(html).not.toContain('منذ 8 دقائق');
    expect(html).toMatch(
      /<span class="relative-time"><\/span><span class="update-clock">\d{2}:\d{2}<\/span>/,
    );
    expect(html).toContain('تم التحديث');
    expect(html).toContain('<strong class="badge badge-breaking">عاجل</strong>');
    // Pinned copy at the top, key events list, and the newest event number for the live client.
    expect(html).toMatch(
      /<section class="pinned" id="pinned"[^>]*><article[^>]+id="pinned-update-\d+"/,
    );
    expect(
      (/<ol id="key-events-list">.*?<\/ol>/s.exec(html)?.[0].match(/<li /g) ?? []).length,
    ).toBe(4);
    expect(html).toMatch(/data-last-event-id="\d+"/);
    // Every update shows its headline or body as text, never as markup.
    expect(html).not.toContain('&lt;p&gt;');
  });

  it('pages of 20: older pages by URL, and a permalink lands on the page that holds it', async () => {
    const editor = await t.token('editor');
    for (let i = 1; i <= 30; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/muscat-talks/updates',
        headers: { authorization: `Bearer ${editor}` },
        payload: { headline: `تحديث رقم ${i}`, text: `النص ${i}` },
      });
      expect(res.statusCode).toBe(201);
    }
    // 16 demo updates + 30 = 46 → 3 pages; the oldest demo update is on page 3.
    const page3 = await t.app.inject('/live/muscat-talks?page=3');
    expect(page3.statusCode).toBe(200);
    expect(page3.body.match(/<article class="update/g)).toHaveLength(6);
    expect(page3.body).toContain('rel="prev" href="/live/muscat-talks?page=2"');
    expect((await t.app.inject('/live/muscat-talks?page=4')).statusCode).toBe(404);

    const list = await t.app.inject('/api/v1/liveblogs/muscat-talks/updates?limit=100');
    const ids = list.json<{ updates: { id: number }[] }>().updates.map((u) => u.id);
    const oldest = ids.at(-1);
    const permalink = await t.app.inject(`/live/muscat-talks/updates/${String(oldest)}`);
    expect(permalink.statusCode).toBe(200);
    expect(permalink.body).toContain(`id="update-${String(oldest)}"`);
    expect(permalink.body).toContain('الصفحة 3 من 3');
    expect(permalink.body).toContain(
      `<link rel="canonical" href="http://localhost:3000/live/muscat-talks/updates/${String(oldest)}"/>`,
    );
  });

  it('unknown pages get the Arabic 404 page; unknown API paths get JSON', async () => {
    const page = await t.app.inject('/live/no-such-page');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('الصفحة غير موجودة');
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    const api = await t.app.inject('/api/v1/liveblogs/no-such-page');
    expect(api.statusCode).toBe(404);
    expect(api.json<{ error: { code: string } }>().error.code).toBe('not_found');
  });

  it('pages carry a CSP (our own scripts and one hashed inline script, no nonce) and nosniff', async () => {
    const res = await t.app.inject('/live/muscat-talks');
    const csp = String(res.headers['content-security-policy']);
    // Our own files, the one hashed inline script, and X's widget (after a click and consent).
    expect(csp).toMatch(
      /script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}' https:\/\/platform\.twitter\.com(;|$)/,
    );
    expect(csp).not.toContain('nonce-');
    // The one inline script is the one the hash allows.
    const inline = /<script>([^<]*)<\/script>/.exec(res.body)?.[1] ?? '';
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the OpenAPI document lists the v1 routes', async () => {
    const res = await t.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/liveblogs',
        '/api/v1/liveblogs/{slug}',
        '/api/v1/liveblogs/{slug}/explainer',
        '/api/v1/liveblogs/{slug}/updates',
        '/api/v1/liveblogs/{slug}/updates/{id}',
      ]),
    );
    expect((await t.app.inject('/api/docs')).statusCode).toBeLessThan(400);
  });
});

describe('a server fault', () => {
  it('shows the Arabic error page to readers and a generic JSON error to API clients', async () => {
    const t = await buildTestApp();
    t.app.get('/boom', () => {
      throw new Error('database exploded: secret detail');
    });
    t.app.get('/api/v1/boom', () => {
      throw new Error('database exploded: secret detail');
    });
    try {
      const page = await t.app.inject('/boom');
      expect(page.statusCode).toBe(500);
      expect(page.body).toContain('حدث خطأ');
      expect(page.body).toContain('<html lang="ar" dir="rtl">');
      expect(page.body).not.toContain('secret detail');
      const api = await t.app.inject({ url: '/api/v1/boom', headers: { 'accept-language': 'en' } });
      expect(api.statusCode).toBe(500);
      const body = api.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('internal_error');
      expect(body.error.message).toMatch(/went wrong/);
      expect(api.body).not.toContain('secret detail');
    } finally {
      await t.close();
    }
  });
});

describe('a shared permalink', () => {
  it('to an update on page 3 opens on that update with its own og:title and share links', async () => {
    const t = await buildTestApp();
    try {
      const editor = await t.token('editor');
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: { authorization: `Bearer ${editor}` },
        payload: { slug: 'share', headline: 'صفحة المشاركة' },
      });
      const ids: number[] = [];
      for (let i = 1; i <= 45; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/liveblogs/share/updates',
          headers: { authorization: `Bearer ${editor}` },
          payload: { headline: `الخبر رقم ${i}`, text: `الجملة الأولى للخبر ${i}. جملة ثانية.` },
        });
        ids.push(res.json<{ id: number }>().id);
      }
      const oldest = ids[0] ?? 0; // newest-first: the first published is on page 3
      const res = await t.app.inject(`/live/share/updates/${oldest}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('الصفحة 3 من 3');
      expect(res.body).toContain(`id="update-${oldest}"`);
      expect(res.body).toContain('<meta property="og:title" content="الخبر رقم 1"/>');
      expect(res.body).toContain(
        '<meta property="og:description" content="الجملة الأولى للخبر 1."/>',
      );
      expect(res.body).toContain(
        `<meta property="og:url" content="http://localhost:3000/live/share/updates/${oldest}"/>`,
      );
      // Share links are short addresses of ours that redirect to the platform.
      expect(res.body).toContain(`href="/live/share/updates/${oldest}/share/telegram"`);
      expect(res.body).not.toContain('https://wa.me/');
      const shareUrl = encodeURIComponent(`http://localhost:3000/live/share/updates/${oldest}`);
      const telegram = await t.app.inject(`/live/share/updates/${oldest}/share/telegram`);
      expect(telegram.statusCode).toBe(302);
      expect(telegram.headers.location).toBe(
        `https://t.me/share/url?url=${shareUrl}&text=${encodeURIComponent('الخبر رقم 1')}`,
      );
      const whatsapp = await t.app.inject(`/live/share/updates/${oldest}/share/whatsapp`);
      expect(whatsapp.headers.location).toBe(
        `https://wa.me/?text=${encodeURIComponent(`الخبر رقم 1 http://localhost:3000/live/share/updates/${oldest}`)}`,
      );
      const unknown = await t.app.inject(`/live/share/updates/${oldest}/share/myspace`);
      expect(unknown.statusCode).toBe(400);
    } finally {
      await t.close();
    }
  });
});

describe('dates per newsroom on the page', () => {
  it('follow the site setting, and a page may override it', async () => {
    const clock = fixedClock(new Date('2026-02-06T12:30:00Z'));
    const t = await buildTestApp(undefined, { clock });
    try {
      const editor = await t.token('editor');
      const auth = { authorization: `Bearer ${editor}` };
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: auth,
        payload: { slug: 'beirut', headline: 'بيروت', timeZone: 'Asia/Muscat' },
      });
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs/beirut/updates',
        headers: auth,
        payload: { text: 'نص' },
      });
      const admin = await signIn(t.app, 'admin');
      const saved = await t.app.inject({
        method: 'POST',
        url: '/newsroom/settings',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          months: 'levant',
          digits: 'arab',
          clock: '12',
          hijri: '1',
          _csrf: admin.csrf,
        }).toString(),
      });
      expect(saved.statusCode).toBe(303);
      const page = await t.app.inject('/live/beirut');
      expect(page.body).toContain('٠٦ شباط ٢٠٢٦ ٤:٣٠ م');
      expect(page.body).toContain('١٨ شعبان ١٤٤٧ هـ');
      const patched = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/liveblogs/beirut',
        headers: auth,
        payload: { dateStyle: { months: 'maghreb', digits: 'latn', clock: '24', hijri: false } },
      });
      expect(patched.statusCode).toBe(200);
      const overridden = await t.app.inject('/live/beirut');
      expect(overridden.body).toContain('06 فيفري 2026 16:30');
      expect(overridden.body).not.toContain('شعبان');
      // The desk's settings form sets the page's style too ("site" returns to the site's).
      const desk = await t.app.inject({
        method: 'POST',
        url: '/newsroom/liveblogs/beirut/settings',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          headline: 'بيروت',
          standfirst: '',
          status: 'live',
          timeZone: 'Asia/Muscat',
          months: 'both',
          digits: 'latn',
          clock: '24',
          _csrf: admin.csrf,
        }).toString(),
      });
      expect(desk.statusCode).toBe(303);
      expect((await t.app.inject('/live/beirut')).body).toContain('06 شباط/فبراير 2026 16:30');
    } finally {
      await t.close();
    }
  });
});
