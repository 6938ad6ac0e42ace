// The newsroom's workflow through the services: drafts, submission, return, scheduling,
// revisions and the audit trail — on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, type TestApp } from '../../test/helpers.js';
import { fixedClock } from '../platform/platform.clock.js';
import type { Actor } from '../access/access.policy.js';
import { auditLog } from '../access/access.audit.js';

describe.each(engines())('newsroom workflow ($name)', (engine) => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-02-06T10:00:00Z'));
  let editor: Actor;
  let reporter: Actor;

  beforeAll(async () => {
    t = await buildTestApp(engine, { clock });
    const operator: Actor = { kind: 'user', id: null, name: 'operator', role: 'admin' };
    const e = await t.app.services.accounts.createUser(operator, {
      email: 'e@desk.test',
      displayName: 'محررة',
      role: 'editor',
      password: 'a-long-password',
    });
    const r = await t.app.services.accounts.createUser(operator, {
      email: 'r@desk.test',
      displayName: 'مراسل',
      role: 'reporter',
      password: 'a-long-password',
    });
    editor = { kind: 'user', id: e.id, name: e.displayName, role: 'editor' };
    reporter = { kind: 'user', id: r.id, name: r.displayName, role: 'reporter' };
    await t.app.services.liveblogs.create(editor, {
      slug: 'flow',
      headline: 'سير العمل',
      timeZone: 'Asia/Muscat',
    });
  });
  afterAll(() => t.close());

  it('draft → submitted → returned with a note → resubmitted → published, with revisions and audit', async () => {
    const { updates } = t.app.services;
    const draft = await updates.createDraft(reporter, 'flow', { text: 'مسودة أولى' });
    expect(draft.update.status).toBe('draft');
    await updates.saveDraft(reporter, 'flow', draft.update.id, { text: 'مسودة منقحة' });
    await updates.submitDraft(reporter, 'flow', draft.update.id);
    const returned = await updates.returnDraft(editor, 'flow', draft.update.id, 'أضف المصدر');
    expect(returned.update.status).toBe('draft');
    expect(returned.update.returnNote).toBe('أضف المصدر');
    await updates.saveDraft(reporter, 'flow', draft.update.id, {
      sources: [{ name: 'رويترز', kind: 'wire' }],
    });
    await updates.submitDraft(reporter, 'flow', draft.update.id);
    const published = await updates.publishDraft(editor, 'flow', draft.update.id);
    expect(published.update.status).toBe('published');
    const list = await updates.list('flow', undefined, 10);
    expect(list.updates.map((u) => u.id)).toContain(draft.update.id);
    await updates.edit(editor, 'flow', draft.update.id, { text: 'نص بعد التعديل' });
    const { revisions } = await updates.revisions(editor, 'flow', draft.update.id);
    expect(revisions.map((r) => r.action)).toEqual([
      'edit',
      'publish',
      'submit',
      'return',
      'submit',
    ]);
    expect(revisions[0]?.editorName).toBe('محررة');
    const log = await auditLog(t.app.database.db, 50);
    const actions = log.map((row) => row.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'draft.create',
        'draft.submit',
        'draft.return',
        'update.publish',
        'update.edit',
      ]),
    );
    const edit = log.find((row) => row.action === 'update.edit');
    expect(edit?.actorName).toBe('محررة');
    expect(edit?.before).toContain('مسودة منقحة');
    expect(edit?.after).toContain('نص بعد التعديل');
  });

  it("a reporter cannot touch a colleague's draft or publish", async () => {
    const { updates, accounts } = t.app.services;
    const other = await accounts.createUser(
      { kind: 'user', id: null, name: 'op', role: 'admin' },
      { email: 'o@desk.test', displayName: 'زميل', role: 'reporter', password: 'a-long-password' },
    );
    const colleague: Actor = { kind: 'user', id: other.id, name: 'زميل', role: 'reporter' };
    const mine = await updates.createDraft(reporter, 'flow', { text: 'لي' });
    await expect(
      updates.saveDraft(colleague, 'flow', mine.update.id, { text: 'تخريب' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(updates.publishDraft(reporter, 'flow', mine.update.id)).rejects.toMatchObject({
      status: 403,
    });
    expect((await updates.drafts(colleague, 'flow')).updates).toHaveLength(0);
  });

  it('a scheduled update stays hidden until its time, then goes out with its event', async () => {
    const { updates } = t.app.services;
    const at = new Date(clock.now().getTime() + 10 * 60_000);
    const scheduled = await updates.publish(editor, 'flow', {
      text: 'موعد المؤتمر الصحفي',
      publishAt: at.toISOString(),
    });
    expect(scheduled.update.status).toBe('scheduled');
    const visible = async () =>
      (await updates.list('flow', undefined, 50)).updates.some((u) => u.id === scheduled.update.id);
    expect(await visible()).toBe(false);
    expect(await updates.publishDue()).toBe(0);
    clock.advance(11 * 60_000);
    expect(await updates.publishDue()).toBe(1);
    expect(await updates.publishDue()).toBe(0);
    expect(await visible()).toBe(true);
    const page = await t.app.inject('/live/flow');
    expect(page.body).toContain('موعد المؤتمر الصحفي');
  });

  it('a scheduled pinned update unpins the others when it goes out, with a revision by the scheduler', async () => {
    const { updates } = t.app.services;
    const first = await updates.publish(editor, 'flow', { text: 'مثبت أول', pinned: true });
    const at = new Date(clock.now().getTime() + 60_000);
    const later = await updates.publish(editor, 'flow', {
      text: 'مثبت مجدول',
      pinned: true,
      publishAt: at.toISOString(),
    });
    clock.advance(2 * 60_000);
    expect(await updates.publishDue()).toBe(1);
    const list = (await updates.list('flow', undefined, 50)).updates;
    expect(list.find((u) => u.id === first.update.id)?.pinned).toBe(false);
    expect(list.find((u) => u.id === later.update.id)?.pinned).toBe(true);
    const { revisions } = await updates.revisions(editor, 'flow', later.update.id);
    expect(revisions[0]).toMatchObject({ action: 'publish', editorName: 'scheduler' });
  });
});
