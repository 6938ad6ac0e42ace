// The role matrix: every newsroom and API route × {anonymous, reporter, editor, admin, revoked},
// asserting the exact set of identities allowed. Each case acts on fresh objects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Session, type TestApp } from '../../test/helpers.js';
import type { Actor, Role } from '../access/access.policy.js';

type Who = 'anonymous' | 'reporter' | 'editor' | 'admin' | 'revoked';
const EVERYONE: Who[] = ['anonymous', 'reporter', 'editor', 'admin', 'revoked'];

interface Fixture {
  slug: string;
  updateId: number;
  draftId: number;
  submittedId: number;
  userId: number;
}

interface Case {
  readonly name: string;
  readonly allowed: readonly Who[];
  request(f: Fixture): {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    payload?: unknown;
    form?: Record<string, string>;
    raw?: { type: string; body: Buffer };
  };
}

// A 1×1 PNG.
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const admin: Actor = { kind: 'user', id: null, name: 'fixture', role: 'admin' };
let counter = 0;
/** A small NewsML-G2 item of its own id, for the wire routes. */
const newsml = (n: number) =>
  `<newsItem guid="urn:matrix:${n}" version="1"><itemMeta><provider literal="وكالة"/>` +
  `<versionCreated>2026-12-02T08:00:00Z</versionCreated></itemMeta>` +
  `<contentMeta><headline>مادة ${n}</headline></contentMeta></newsItem>`;
let wireItemId = 0;

