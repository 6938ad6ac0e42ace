// Issue 15, item 2: an edit marked as a correction carries a public note that readers see on the
// update («تصحيح 14:20: …») and in the page's corrections list, and that JSON-LD (schema.org
// CorrectionComment) and the feeds carry too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { DEFAULT_DATE_STYLE, formatClock } from '../lib/time.format.js';

const NOTE = 'صُحّح عدد الضحايا: ثلاثة لا ثلاثون';

describe.each(engines())('corrections ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  let id = 0;
  let clock = '';
  const slug = 'floods';

  const patch = (payload: object) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/liveblogs/${slug}/updates/${id}`,
      payload,
      headers: bearer(editor),
    });

  beforeAll(async () => {
    t = await buildTestApp(engine);
    editor = await t.token('editor');
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, payload, headers: bearer(editor) });
    await post('/api/v1/liveblogs', { slug, headline: 'سيول في الوادي', timeZone: 'Asia/Muscat' });
    id = (await post(`/api/v1/liveblogs/${slug}/updates`, { text: 'ثلاثون ضحية في السيول' })).json<{
      id: number;
    }>().id;
  });
  afterAll(() => t.close());

  it('refuses a correction that changes nothing, or has no note', async () => {
    const same = await patch({ text: 'ثلاثون ضحية في السيول', correction: { note: NOTE } });
    expect(same.statusCode).toBe(400);
    expect(same.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      '/correction',
    );
    expect((await patch({ text: 'نص آخر', correction: { note: '   ' } })).statusCode).toBe(400);
    expect((await patch({ text: 'نص آخر', correction: {} })).statusCode).toBe(400);
    const res = await t.app.inject(`/api/v1/liveblogs/${slug}/updates/${id}`);
    expect(res.json<{ corrections: unknown[]; text: string }>()).toMatchObject({
      corrections: [],
      text: 'ثلاثون ضحية في السيول',
    });
  });

  it('records the correction with its note, time and revision', async () => {
    const res = await patch({ text: 'ثلاث ضحايا في السيول', correction: { note: NOTE } });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ corrections: { at: string; note: string; revision: number }[] }>();
    expect(body.corrections).toHaveLength(1);
    const [entry] = body.corrections;
    expect(entry?.note).toBe(NOTE);
    clock = formatClock(new Date(entry?.at ?? ''), 'Asia/Muscat', 'ar', DEFAULT_DATE_STYLE);
    const revisions = await t.app.inject({
      url: `/api/v1/liveblogs/${slug}/updates/${id}/revisions`,
      headers: bearer(editor),
    });
    expect(
      revisions.json<{ revisions: { action: string; note: string }[] }>().revisions[0],
    ).toMatchObject({
      action: 'correct',
      note: NOTE,
    });
  });

  it('shows «تصحيح HH:MM: …» on the update and in the page corrections list', async () => {
    const html = (await t.app.inject(`/live/${slug}`)).body;
    const start = html.indexOf(`id="update-${id}"`);
    const article = html.slice(start, html.indexOf('</article>', start));
    const line = new RegExp(
      `<p class="update-correction"><strong>تصحيح <time[^>]*>${clock}</time>:</strong> <bdi>${NOTE}</bdi></p>`,
    );
    expect(article).toMatch(line);
    const list = html.slice(html.indexOf('id="corrections"'));
    expect(list.startsWith('id="corrections" aria-labelledby="corrections-title">')).toBe(true);
    expect(list).toMatch(
      new RegExp(
        `<li data-correction="${id}-\\d+"><a href="#update-${id}"><strong>تصحيح <time[^>]*>${clock}</time>:</strong> <bdi>${NOTE}</bdi>`,
      ),
    );
  });

  it('puts the list item in the live event, for pages already open', async () => {
    const event = await t.app.database.db
      .selectFrom('events')
      .select('payload')
      .where('type', '=', 'update.edited')
      .where('updateId', '=', id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const data = JSON.parse(event.payload) as { html: string; correctionHtml?: string };
    expect(data.html).toContain(NOTE);
    expect(data.correctionHtml).toContain(`data-correction="${id}-`);
  });

  it('carries it in JSON-LD as a CorrectionComment', async () => {
    const html = (await t.app.inject(`/live/${slug}`)).body;
    const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? '{}';
    const ld = JSON.parse(json) as { liveBlogUpdate: { correction?: unknown[] }[] };
    expect(ld.liveBlogUpdate[0]?.correction).toEqual([
      { '@type': 'CorrectionComment', text: NOTE, datePublished: expect.any(String) as string },
    ]);
  });

  it('carries it in RSS, Atom and JSON Feed', async () => {
    const line = `تصحيح ${formatClock(
      new Date(
        (await t.app.inject(`/api/v1/liveblogs/${slug}/updates/${id}`)).json<{
          corrections: { at: string }[];
        }>().corrections[0]?.at ?? '',
      ),
      'Asia/Muscat',
      'ar',
    )}: ${NOTE}`;
    expect((await t.app.inject(`/live/${slug}/feed.rss`)).body).toContain(line);
    expect((await t.app.inject(`/live/${slug}/feed.atom`)).body).toContain(line);
    const feed = (await t.app.inject(`/live/${slug}/feed.json`)).json<{
      items: { content_text: string; _ajil?: { corrections: { note: string }[] } }[];
    }>();
    expect(feed.items[0]?.content_text).toContain(line);
    expect(feed.items[0]?._ajil?.corrections).toEqual([
      { date: expect.any(String) as string, note: NOTE },
    ]);
  });
});
