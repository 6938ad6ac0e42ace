// The ninjs 2.0 export, validated against the IPTC's own JSON Schema (vendored unchanged in
// test/fixtures/ninjs/) with Ajv: one update, and a live page with its updates as associations.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { bearer, buildTestApp, type TestApp } from '../../test/helpers.js';
import { wireFixture } from '../../test/fixtures/wire-fixtures.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { PublishedUpdate } from '../update/update.types.js';
import { liveblogAsNinjs, updateAsNinjs } from './wire.export.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * The schema is draft-04, which Ajv 8 reads once its one draft-04 spelling is changed: the
 * root `id` becomes `$id` (the schema uses no other draft-04-only keyword). Its one outside
 * reference, GeoJSON for a place's geometry, is stood in for by an open schema: the export
 * has no places.
 */
function ninjsValidator(): ValidateFunction {
  const path = new URL('../../test/fixtures/ninjs/ninjs-schema_2.0.json', import.meta.url);
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const adapted: Record<string, unknown> = { ...schema, $id: schema.id };
  delete adapted.id;
  delete adapted.$schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' });
  return ajv.compile(adapted);
}

const validate = ninjsValidator();

function expectValid(document: unknown): void {
  const ok = validate(document);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

describe('the ninjs 2.0 schema as we use it', () => {
  it('refuses what is not ninjs (so a pass means something)', () => {
    expect(validate({ headlines: [{ value: 'no uri' }] })).toBe(false);
    expect(validate({ uri: 'urn:x:1', headline: 'a 1.x property' })).toBe(false);
    expect(validate({ uri: 'urn:x:1', versioncreated: 'yesterday' })).toBe(false);
    expect(validate({ uri: 'not a uri' })).toBe(false);
  });

  it('accepts our ninjs fixtures, Arabic and English', () => {
    expectValid(JSON.parse(wireFixture('ninjs-en.json')));
    expectValid(JSON.parse(wireFixture('ninjs-ar-embargo.json')));
  });
});

describe('the ninjs export', () => {
  let t: TestApp;
  let editor: string;
  const ids: number[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    editor = await t.token('editor');
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: bearer(editor), payload });
    await post('/api/v1/liveblogs', {
      slug: 'port-ninjs',
      headline: 'إغلاق الميناء: تغطية مباشرة',
      standfirst: 'آخر أخبار الملاحة في الميناء.',
    });
    const bodies = [
      {
        headline: 'عاجل: إغلاق الميناء',
        text: 'أغلقت السلطات الميناء.\n\nالتفاصيل لاحقًا.',
        breaking: true,
        sources: [
          { name: 'وكالة المثال للأنباء', kind: 'wire', url: 'https://wire.example.org/ar/مادة' },
        ],
      },
      { text: 'تحديث بلا عنوان، فيه رابط https://example.org/خبر', keyEvent: true },
      {
        headline: 'بيان رسمي',
        text: 'صدر بيان عن وزارة النقل.',
        sources: [{ name: 'وزارة النقل', kind: 'official' }],
      },
    ];
    for (const body of bodies) {
      const res = await post('/api/v1/liveblogs/port-ninjs/updates', body);
      expect(res.statusCode).toBe(201);
      ids.push(res.json<{ id: number }>().id);
    }
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/liveblogs/port-ninjs/updates/${ids[2] ?? 0}`,
      headers: bearer(editor),
      payload: { text: 'صدر بيان عن وزارة النقل يؤكد الإغلاق.' },
    });
    expect(edited.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('an update as ninjs validates against the ninjs 2.0 schema and carries its text and sources', async () => {
    for (const id of ids) {
      const res = await t.app.inject(`/api/v1/liveblogs/port-ninjs/updates/${id}/ninjs`);
      expect(res.statusCode).toBe(200);
      expectValid(res.json());
    }
    const first = (
      await t.app.inject(`/api/v1/liveblogs/port-ninjs/updates/${ids[0] ?? 0}/ninjs`)
    ).json<Record<string, unknown>>();
    expect(first).toMatchObject({
      uri: `http://localhost:3000/live/port-ninjs/updates/${ids[0] ?? 0}`,
      standard: { name: 'ninjs', version: '2.0' },
      type: 'text',
      language: 'ar',
      urgency: 1,
      headlines: [{ role: 'main', value: 'عاجل: إغلاق الميناء' }],
      bodies: [{ contenttype: 'text/plain', value: 'أغلقت السلطات الميناء.\n\nالتفاصيل لاحقًا.' }],
      infosources: [
        {
          name: 'وكالة المثال للأنباء',
          literal: 'wire',
          uri: 'https://wire.example.org/ar/%D9%85%D8%A7%D8%AF%D8%A9',
        },
      ],
    });
    const edited = (
      await t.app.inject(`/api/v1/liveblogs/port-ninjs/updates/${ids[2] ?? 0}/ninjs`)
    ).json<{ version: string; versioncreated: string; firstcreated: string }>();
    expect(Number(edited.version)).toBeGreaterThan(1);
    expect(edited.versioncreated >= edited.firstcreated).toBe(true);
  });

  it('the live page as ninjs validates, its updates as associations that validate on their own', async () => {
    const res = await t.app.inject('/api/v1/liveblogs/port-ninjs/ninjs');
    expect(res.statusCode).toBe(200);
    const page = res.json<{ type: string; associations: { name: string; uri: string }[] }>();
    expectValid(page);
    expect(page.type).toBe('composite');
    expect(page.associations.map((a) => a.name)).toEqual(
      [...ids].reverse().map((id) => `update-${id}`),
    );
    for (const association of page.associations) {
      const standalone: Record<string, unknown> = { ...association };
      delete standalone.name;
      expectValid(standalone);
    }
    const limited = await t.app.inject('/api/v1/liveblogs/port-ninjs/ninjs?limit=1');
    expect(limited.json<{ associations: unknown[] }>().associations).toHaveLength(1);
  });

  it('a draft or a missing update has no export (404)', async () => {
    expect(
      (await t.app.inject('/api/v1/liveblogs/port-ninjs/updates/999999/ninjs')).statusCode,
    ).toBe(404);
    expect((await t.app.inject('/api/v1/liveblogs/nowhere/ninjs')).statusCode).toBe(404);
  });

  it('without an absolute public address the ids are URNs, and still valid', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    const liveblog = {
      id: 1,
      slug: 'local',
      headline: 'Local',
      standfirst: '',
      status: 'live',
      locale: 'en',
      timeZone: 'UTC',
      coverageStartAt: null,
      coverageEndAt: null,
      lastSeq: 3,
      createdAt: at,
      updatedAt: at,
      commentMode: 'post',
      dateStyle: null,
      translationSlug: null,
    } satisfies Liveblog;
    const update = {
      id: 7,
      liveblogId: 1,
      headline: null,
      blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }],
      sources: [],
      keyEvent: false,
      pinned: false,
      breaking: false,
      authorName: '',
      status: 'published',
      publishedAt: at,
      editedAt: null,
      deletedAt: null,
      createdAt: at,
      updatedAt: at,
      revision: 1,
      authorUserId: null,
      submittedAt: null,
      returnNote: null,
      scheduledAt: null,
    } as unknown as PublishedUpdate;
    const one = updateAsNinjs(update, liveblog, '');
    expect(one.uri).toBe('urn:ajil:liveblog:local:update:7');
    expectValid(one);
    expectValid(liveblogAsNinjs(liveblog, [update], ''));
  });
});
