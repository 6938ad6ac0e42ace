import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';

describe.each(engines())('search over HTTP ($name)', (engine) => {
  let t: TestApp;
  let updateId = 0;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    const { app } = t;
    const editor = await t.token('editor');
    const post = (url: string, payload: object) =>
      app.inject({ method: 'POST', url, payload, headers: bearer(editor) });
    expect(
      (
        await post('/api/v1/liveblogs', {
          slug: 'muscat-talks',
          headline: 'محادثات مسقط <مباشر>',
          timeZone: 'Asia/Muscat',
        })
      ).statusCode,
    ).toBe(201);
    const res = await post('/api/v1/liveblogs/muscat-talks/updates', {
      headline: 'عراقجي يصل إلى مسقط',
      text: 'وصل وزير الخارجية الإيراني عباس عراقجي إلى مسقط <script>alert(1)</script> مساء الجمعة.',
      keyEvent: true,
    });
    expect(res.statusCode).toBe(201);
    updateId = res.json<{ id: number }>().id;
  });
  afterAll(() => t.close());

  it('GET /api/v1/search answers with segments and the permalink', async () => {
    const res = await t.app.inject('/api/v1/search?q=Araghchi%20muscat&keyEvents=true');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ terms: string[]; results: Record<string, unknown>[] }>();
    expect(body.terms).toEqual(['Araghchi', 'muscat']);
    expect(body.results).toHaveLength(1);
    expect(body.results[0]).toMatchObject({
      kind: 'update',
      liveblog: 'muscat-talks',
      updateId,
      url: `/live/muscat-talks/updates/${updateId}#update-${updateId}`,
      headline: [
        { text: 'عراقجي', match: true },
        { text: ' يصل إلى ', match: false },
        { text: 'مسقط', match: true },
      ],
      keyEvent: true,
      allTerms: true,
    });
  });

  it('applies the page and date filters', async () => {
    const other = await t.app.inject('/api/v1/search?q=عراقجي&liveblog=other-page');
    expect(other.json<{ results: unknown[] }>().results).toEqual([]);
    const before = await t.app.inject('/api/v1/search?q=عراقجي&to=2000-01-01');
    expect(before.json<{ results: unknown[] }>().results).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const during = await t.app.inject(`/api/v1/search?q=عراقجي&from=${today}&to=${today}`);
    expect(during.json<{ results: unknown[] }>().results).toHaveLength(1);
  });

  it('refuses bad input with the shared error shape', async () => {
    for (const url of [
      '/api/v1/search',
      '/api/v1/search?q=',
      `/api/v1/search?q=${'ا'.repeat(201)}`,
      '/api/v1/search?q=x&limit=51',
      '/api/v1/search?q=x&from=yesterday',
      '/api/v1/search?q=x&from=2025-02-01&to=2025-01-01',
      '/api/v1/search?q=x&unknown=1',
    ]) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    }
  });

  it('GET /search renders the results page with <mark>, escaped, without scripts', async () => {
    const res = await t.app.inject('/search?q=%D8%B9%D8%B1%D8%A7%D9%82%D8%AC%D9%8A+script');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toContain('<mark>عراقجي</mark>');
    expect(html).toContain('&lt;<mark>script</mark>>alert(1)&lt;/');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(`href="/live/muscat-talks/updates/${updateId}#update-${updateId}"`);
    expect(html).toContain('محادثات مسقط &lt;مباشر>');
    expect(html).toContain('action="/search"');
  });

  it('GET /search without a query shows only the form; with no hits says so', async () => {
    const empty = await t.app.inject('/search');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('name="q"');
    expect(empty.body).not.toContain('search-result');
    const none = await t.app.inject(
      '/search?q=%D8%A8%D8%B1%D9%84%D9%8A%D9%86&liveblog=muscat-talks',
    );
    expect(none.body).toContain('لا نتائج');
    expect(none.body).toContain('name="liveblog" value="muscat-talks"');
  });
});
