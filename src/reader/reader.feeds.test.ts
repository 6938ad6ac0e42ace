// Search engines and feed readers: JSON-LD checked against the schema.org definitions of
// LiveBlogPosting and BlogPosting, feeds parsed with real parser libraries.
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, type TestApp } from '../../test/helpers.js';
import { fixedClock } from '../platform/platform.clock.js';

// The properties schema.org defines for these types (with what they inherit from
// SocialMediaPosting, Article, CreativeWork and Thing) that a news page would use.
const CREATIVE_WORK = [
  '@context',
  '@type',
  'headline',
  'description',
  'url',
  'mainEntityOfPage',
  'inLanguage',
  'datePublished',
  'dateModified',
  'publisher',
  'author',
  'image',
  'name',
  'about',
  'keywords',
  'isAccessibleForFree',
];
const ARTICLE = [...CREATIVE_WORK, 'articleBody', 'articleSection', 'wordCount'];
const LIVE_BLOG_POSTING = [...ARTICLE, 'coverageStartTime', 'coverageEndTime', 'liveBlogUpdate'];
const BLOG_POSTING = ARTICLE;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

function jsonLd(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  if (!match?.[1]) throw new Error('no JSON-LD');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('structured data and feeds', () => {
  let t: TestApp;
  let editor: string;
  const clock = fixedClock(new Date('2026-02-06T12:00:00Z'));

  beforeAll(async () => {
    t = await buildTestApp(undefined, { clock });
    editor = await t.token('editor');
    const post = (url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, headers: bearer(editor), payload: payload as object });
    await post('/api/v1/liveblogs', {
      slug: 'oman',
      headline: 'محادثات مسقط <الجولة الأولى>',
      standfirst: 'متابعة & تحليل',
      timeZone: 'Asia/Muscat',
    });
    for (let i = 1; i <= 3; i++) {
      clock.advance(60_000);
      await post('/api/v1/liveblogs/oman/updates', {
        headline: `تحديث ${i} </script><b>`,
        text: `النص ${i} & "اقتباس"`,
        byline: 'مراسلنا في مسقط',
      });
    }
  });
  afterAll(() => t.close());

  function checkAgainstSchema(data: Record<string, unknown>, ended: boolean) {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('LiveBlogPosting');
    for (const key of Object.keys(data)) expect(LIVE_BLOG_POSTING, key).toContain(key);
    for (const key of [
      'headline',
      'description',
      'datePublished',
      'dateModified',
      'coverageStartTime',
      'publisher',
      'inLanguage',
      'mainEntityOfPage',
      'liveBlogUpdate',
    ]) {
      expect(data[key], key).toBeDefined();
    }
    for (const key of ['datePublished', 'dateModified', 'coverageStartTime'])
      expect(String(data[key])).toMatch(ISO);
    if (ended) expect(String(data.coverageEndTime)).toMatch(ISO);
    else expect(data.coverageEndTime).toBeUndefined();
    expect(data.mainEntityOfPage).toEqual({
      '@type': 'WebPage',
      '@id': 'http://localhost:3000/live/oman',
    });
    const publisher = data.publisher as { '@type': string; name: string; logo: { url: string } };
    expect(publisher['@type']).toBe('Organization');
    expect(publisher.logo.url).toBe('http://localhost:3000/logo.png');
    const updates = data.liveBlogUpdate as Record<string, unknown>[];
    expect(updates).toHaveLength(3);
    for (const update of updates) {
      expect(update['@type']).toBe('BlogPosting');
      for (const key of Object.keys(update)) expect(BLOG_POSTING, key).toContain(key);
      expect(String(update.url)).toMatch(/^http:\/\/localhost:3000\/live\/oman\/updates\/\d+$/);
      expect(String(update.datePublished)).toMatch(ISO);
      expect(String(update.dateModified)).toMatch(ISO);
      expect((update.author as { name: string }).name).toBe('مراسلنا في مسقط');
      expect(update.articleBody).toMatch(/^النص \d & "اقتباس"$/);
    }
  }

  it('a live page carries LiveBlogPosting with its updates as BlogPosting, escaped for the script element', async () => {
    const res = await t.app.inject('/live/oman');
    expect(res.body).not.toContain('</script><b>');
    const data = jsonLd(res.body);
    checkAgainstSchema(data, false);
    expect(data.headline).toBe('محادثات مسقط <الجولة الأولى>');
    expect((data.liveBlogUpdate as { headline: string }[])[0]?.headline).toBe(
      'تحديث 3 </script><b>',
    );
  });

  it('an ended page has coverageEndTime', async () => {
    clock.advance(60_000);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/liveblogs/oman',
      headers: bearer(editor),
      payload: { status: 'ended' },
    });
    checkAgainstSchema(jsonLd((await t.app.inject('/live/oman')).body), true);
  });

  it('RSS, Atom and JSON Feed parse and match the page, with ETag and Last-Modified', async () => {
    const parser = new Parser();
    const api = await t.app.inject('/api/v1/liveblogs/oman/updates');
    const page = api.json<{ updates: { id: number; headline: string; text: string }[] }>().updates;

    const rssRes = await t.app.inject('/live/oman/feed.rss');
    expect(rssRes.headers['content-type']).toContain('application/rss+xml');
    const rss = await parser.parseString(rssRes.body);
    expect(rss.title).toBe('محادثات مسقط <الجولة الأولى>');
    expect(rss.items.map((i) => i.title)).toEqual(page.map((u) => u.headline));
    expect(rss.items.map((i) => i.contentSnippet)).toEqual(page.map((u) => u.text));
    expect(rss.items[0]?.link).toBe(`http://localhost:3000/live/oman/updates/${page[0]?.id ?? 0}`);

    const atomRes = await t.app.inject('/live/oman/feed.atom');
    const atom = await parser.parseString(atomRes.body);
    expect(atom.items.map((i) => i.title)).toEqual(page.map((u) => u.headline));
    const strict = new XMLParser({ ignoreAttributes: false });
    const doc = strict.parse(atomRes.body) as {
      feed: { entry: { id: string; updated: string }[] };
    };
    expect(doc.feed.entry).toHaveLength(3);
    for (const entry of doc.feed.entry) expect(entry.updated).toMatch(ISO);

    const jsonRes = await t.app.inject('/live/oman/feed.json');
    expect(jsonRes.headers['content-type']).toContain('application/feed+json');
    const feed = jsonRes.json<{
      version: string;
      items: { id: string; title: string; content_text: string; date_published: string }[];
    }>();
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i) => i.title)).toEqual(page.map((u) => u.headline));
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(3);

    for (const [url, res] of [
      ['/live/oman/feed.rss', rssRes],
      ['/live/oman/feed.atom', atomRes],
      ['/live/oman/feed.json', jsonRes],
    ] as const) {
      expect(res.headers.etag).toBeTruthy();
      expect(res.headers['last-modified']).toBeTruthy();
      const again = await t.app.inject({
        url,
        headers: { 'if-none-match': String(res.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      const since = await t.app.inject({
        url,
        headers: { 'if-modified-since': String(res.headers['last-modified']) },
      });
      expect(since.statusCode).toBe(304);
    }
  });

  it('the site feed, robots.txt, the sitemap and the news sitemap', async () => {
    const site = await new Parser().parseString((await t.app.inject('/feed.rss')).body);
    expect(site.items.length).toBe(3);
    const robots = (await t.app.inject('/robots.txt')).body;
    expect(robots).toContain('Disallow: /newsroom');
    expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    const strict = new XMLParser();
    const sitemap = strict.parse((await t.app.inject('/sitemap.xml')).body) as {
      urlset: { url: { loc: string }[] };
    };
    expect(sitemap.urlset.url.map((u) => u.loc)).toContain('http://localhost:3000/live/oman');
    const news = (await t.app.inject('/news-sitemap.xml')).body;
    expect(news).toContain('<news:title>محادثات مسقط &lt;الجولة الأولى&gt;</news:title>');
    const logo = await t.app.inject('/logo.png');
    expect(logo.rawPayload.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });
});

describe('the widget and oEmbed', () => {
  it('the embed page may be framed by any site, pages may not; oEmbed answers for our pages only', async () => {
    const t = await buildTestApp();
    try {
      const editor = await t.token('editor');
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: bearer(editor),
        payload: { slug: 'framed', headline: 'ودجت' },
      });
      const embed = await t.app.inject('/embed/framed?accent=0b5394');
      expect(embed.statusCode).toBe(200);
      expect(String(embed.headers['content-security-policy'])).toContain('frame-ancestors *');
      expect(embed.body).toContain('--accent:#0b5394');
      const page = await t.app.inject('/live/framed');
      expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
      expect(page.body).toContain('type="application/json+oembed"');
      expect((await t.app.inject('/embed/framed?accent=red;}')).statusCode).toBe(400);
      const oembed = await t.app.inject(
        `/oembed?url=${encodeURIComponent('http://localhost:3000/live/framed')}`,
      );
      expect(oembed.json<{ html: string }>().html).toContain(
        '<iframe src="http://localhost:3000/embed/framed"',
      );
      expect(
        (
          await t.app.inject(
            `/oembed?url=${encodeURIComponent('https://elsewhere.example/live/framed')}`,
          )
        ).statusCode,
      ).toBe(404);
    } finally {
      await t.close();
    }
  });
});
