// Issue 15, item 1: every verification state set through the API is rendered as a badge with its
// time, can be filtered (reader URL and API query), and is carried in JSON-LD and the three feeds;
// the ETag moves with it; a retracted update stays, struck through, with its note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { VERIFICATION_STATES, type Verification } from './update.types.js';

const LABELS: Record<Verification, string> = {
  unconfirmed: 'غير مؤكد',
  confirmed: 'مؤكد',
  disputed: 'متنازع عليه',
  retracted: 'مسحوب',
};

interface LdPosting {
  url: string;
  creativeWorkStatus?: string;
  additionalProperty?: { value: string; description?: string };
}

function articleOf(html: string, id: number): string {
  const start = html.indexOf(`id="update-${id}"`);
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</article>', start));
}

function jsonLdOf(html: string): { liveBlogUpdate: LdPosting[] } {
  const match = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match?.[1] ?? '{}') as { liveBlogUpdate: LdPosting[] };
}

describe.each(engines())('verification states ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  const ids = {} as Record<Verification, number>;
  let plain = 0;
  const slug = 'port-blast';

  const patch = (id: number, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/v1/liveblogs/${slug}/updates/${id}`,
      payload,
      headers: { ...bearer(editor), ...headers },
    });

  beforeAll(async () => {
    t = await buildTestApp(engine);
    editor = await t.token('editor');
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, payload, headers: bearer(editor) });
    expect(
      (await post('/api/v1/liveblogs', { slug, headline: 'انفجار قرب الميناء' })).statusCode,
    ).toBe(201);
    for (const state of VERIFICATION_STATES) {
      const res = await post(`/api/v1/liveblogs/${slug}/updates`, { text: `تقرير أولي: ${state}` });
      ids[state] = res.json<{ id: number }>().id;
    }
    plain = (await post(`/api/v1/liveblogs/${slug}/updates`, { text: 'بيان رسمي' })).json<{
      id: number;
    }>().id;
  });
  afterAll(() => t.close());

  it('refuses a retraction without a note, and a note without a state', async () => {
    const bare = await patch(ids.retracted, { verification: 'retracted' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    expect((await patch(plain, { verificationNote: 'ملاحظة' })).statusCode).toBe(400);
    expect((await patch(plain, { verification: 'doubtful' })).statusCode).toBe(400);
  });

  it('sets each state; the answer carries it with its time, and the ETag moves with it', async () => {
    for (const state of VERIFICATION_STATES) {
      const before = await t.app.inject(`/api/v1/liveblogs/${slug}/updates/${ids[state]}`);
      const tag = String(before.headers.etag);
      const note = state === 'retracted' ? 'لم يقع انفجار؛ الصوت من تفجير مُخطط له' : undefined;
      const res = await patch(
        ids[state],
        { verification: state, ...(note && { verificationNote: note }) },
        { 'if-match': tag },
      );
      expect(res.statusCode).toBe(200);
      const body = res.json<{ verification: string; verificationAt: string | null }>();
      expect(body.verification).toBe(state);
      expect(body.verificationAt).not.toBeNull();
      expect(res.headers.etag).not.toBe(tag);
      // The version the caller saw is gone: a write with it is refused, nothing written.
      const stale = await patch(ids[state], { verification: 'confirmed' }, { 'if-match': tag });
      expect(stale.statusCode).toBe(412);
    }
  });

  it('renders each state as a badge with its time; the retracted one struck through with its note', async () => {
    const html = (await t.app.inject(`/live/${slug}`)).body;
    for (const state of VERIFICATION_STATES) {
      const article = articleOf(html, ids[state]);
      expect(article).toContain(`data-verification="${state}"`);
      expect(article).toMatch(
        new RegExp(
          `badge-verification verification-${state}"[^>]*>.*${LABELS[state]} · <time datetime="[^"]+"`,
        ),
      );
    }
    const retracted = articleOf(html, ids.retracted);
    expect(html).toMatch(
      new RegExp(`class="update[^"]* update-retracted" id="update-${ids.retracted}"`),
    );
    expect(retracted).toContain('لم يقع انفجار؛ الصوت من تفجير مُخطط له');
    expect(articleOf(html, plain)).not.toContain('data-verification');
  });

  it('sends each change to open pages as an edit event with the badge in its HTML', async () => {
    const events = await t.app.database.db
      .selectFrom('events')
      .select(['type', 'updateId', 'payload'])
      .where('type', '=', 'update.edited')
      .execute();
    for (const state of VERIFICATION_STATES) {
      const event = events.find(
        (e) => e.updateId === ids[state] && e.payload.includes(`verification-${state}`),
      );
      expect(event, state).toBeDefined();
    }
  });

  it('filters the reader page and the API by state', async () => {
    for (const state of VERIFICATION_STATES) {
      const page = await t.app.inject(`/live/${slug}?verification=${state}`);
      expect(page.statusCode).toBe(200);
      const shown = [...page.body.matchAll(/<article class="update[^"]*" id="update-(\d+)"/g)].map(
        (m) => Number(m[1]),
      );
      expect(shown).toEqual([ids[state]]);
      expect(page.body).toContain(`aria-current="page" class="verification-${state}"`);
      const api = await t.app.inject(`/api/v1/liveblogs/${slug}/updates?verification=${state}`);
      expect(api.json<{ updates: { id: number }[] }>().updates.map((u) => u.id)).toEqual([
        ids[state],
      ]);
    }
    expect((await t.app.inject(`/live/${slug}?verification=maybe`)).statusCode).toBe(400);
  });

  it('carries each state in JSON-LD', async () => {
    const ld = jsonLdOf((await t.app.inject(`/live/${slug}`)).body);
    for (const state of VERIFICATION_STATES) {
      const posting = ld.liveBlogUpdate.find((p) => p.url.endsWith(`/updates/${ids[state]}`));
      expect(posting?.creativeWorkStatus?.toLowerCase()).toBe(state);
      expect(posting?.additionalProperty?.value).toBe(state);
    }
    const retracted = ld.liveBlogUpdate.find((p) => p.url.endsWith(`/updates/${ids.retracted}`));
    expect(retracted?.additionalProperty?.description).toContain('لم يقع انفجار');
  });

  it('carries each state in RSS, Atom and JSON Feed', async () => {
    const rss = (await t.app.inject(`/live/${slug}/feed.rss`)).body;
    const atom = (await t.app.inject(`/live/${slug}/feed.atom`)).body;
    const json = (await t.app.inject(`/live/${slug}/feed.json`)).json<{
      items: { id: string; tags?: string[]; _ajil?: { verification: string } }[];
    }>();
    for (const state of VERIFICATION_STATES) {
      const rssItem = rss.split('<item>').find((item) => item.includes(`/updates/${ids[state]}<`));
      expect(rssItem).toContain(
        `<category domain="tag:ajil,2026:verification">${state}</category>`,
      );
      expect(rssItem).toContain(`[${LABELS[state]}]`);
      const entry = atom.split('<entry>').find((item) => item.includes(`/updates/${ids[state]}<`));
      expect(entry).toContain(`<category scheme="tag:ajil,2026:verification" term="${state}"/>`);
      const item = json.items.find((i) => i.id.endsWith(`/updates/${ids[state]}`));
      expect(item?._ajil?.verification).toBe(state);
      expect(item?.tags).toEqual([state]);
    }
  });

  it('never deletes a retracted update: it stays on the page', async () => {
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/liveblogs/${slug}/updates/${ids.retracted}`,
      headers: bearer(editor),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('retracted_stays');
    expect((await t.app.inject(`/live/${slug}`)).body).toContain(`id="update-${ids.retracted}"`);
  });
});
