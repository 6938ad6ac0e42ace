import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, engines, signIn, type TestApp } from '../../test/helpers.js';
import { MAX_PROOF_CHARS } from './proof.schema.js';

interface Issue {
  word: string;
  start: number;
  end: number;
  suggestions: string[];
}

describe.each(engines())('proofing over HTTP ($name)', (engine) => {
  let t: TestApp;
  let editor: string;
  let reporter: string;

  const proof = (payload: object, token = reporter) =>
    t.app.inject({ method: 'POST', url: '/api/v1/proof', payload, headers: bearer(token) });

  beforeAll(async () => {
    t = await buildTestApp(engine);
    editor = await t.token('editor');
    reporter = await t.token('reporter');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      payload: { slug: 'envoy', headline: 'هوكشتاين في بيروت', timeZone: 'Asia/Beirut' },
      headers: bearer(editor),
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('marks likely misspellings with offsets and suggestions', async () => {
    const text = 'قال المتحدث إن الإجتماع انتهى والحكومه ستعلن موقفها.';
    const res = await proof({ text });
    expect(res.statusCode).toBe(200);
    const { issues } = res.json<{ issues: Issue[] }>();
    expect(issues.map((issue) => issue.word)).toEqual(['الإجتماع', 'والحكومه']);
    expect(issues[0]?.suggestions[0]).toBe('الاجتماع');
    for (const issue of issues) expect(text.slice(issue.start, issue.end)).toBe(issue.word);
  });

  it('takes a newsroom session like every API route, and refuses strangers', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/proof', payload: { text: 'x' } }))
        .statusCode,
    ).toBe(401);
    const session = await signIn(t.app, 'reporter');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/proof',
      payload: { text: 'هاذا' },
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        origin: 'http://localhost:3000',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ issues: Issue[] }>().issues[0]?.suggestions).toEqual(['هذا']);
  });

  it('refuses a text that is too long, in Arabic and English', async () => {
    const res = await proof({ text: 'ا'.repeat(MAX_PROOF_CHARS + 1) });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { code: string; messages: { ar: string; en: string } } }>();
    expect(error.code).toBe('validation_failed');
    expect(error.messages.en).toContain(String(MAX_PROOF_CHARS));
    expect(error.messages.ar).toContain('أطول');
    expect((await proof({ text: 'نص', extra: 1 })).statusCode).toBe(400);
  });

  it("never marks the names of the alias table, the page's names or the newsroom list", async () => {
    const words = async (text: string, liveblog?: string) =>
      (await proof({ text, ...(liveblog && { liveblog }) }))
        .json<{ issues: Issue[] }>()
        .issues.map((i) => i.word);
    expect(await words('وصل عراقجي والبوسعيدي إلى مسقط')).toEqual([]);
    expect(await words('التقى هوكشتاين الرئيس')).toEqual(['هوكشتاين']);
    expect(await words('التقى هوكشتاين الرئيس', 'envoy')).toEqual([]);
    expect(await words('التقى أورتاغوس الرئيس')).toEqual(['أورتاغوس']);

    const add = (word: string, token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/proof/words',
        payload: { word },
        headers: bearer(token),
      });
    expect((await add('أورتاغوس', reporter)).statusCode).toBe(403);
    expect((await add('two words', editor)).statusCode).toBe(400);
    const added = await add('أورتاغوس', editor);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ added: true });
    expect((await add('اورتاغوس', editor)).json()).toEqual({ added: false });
    expect(await words('التقى أورتاغوس الرئيس ولأورتاغوس رأي')).toEqual([]);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/proof/words',
      headers: bearer(reporter),
    });
    expect(list.json<{ words: { word: string }[] }>().words.map((w) => w.word)).toEqual([
      'أورتاغوس',
    ]);
    const remove = (word: string) =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/v1/proof/words/${encodeURIComponent(word)}`,
        headers: bearer(editor),
      });
    expect((await remove('أورتاغوس')).statusCode).toBe(204);
    expect((await remove('أورتاغوس')).statusCode).toBe(404);
    expect(await words('التقى أورتاغوس الرئيس')).toEqual(['أورتاغوس']);
  });
});

describe('proofing without its dictionary', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(undefined, {}, { proofDictionary: '/nonexistent/dictionary/ar' });
  });
  afterAll(() => t.close());

  it('says it is unavailable, while the rest of the app works', async () => {
    const token = await t.token('reporter');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/proof',
      payload: { text: 'الحكومه' },
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(503);
    const { error } = res.json<{ error: { code: string; messages: { ar: string; en: string } } }>();
    expect(error.code).toBe('proofing_unavailable');
    expect(error.messages.ar).toContain('القاموس');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
