// The role matrix: every newsroom and API route × {anonymous, reporter, editor, admin, revoked},
// asserting the exact set of identities allowed. Each case acts on fresh objects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signIn, type Session, type TestApp } from '../../test/helpers.js';
import type { Actor, Role } from '../access/access.policy.js';
import {
  EVERYONE,
  apiCases as api,
  newsml,
  nextNumber,
  type Case,
  type Fixture,
  type Who,
} from './newsroom.matrix.cases.js';
import { pageCases as pages } from './newsroom.matrix.pages.js';

const admin: Actor = { kind: 'user', id: null, name: 'fixture', role: 'admin' };
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
    const n = nextNumber();
    const slug = `matrix-${n}`;
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
      email: `person${n}@newsroom.test`,
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
      wireItemId,
    };
  }

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
