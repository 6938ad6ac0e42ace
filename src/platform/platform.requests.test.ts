import { describe, expect, it } from 'vitest';
import { bearer, buildTestApp } from '../../test/helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and errors before routing', () => {
  it('every response carries an x-request-id, and JSON errors repeat it', async () => {
    const t = await buildTestApp();
    try {
      const page = await t.app.inject({ url: '/' });
      expect(page.headers['x-request-id']).toMatch(UUID);
      const other = await t.app.inject({ url: '/' });
      expect(other.headers['x-request-id']).not.toBe(page.headers['x-request-id']);

      const missing = await t.app.inject({ url: '/api/v1/liveblogs/no-such-page' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json<{ error: { requestId: string } }>().error.requestId).toBe(
        missing.headers['x-request-id'],
      );
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/liveblogs',
        headers: bearer('ajil_not-a-token'),
        payload: {},
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.json<{ error: { requestId: string } }>().error.requestId).toBe(
        refused.headers['x-request-id'],
      );
      // Without a trusted proxy, a client cannot choose its own id.
      const chosen = await t.app.inject({
        url: '/healthz',
        headers: { 'x-request-id': 'abc-123' },
      });
      expect(chosen.headers['x-request-id']).toMatch(UUID);
    } finally {
      await t.close();
    }
  });

  it("behind a trusted proxy, the proxy's id is kept when it is safe", async () => {
    const t = await buildTestApp(undefined, {}, { trustProxy: 1 });
    try {
      const kept = await t.app.inject({
        url: '/healthz',
        headers: { 'x-request-id': 'nginx-7f3a9c.01' },
      });
      expect(kept.headers['x-request-id']).toBe('nginx-7f3a9c.01');
      for (const unsafe of ['a b', 'x'.repeat(200), 'id\u0000', 'é']) {
        const replaced = await t.app.inject({
          url: '/healthz',
          headers: { 'x-request-id': unsafe },
        });
        expect(replaced.headers['x-request-id']).toMatch(UUID);
      }
    } finally {
      await t.close();
    }
  });

  it.each(['/live/%E0%A4%A', '/api/v1/liveblogs/%E0%A4%A', '/%'])(
    'a malformed URL (%s) gets the JSON error shape with its request id',
    async (url) => {
      const t = await buildTestApp();
      try {
        const res = await t.app.inject({ url });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.json()).toEqual({
          error: {
            code: 'bad_url',
            message: 'عنوان الصفحة غير صالح.',
            messages: { ar: 'عنوان الصفحة غير صالح.', en: 'The address is not valid.' },
            requestId: res.headers['x-request-id'],
          },
        });
        expect(res.headers['x-request-id']).toMatch(UUID);
      } finally {
        await t.close();
      }
    },
  );
});
