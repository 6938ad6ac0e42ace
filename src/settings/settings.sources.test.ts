// The composer's source presets are a site setting: seeded with the region's agencies, edited by
// admins on the settings page (a bad line changes nothing), shown on the desk in the UI's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, signIn, type Session, type TestApp } from '../../test/helpers.js';
import { DEFAULT_SOURCE_PRESETS, presetsFromText, presetsToText } from './settings.sources.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('source presets', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signIn(t.app, 'admin');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/liveblogs',
      headers: bearer(await t.token('editor')),
      payload: { slug: 'sources-desk', headline: 'صفحة' },
    });
  });
  afterAll(() => t.close());

  const post = (text: string, as: Session = admin) =>
    t.app.inject({
      method: 'POST',
      url: '/newsroom/settings/sources',
      headers: { ...FORM, cookie: as.cookie },
      payload: new URLSearchParams({ _csrf: as.csrf, sources: text }).toString(),
    });
  const desk = (lang: 'ar' | 'en') =>
    t.app.inject({
      url: `/newsroom/liveblogs/sources-desk?lang=${lang}`,
      headers: { cookie: admin.cookie },
    });

  it('is seeded with the Arab and international agencies, each with both names, kind and address', () => {
    const english = DEFAULT_SOURCE_PRESETS.map((p) => p.en);
    for (const name of [
      'KUNA',
      'WAM',
      'SPA',
      'QNA',
      'MENA',
      'Petra',
      'SANA',
      'APS',
      'MAP',
      'Anadolu',
      'IRNA',
      'Reuters',
      'AP',
      'AFP',
    ])
      expect(english).toContain(name);
    for (const p of DEFAULT_SOURCE_PRESETS.filter((x) => x.kind === 'wire')) {
      expect(p.ar).toMatch(/[\u0600-\u06FF]/);
      expect(p.url).toMatch(/^https:\/\//);
    }
    expect(presetsFromText(presetsToText(DEFAULT_SOURCE_PRESETS))).toEqual({
      presets: DEFAULT_SOURCE_PRESETS,
    });
  });

  it('the desk offers the seeded presets in the UI language, kinds named in it too', async () => {
    const ar = await desk('ar');
    expect(ar.body).toContain('data-source-name="كونا"');
    expect(ar.body).toContain('data-source-url="https://www.kuna.net.kw"');
    expect(ar.body).toContain('<option value="wire">وكالة أنباء</option>');
    const en = await desk('en');
    expect(en.body).toContain('data-source-name="KUNA"');
    expect(en.body).toContain('<option value="official">Official</option>');
  });

  it('an admin replaces the list; a bad line is refused and nothing changes; others may not', async () => {
    const bad = await post(
      'وكالة جديدة | New Agency | wire | https://agency.example\nبلا نوع | No kind | rumour',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('أسطر غير صالحة: 2');
    expect((await desk('ar')).body).toContain('data-source-name="كونا"');

    const ok = await post(
      'وكالة جديدة | New Agency | wire | https://agency.example\nمصدر محلي |  | official',
    );
    expect(ok.statusCode).toBe(303);
    const after = await desk('en');
    expect(after.body).toContain('data-source-name="New Agency"');
    expect(after.body).not.toContain('data-source-name="KUNA"');
    // An English name left empty falls back to the Arabic one.
    expect(after.body).toContain('data-source-name="مصدر محلي"');
    const settings = await t.app.inject({
      url: '/newsroom/settings',
      headers: { cookie: admin.cookie },
    });
    expect(settings.body).toContain('وكالة جديدة | New Agency | wire | https://agency.example');
    const audit = await t.app.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'settings.source_presets')
      .execute();
    expect(audit).toHaveLength(1);

    const editor = await signIn(t.app, 'editor');
    expect((await post('x | x | wire', editor)).statusCode).toBe(403);
  });
});
