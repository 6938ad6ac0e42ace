import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, type TestApp } from '../../test/helpers.js';

/** One PNG chunk: length, type, data, CRC-32 of type and data. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny PNG whose header declares 16000×16000 pixels: decoding it would take about 768 MB. */
function pixelBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(16000, 0);
  header.writeUInt32BE(16000, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1024))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('photo uploads', () => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await buildTestApp();
    editor = await t.token('editor');
  });
  afterAll(() => t.close());

  const upload = (
    body: Buffer | string,
    type: string,
    query = 'alt=%D9%88%D9%81%D8%AF&credit=%D8%B1%D9%88%D9%8A%D8%AA%D8%B1%D8%B2',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/photos?${query}`,
      headers: { ...bearer(editor), 'content-type': type },
      payload: body,
    });

  it('a valid photo gives the sizes in three formats and no EXIF or GPS', async () => {
    const original = await sharp({
      create: { width: 2000, height: 1500, channels: 3, background: '#b3121f' },
    })
      .jpeg()
      .withExif({
        IFD0: { Copyright: 'Ajil test', Artist: 'someone' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 35/1 0/1' },
      })
      .toBuffer();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(original, 'image/jpeg');
    expect(res.statusCode).toBe(201);
    const photo = res.json<{
      id: string;
      width: number;
      height: number;
      widths: number[];
      urls: Record<string, string[]>;
    }>();
    expect(photo.widths).toEqual([480, 960, 1600]);
    expect(photo.width).toBe(2000);
    for (const format of ['avif', 'webp', 'jpg']) {
      expect(photo.urls[format]).toHaveLength(3);
      for (const [i, url] of (photo.urls[format] ?? []).entries()) {
        const served = await t.app.inject(new URL(url).pathname);
        expect(served.statusCode).toBe(200);
        expect(served.headers['cache-control']).toContain('immutable');
        expect(served.headers['x-content-type-options']).toBe('nosniff');
        expect(String(served.headers['content-security-policy'])).toContain("default-src 'none'");
        const meta = await sharp(served.rawPayload).metadata();
        expect(meta.width).toBe(photo.widths[i]);
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
      }
    }
  }, 60_000);

  it('the pixel bomb is refused from its header, without being decoded', async () => {
    const bomb = pixelBomb();
    expect(bomb.length).toBeLessThan(2048);
    const started = Date.now();
    const res = await upload(bomb, 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string; messages: { ar: string } } }>().error.code).toBe(
      'too_many_pixels',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a PHP file named .jpg is refused', async () => {
    const res = await upload("<?php system($_GET['c']); ?>", 'image/jpeg');
    expect(res.statusCode).toBe(415);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('not_a_photo');
  });

  it('an SVG with a script is refused, as SVG or disguised as PNG', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    expect((await upload(svg, 'image/svg+xml')).statusCode).toBe(415);
    const disguised = await upload(svg, 'image/png');
    expect(disguised.statusCode).toBe(415);
    expect(
      disguised.json<{ error: { messages: { ar: string; en: string } } }>().error.messages.en,
    ).toMatch(/not an accepted photo/);
  });

  it('a 30 MB file is refused with a clear message', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 0xff);
    big[0] = 0xff;
    big[1] = 0xd8;
    const res = await upload(big, 'image/jpeg');
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
  });

  it('alt text and credit are required; a reporter may upload, an anonymous caller may not', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect((await upload(png, 'image/png', 'credit=x')).statusCode).toBe(400);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/photos?alt=a&credit=b',
      headers: { 'content-type': 'image/png' },
      payload: png,
    });
    expect(anonymous.statusCode).toBe(401);
    const reporter = await t.token('reporter');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/photos?alt=a&credit=b',
      headers: { ...bearer(reporter), 'content-type': 'image/png' },
      payload: png,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<{ widths: number[] }>().widths).toEqual([10]);
  });
});

describe('photos and embeds in updates', () => {
  let t: TestApp;
  let editor: string;
  beforeAll(async () => {
    t = await buildTestApp();
    editor = await t.token('editor');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'media', headline: 'صور' },
    });
  });
  afterAll(() => t.close());

  it('an update with a photo and embeds renders responsive sizes and cards, and no third-party element', async () => {
    const png = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: '#0b5394' },
    })
      .png()
      .toBuffer();
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/photos?alt=${encodeURIComponent('الوفدان في مسقط')}&credit=${encodeURIComponent('وكالة الأنباء العمانية')}&caption=${encodeURIComponent('صورة من القاعة')}`,
      headers: { ...bearer(editor), 'content-type': 'image/png' },
      payload: png,
    });
    const photo = uploaded.json<{ id: string }>();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/media/updates',
      headers: bearer(editor),
      payload: {
        blocks: [
          { type: 'paragraph', content: [{ type: 'text', text: 'من داخل القاعة' }] },
          { type: 'image', photoId: photo.id, credit: 'spoofed credit' },
          { type: 'embed', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
          { type: 'embed', url: 'https://x.com/someone/status/1234567890' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const blocks = res.json<{ blocks: Record<string, unknown>[] }>().blocks;
    expect(blocks[1]).toMatchObject({
      type: 'image',
      credit: 'وكالة الأنباء العمانية',
      widths: [480, 960, 1200],
    });
    expect(blocks[2]).toMatchObject({ type: 'embed', provider: 'youtube', videoId: 'dQw4w9WgXcQ' });
    expect(blocks[3]).toMatchObject({ type: 'embed', provider: 'x' });
    const page = (await t.app.inject('/live/media')).body;
    expect(page).toContain(`<source type="image/avif" srcset="/media/${photo.id}-480.avif 480w`);
    expect(page).toContain('alt="الوفدان في مسقط"');
    expect(page).toContain('data-provider="youtube"');
    expect(page).not.toMatch(/<iframe|platform\.twitter\.com|youtube-nocookie/);
    expect(page).toContain(
      `<meta property="og:image" content="http://localhost:3000/media/${photo.id}-1200.jpg"/>`,
    );
    const ld = JSON.parse(
      /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}',
    ) as { liveBlogUpdate: { image?: string }[] };
    expect(ld.liveBlogUpdate[0]?.image).toBe(`http://localhost:3000/media/${photo.id}-1200.jpg`);
  }, 30_000);

  it('an unknown photo id is refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/media/updates',
      headers: bearer(editor),
      payload: {
        blocks: [
          { type: 'paragraph', content: [{ type: 'text', text: 'x' }] },
          { type: 'image', photoId: 'a'.repeat(20) },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('link previews, explainer photos and hreflang', () => {
  let t: TestApp;
  let editor: string;
  let server: import('node:http').Server;
  let port = 0;

  beforeAll(async () => {
    const http = await import('node:http');
    const png = await sharp({
      create: { width: 1200, height: 630, channels: 3, background: '#2e7d32' },
    })
      .png()
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 35/1 0/1' } })
      .toBuffer();
    server = http.createServer((req, res) => {
      if (req.url === '/preview.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(png);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<html><head><meta property="og:title" content="تقرير عن المفاوضات &amp; نتائجها"><meta property="og:image" content="/preview.png"></head></html>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as import('node:net').AddressInfo).port;
    // Here the local server stands in for a news site on the web: only its address is allowed.
    t = await buildTestApp(
      undefined,
      {
        fetchOptions: {
          resolver: (host) =>
            Promise.resolve(host === 'news.test' ? ['127.0.0.1'] : ['169.254.169.254']),
          forbidden: (address) => address !== '127.0.0.1',
        },
      },
      { embedFetch: true },
    );
    editor = await t.token('editor');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'previews', headline: 'روابط' },
    });
  });
  afterAll(async () => {
    server.close();
    await t.close();
  });

  it("a pasted link's title and preview image are fetched once and hosted by us, without metadata", async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/previews/updates',
      headers: bearer(editor),
      payload: {
        blocks: [
          { type: 'paragraph', content: [{ type: 'text', text: 'اقرأ' }] },
          { type: 'embed', url: `http://news.test:${port}/article` },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const embed = res.json<{ blocks: Record<string, unknown>[] }>().blocks[1] as {
      title: string;
      thumbnail: string;
      thumbnailWidth: number;
    };
    expect(embed.title).toBe('تقرير عن المفاوضات & نتائجها');
    expect(embed.thumbnail).toMatch(/^[a-f0-9]{20}$/);
    const image = await t.app.inject(`/media/${embed.thumbnail}-${embed.thumbnailWidth}.jpg`);
    expect(image.statusCode).toBe(200);
    expect((await sharp(image.rawPayload).metadata()).exif).toBeUndefined();
    const page = (await t.app.inject('/live/previews')).body;
    expect(page).toContain(`src="/media/${embed.thumbnail}-480.jpg"`);
    expect(page).not.toContain(`news.test:${port}/preview.png`);
  });

  it('a link to a private address gets a card without anything fetched', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs/previews/updates',
      headers: bearer(editor),
      payload: {
        blocks: [
          { type: 'paragraph', content: [{ type: 'text', text: 'x' }] },
          { type: 'embed', url: 'http://metadata.test/latest/meta-data/' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ blocks: Record<string, unknown>[] }>().blocks[1]).toMatchObject({
      title: 'metadata.test',
      provider: 'link',
    });
    expect(res.json<{ blocks: Record<string, unknown>[] }>().blocks[1]?.thumbnail).toBeUndefined();
  });

  it('an explainer section can carry a photo', async () => {
    const png = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#444' },
    })
      .png()
      .toBuffer();
    const photo = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/photos?alt=map&credit=ajil',
        headers: { ...bearer(editor), 'content-type': 'image/png' },
        payload: png,
      })
    ).json<{ id: string }>();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/liveblogs/previews/explainer',
      headers: bearer(editor),
      payload: { sections: [{ title: 'الخريطة', text: 'مواقع الجولات', photoId: photo.id }] },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject('/live/previews')).body).toContain(
      `/media/${photo.id}-480.avif 480w`,
    );
  });

  it('linked Arabic and English pages point at each other with hreflang', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(editor),
      payload: { slug: 'previews-en', headline: 'Links', locale: 'en' },
    });
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/liveblogs/previews',
      headers: bearer(editor),
      payload: { translation: 'previews' },
    });
    expect(wrong.statusCode).toBe(400);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/liveblogs/previews',
      headers: bearer(editor),
      payload: { translation: 'previews-en' },
    });
    // One PATCH links both ways.
    const back = await t.app.inject('/api/v1/liveblogs/previews-en');
    expect(back.json<{ translation: string | null }>().translation).toBe('previews');
    const ar = (await t.app.inject('/live/previews')).body;
    expect(ar).toContain(
      '<link rel="alternate" hrefLang="en" href="http://localhost:3000/live/previews-en"/>'.replace(
        'hrefLang',
        'hreflang',
      ),
    );
    const en = (await t.app.inject('/live/previews-en')).body;
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(en).toContain('hreflang="ar" href="http://localhost:3000/live/previews"');
  });
});