describe('role matrix', () => {
  let t: TestApp;
  const tokens = new Map<Who, string>();
  const sessions = new Map<Who, Session>();
  let reporterUser: Session;

  beforeAll(async () => {
    t = await buildTestApp();
    for (const role of ['reporter', 'editor', 'admin'] as Role[]) {
      tokens.set(role as Who, await t.token(role));
      sessions.set(role as Who, await signIn(t.app, role));
    }
    const revoked = await t.app.services.tokens.create('revoked', 'admin');
    await t.app.services.tokens.revoke(revoked.record.id);
    tokens.set('revoked', revoked.token);
    // A session that has logged out.
    const gone = await signIn(t.app, 'admin');
    await t.app.inject({
      method: 'POST',
      url: '/newsroom/logout',
      headers: { cookie: gone.cookie, 'x-csrf-token': gone.csrf },
    });
    sessions.set('revoked', gone);
    reporterUser = await signIn(t.app, 'reporter');
    const [wired] = await t.app.services.wire.ingest(admin, 'newsml', newsml(0));
    wireItemId = wired?.entry.item.id ?? 0;
  });
  afterAll(() => t.close());

  async function fixture(): Promise<Fixture> {
    counter++;
    const slug = `matrix-${counter}`;
    const { liveblogs, updates, accounts } = t.app.services;
    await liveblogs.create(admin, { slug, headline: 'مصفوفة الصلاحيات' });
    const published = await updates.publish(admin, slug, { text: 'تحديث منشور' });
    const reporter: Actor = {
      kind: 'user',
      id: reporterUser.userId,
      name: 'reporter',
      role: 'reporter',
    };
    const draft = await updates.createDraft(reporter, slug, { text: 'مسودة' });
    const submitted = await updates.createDraft(reporter, slug, { text: 'مسودة مرسلة' });
    await updates.submitDraft(reporter, slug, submitted.update.id);
    const user = await accounts.createUser(admin, {
      email: `person${counter}@newsroom.test`,
      displayName: 'شخص',
      role: 'reporter',
      password: 'a-long-password',
    });
    return {
      slug,
      updateId: published.update.id,
      draftId: draft.update.id,
      submittedId: submitted.update.id,
      userId: user.id,
    };
  }

  const api: Case[] = [
    {
      name: 'POST /api/v1/liveblogs',
      allowed: ['editor', 'admin'],
      request: () => ({
        method: 'POST',
        url: '/api/v1/liveblogs',
        payload: { slug: `new-${++counter}`, headline: 'جديد' },
      }),
    },
    {
      name: 'GET /api/v1/liveblogs/:slug',
      allowed: ['anonymous', 'reporter', 'editor', 'admin'],
      request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}` }),
    },
    {
      name: 'PATCH /api/v1/liveblogs/:slug',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'PATCH',
        url: `/api/v1/liveblogs/${f.slug}`,
        payload: { headline: 'عنوان' },
      }),
    },
    {
      name: 'PUT /api/v1/liveblogs/:slug/explainer',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'PUT',
        url: `/api/v1/liveblogs/${f.slug}/explainer`,
        payload: { sections: [{ title: 'قسم', text: 'نص' }] },
      }),
    },
    {
      name: 'POST /api/v1/liveblogs/:slug/updates',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/api/v1/liveblogs/${f.slug}/updates`,
        payload: { text: 'نص' },
      }),
    },
    {
      name: 'GET /api/v1/liveblogs/:slug/updates',
      allowed: ['anonymous', 'reporter', 'editor', 'admin'],
      request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/updates` }),
    },
    {
      name: 'GET /api/v1/liveblogs/:slug/updates/:id',
      allowed: ['anonymous', 'reporter', 'editor', 'admin'],
      request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}` }),
    },
    {
      name: 'PATCH /api/v1/liveblogs/:slug/updates/:id',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'PATCH',
        url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}`,
        payload: { text: 'معدل' },
      }),
    },
    {
      name: 'DELETE /api/v1/liveblogs/:slug/updates/:id',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'DELETE',
        url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}`,
      }),
    },
    {
      name: 'GET /api/v1/liveblogs/:slug/updates/:id/revisions',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'GET',
        url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}/revisions`,
      }),
    },
    {
      name: 'GET /api/v1/liveblogs/:slug/drafts',
      allowed: ['reporter', 'editor', 'admin'],
      request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/drafts` }),
    },
    {
      name: 'POST /api/v1/liveblogs/:slug/drafts',
      allowed: ['reporter', 'editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/api/v1/liveblogs/${f.slug}/drafts`,
        payload: { text: 'مسودة' },
      }),
    },
    // A colleague's draft: only reviewers may change it.
    {
      name: 'PUT /api/v1/liveblogs/:slug/drafts/:id',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'PUT',
        url: `/api/v1/liveblogs/${f.slug}/drafts/${f.draftId}`,
        payload: { text: 'تعديل' },
      }),
    },
    {
      name: 'DELETE /api/v1/liveblogs/:slug/drafts/:id',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'DELETE',
        url: `/api/v1/liveblogs/${f.slug}/drafts/${f.draftId}`,
      }),
    },
    {
      name: 'POST /api/v1/liveblogs/:slug/drafts/:id/submit',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/api/v1/liveblogs/${f.slug}/drafts/${f.draftId}/submit`,
      }),
    },
    {
      name: 'POST /api/v1/liveblogs/:slug/drafts/:id/return',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/api/v1/liveblogs/${f.slug}/drafts/${f.submittedId}/return`,
        payload: { note: 'راجع المصدر' },
      }),
    },
    {
      name: 'POST /api/v1/liveblogs/:slug/drafts/:id/publish',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/api/v1/liveblogs/${f.slug}/drafts/${f.submittedId}/publish`,
        payload: {},
      }),
    },
    {
      name: 'POST /api/v1/liveblogs/:slug/preview',
      allowed: ['reporter', 'editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/api/v1/liveblogs/${f.slug}/preview`,
        payload: { blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'معاينة' }] }] },
      }),
    },
  ];

  api.push({
    name: 'POST /api/v1/photos',
    allowed: ['reporter', 'editor', 'admin'],
    request: () => ({
      method: 'POST',
      url: '/api/v1/photos?alt=a&credit=b',
      raw: { type: 'image/png', body: TINY_PNG },
    }),
  });
  api.push(
    {
      name: 'PUT /api/v1/liveblogs/:slug/updates/:id/translation',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'PUT',
        url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}/translation`,
        payload: { translation: null },
      }),
    },
    {
      name: 'GET /api/v1/liveblogs/:slug/to-translate',
      allowed: ['reporter', 'editor', 'admin'],
      request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/to-translate` }),
    },
    {
      name: 'GET /api/v1/push/key',
      allowed: ['anonymous', 'reporter', 'editor', 'admin'],
      request: () => ({ method: 'GET', url: '/api/v1/push/key' }),
    },
  );
  api.push({
    name: 'GET /api/v1/search',
    allowed: ['anonymous', 'reporter', 'editor', 'admin'],
    request: () => ({ method: 'GET', url: '/api/v1/search?q=%D9%85%D8%B3%D9%82%D8%B7' }),
  });
  api.push(
    {
      name: 'POST /api/v1/wire',
      allowed: ['editor', 'admin'],
      request: () => ({
        method: 'POST',
        url: '/api/v1/wire',
        raw: { type: 'application/xml', body: Buffer.from(newsml(++counter)) },
      }),
    },
    {
      name: 'GET /api/v1/wire',
      allowed: ['reporter', 'editor', 'admin'],
      request: () => ({ method: 'GET', url: '/api/v1/wire' }),
    },
    {
      name: 'GET /api/v1/wire/:id',
      allowed: ['reporter', 'editor', 'admin'],
      request: () => ({ method: 'GET', url: `/api/v1/wire/${wireItemId}` }),
    },
    {
      name: 'POST /api/v1/wire/:id/drafts',
      allowed: ['reporter', 'editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/api/v1/wire/${wireItemId}/drafts`,
        payload: { liveblog: f.slug },
      }),
    },
    {
      name: 'GET /api/v1/liveblogs/:slug/updates/:id/ninjs',
      allowed: ['anonymous', 'reporter', 'editor', 'admin'],
      request: (f) => ({
        method: 'GET',
        url: `/api/v1/liveblogs/${f.slug}/updates/${f.updateId}/ninjs`,
      }),
    },
    {
      name: 'GET /api/v1/liveblogs/:slug/ninjs',
      allowed: ['anonymous', 'reporter', 'editor', 'admin'],
      request: (f) => ({ method: 'GET', url: `/api/v1/liveblogs/${f.slug}/ninjs` }),
    },
  );

  const pages: Case[] = [
    {
      name: 'GET /newsroom',
      allowed: ['reporter', 'editor', 'admin'],
      request: () => ({ method: 'GET', url: '/newsroom' }),
    },
    {
      name: 'POST /newsroom/liveblogs',
      allowed: ['editor', 'admin'],
      request: () => ({
        method: 'POST',
        url: '/newsroom/liveblogs',
        form: {
          slug: `form-${++counter}`,
          headline: 'صفحة',
          timeZone: 'Asia/Muscat',
          locale: 'ar',
        },
      }),
    },
    {
      name: 'GET /newsroom/liveblogs/:slug/translate',
      allowed: ['reporter', 'editor', 'admin'],
      request: (f) => ({ method: 'GET', url: `/newsroom/liveblogs/${f.slug}/translate` }),
    },
    {
      name: 'GET /newsroom/liveblogs/:slug',
      allowed: ['reporter', 'editor', 'admin'],
      request: (f) => ({ method: 'GET', url: `/newsroom/liveblogs/${f.slug}` }),
    },
    {
      name: 'POST /newsroom/liveblogs/:slug/settings',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/newsroom/liveblogs/${f.slug}/settings`,
        form: { headline: 'عنوان', standfirst: '', status: 'live', timeZone: 'Asia/Muscat' },
      }),
    },
    {
      name: 'POST /newsroom/liveblogs/:slug/explainer',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/newsroom/liveblogs/${f.slug}/explainer`,
        form: { title0: 'قسم', text0: 'نص', order0: '1' },
      }),
    },
    {
      name: 'GET /newsroom/liveblogs/:slug/updates/:id/history',
      allowed: ['editor', 'admin'],
      request: (f) => ({
        method: 'GET',
        url: `/newsroom/liveblogs/${f.slug}/updates/${f.updateId}/history`,
      }),
    },
    {
      name: 'GET /newsroom/users',
      allowed: ['admin'],
      request: () => ({ method: 'GET', url: '/newsroom/users' }),
    },
    {
      name: 'POST /newsroom/users',
      allowed: ['admin'],
      request: () => ({
        method: 'POST',
        url: '/newsroom/users',
        form: {
          email: `new${++counter}@newsroom.test`,
          displayName: 'جديد',
          password: 'a-long-password',
          role: 'reporter',
        },
      }),
    },
    {
      name: 'POST /newsroom/users/:id/role',
      allowed: ['admin'],
      request: (f) => ({
        method: 'POST',
        url: `/newsroom/users/${f.userId}/role`,
        form: { role: 'editor' },
      }),
    },
    {
      name: 'POST /newsroom/users/:id/enable',
      allowed: ['admin'],
      request: (f) => ({ method: 'POST', url: `/newsroom/users/${f.userId}/enable`, form: {} }),
    },
    {
      name: 'POST /newsroom/users/:id/reset-link',
      allowed: ['admin'],
      request: (f) => ({ method: 'POST', url: `/newsroom/users/${f.userId}/reset-link`, form: {} }),
    },
    {
      name: 'GET /newsroom/comments',
      allowed: ['editor', 'admin'],
      request: () => ({ method: 'GET', url: '/newsroom/comments' }),
    },
    {
      name: 'POST /newsroom/comments/moderate',
      allowed: ['editor', 'admin'],
      request: () => ({
        method: 'POST',
        url: '/newsroom/comments/moderate',
        form: { action: 'approve', ids: '999999' },
      }),
    },
    {
      name: 'POST /newsroom/comments/words',
      allowed: ['editor', 'admin'],
      request: () => ({
        method: 'POST',
        url: '/newsroom/comments/words',
        form: { add: `كلمة${++counter}` },
      }),
    },
    {
      name: 'GET /newsroom/settings',
      allowed: ['admin'],
      request: () => ({ method: 'GET', url: '/newsroom/settings' }),
    },
    {
      name: 'POST /newsroom/settings',
      allowed: ['admin'],
      request: () => ({
        method: 'POST',
        url: '/newsroom/settings',
        form: { months: 'gulf', digits: 'latn', clock: '24' },
      }),
    },
    {
      name: 'POST /newsroom/settings/sources',
      allowed: ['admin'],
      request: () => ({
        method: 'POST',
        url: '/newsroom/settings/sources',
        form: { sources: 'رويترز | Reuters | wire | https://www.reuters.com' },
      }),
    },
    {
      name: 'GET /newsroom/audit',
      allowed: ['admin'],
      request: () => ({ method: 'GET', url: '/newsroom/audit' }),
    },
    {
      name: 'POST /newsroom/settings/two-factor',
      allowed: ['admin'],
      request: () => ({ method: 'POST', url: '/newsroom/settings/two-factor', form: {} }),
    },
    {
      name: 'POST /newsroom/users/:id/two-factor/reset',
      allowed: ['admin'],
      request: (f) => ({
        method: 'POST',
        url: `/newsroom/users/${f.userId}/two-factor/reset`,
        form: {},
      }),
    },
    {
      name: 'GET /newsroom/account',
      allowed: ['reporter', 'editor', 'admin'],
      request: () => ({ method: 'GET', url: '/newsroom/account' }),
    },
    {
      name: 'POST /newsroom/account/two-factor/start',
      allowed: ['reporter', 'editor', 'admin'],
      request: () => ({ method: 'POST', url: '/newsroom/account/two-factor/start', form: {} }),
    },
  ];

  pages.push(
    {
      name: 'GET /newsroom/wire',
      allowed: ['reporter', 'editor', 'admin'],
      request: () => ({ method: 'GET', url: '/newsroom/wire' }),
    },
    {
      name: 'POST /newsroom/wire/:id/draft',
      allowed: ['reporter', 'editor', 'admin'],
      request: (f) => ({
        method: 'POST',
        url: `/newsroom/wire/${wireItemId}/draft`,
        form: { liveblog: f.slug },
      }),
    },
  );

  async function run(kind: 'token' | 'session', who: Who, c: Case) {
    const f = await fixture();
    const r = c.request(f);
    const headers: Record<string, string> = {};
    if (who !== 'anonymous') {
      if (kind === 'token') headers.authorization = `Bearer ${tokens.get(who) ?? ''}`;
      else {
        const session = sessions.get(who);
        headers.cookie = session?.cookie ?? '';
        headers['x-csrf-token'] = session?.csrf ?? '';
      }
    }
    let payload: string | undefined;
    if (r.form) {
      const session = sessions.get(who);
      payload = new URLSearchParams({ ...r.form, _csrf: session?.csrf ?? '' }).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (r.raw) {
      headers['content-type'] = r.raw.type;
      return t.app.inject({ method: r.method, url: r.url, headers, payload: r.raw.body });
    } else if (r.payload !== undefined) {
      payload = JSON.stringify(r.payload);
      headers['content-type'] = 'application/json';
    }
    return t.app.inject({
      method: r.method,
      url: r.url,
      headers,
      ...(payload !== undefined && { payload }),
    });
  }

  describe.each(api)('API $name', (c) => {
    it.each(EVERYONE)('with a %s token', async (who) => {
      const res = await run('token', who, c);
      if (c.allowed.includes(who)) expect(res.statusCode, res.body).toBeLessThan(300);
      else if (who === 'anonymous' || who === 'revoked') expect(res.statusCode).toBe(401);
      else expect(res.statusCode).toBe(403);
    });
  });

  describe.each(pages)('page $name', (c) => {
    it.each(EVERYONE)('signed in as %s', async (who) => {
      const res = await run('session', who, c);
      if (c.allowed.includes(who)) expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(400);
      else if (who === 'anonymous' || who === 'revoked') {
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe('/newsroom/login');
      } else expect(res.statusCode).toBe(403);
    });
  });

  it("a reporter's publish attempt gets 403 and changes nothing", async () => {
    const f = await fixture();
    const before = await t.app.inject(`/api/v1/liveblogs/${f.slug}/updates`);
    const session = sessions.get('reporter');
    const attempts = [
      await run('token', 'reporter', {
        name: '',
        allowed: [],
        request: () => ({
          method: 'POST',
          url: `/api/v1/liveblogs/${f.slug}/updates`,
          payload: { text: 'محاولة' },
        }),
      }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/liveblogs/${f.slug}/drafts/${f.submittedId}/publish`,
        headers: {
          cookie: session?.cookie ?? '',
          'x-csrf-token': session?.csrf ?? '',
          'content-type': 'application/json',
        },
        payload: '{}',
      }),
    ];
    for (const res of attempts) expect(res.statusCode).toBe(403);
    const after = await t.app.inject(`/api/v1/liveblogs/${f.slug}/updates`);
    expect(after.body).toBe(before.body);
    const drafts = await t.app.services.updates.drafts(admin, f.slug);
    expect(drafts.updates.find((u) => u.id === f.submittedId)?.status).toBe('submitted');
  });
});
