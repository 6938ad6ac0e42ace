// The staff stream (the live desk) over real sockets: who may open it, what each role gets,
// drafts never on the readers' stream, presence, and the stream ending with the session.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, engines, signIn, type Session, type TestApp } from '../../test/helpers.js';

interface Frame {
  readonly type: string;
  readonly id: string | undefined;
  readonly data: string;
}

/** A staff stream opened with a session cookie; collects frames until it ends. */
function openStream(url: string, cookie: string | undefined) {
  const frames: Frame[] = [];
  const state = { status: 0, ended: false };
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream', ...(cookie && { cookie }) },
      signal: controller.signal,
    });
    state.status = res.status;
    if (res.status !== 200 || !res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    const body = res.body.getReader();
    for (;;) {
      const { value, done: finished } = await body.read();
      if (finished) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const data = field('data');
        if (data !== undefined)
          frames.push({ type: field('event') ?? 'message', id: field('id'), data });
      }
    }
  })()
    .catch(() => undefined)
    .finally(() => {
      state.ended = true;
    });
  return {
    frames,
    state,
    done,
    close: () => {
      controller.abort();
    },
    async until(test: () => boolean, timeoutMs = 8_000): Promise<void> {
      const start = Date.now();
      while (!test()) {
        if (Date.now() - start > timeoutMs)
          throw new Error(`timed out with ${JSON.stringify(frames.map((f) => f.type))}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    of: (type: string) => frames.filter((frame) => frame.type === type),
  };
}

describe.each(engines())('the staff stream ($name)', (engine) => {
  let t: TestApp;
  let base: string;
  let editor: Session;
  let reporter: Session;
  let moderator: Session;
  const open: ReturnType<typeof openStream>[] = [];
  const stream = (path: string, session?: Session) => {
    const s = openStream(`${base}${path}`, session?.cookie);
    open.push(s);
    return s;
  };
  const api = (session: Session, method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    t = await buildTestApp(engine);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    editor = await signIn(t.app, 'editor');
    reporter = await signIn(t.app, 'reporter');
    moderator = await signIn(t.app, 'moderator');
    const res = await api(editor, 'POST', '/api/v1/liveblogs', {
      slug: 'desk-live',
      headline: 'المكتب المباشر',
      timeZone: 'Asia/Muscat',
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t.close();
  });

  it('answers 401 without a session, on both streams', async () => {
    for (const path of ['/newsroom/desk/events', '/newsroom/liveblogs/desk-live/events']) {
      const s = stream(path);
      await s.done;
      expect(s.state.status).toBe(401);
    }
  });

  it("answers 403 to a role without the desk (a moderator on a page's desk)", async () => {
    const s = stream('/newsroom/liveblogs/desk-live/events', moderator);
    await s.done;
    expect(s.state.status).toBe(403);
    const site = stream('/newsroom/desk/events', moderator);
    await site.until(() => site.of('ready').length === 1);
    expect(site.state.status).toBe(200);
  });

  it('carries a submitted draft to editors and never to the readers or other reporters', async () => {
    const desk = stream('/newsroom/liveblogs/desk-live/events', editor);
    const other = await signIn(t.app, 'reporter');
    const otherDesk = stream('/newsroom/liveblogs/desk-live/events', other);
    const readerRes = await fetch(`${base}/live/desk-live/updates.json?after=0`);
    const readerBefore = ((await readerRes.json()) as { events: unknown[] }).events.length;
    await desk.until(() => desk.of('ready').length === 1);
    await otherDesk.until(() => otherDesk.of('ready').length === 1);

    const created = await api(reporter, 'POST', '/api/v1/liveblogs/desk-live/drafts', {
      text: 'مسودة من الميدان',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(
      (await api(reporter, 'POST', `/api/v1/liveblogs/desk-live/drafts/${id}/submit`)).status,
    ).toBe(200);

    await desk.until(() => desk.of('draft.submitted').length === 1);
    const data = JSON.parse(desk.of('draft.submitted')[0]?.data ?? '{}') as Record<string, unknown>;
    expect(data).toMatchObject({ updateId: id, slug: 'desk-live', audience: 'review' });
    expect(desk.of('draft.submitted')[0]?.id).toBe(String(data.id));

    // Published: everyone on the desk hears it; the other reporter never heard the draft.
    expect(
      (await api(editor, 'POST', `/api/v1/liveblogs/desk-live/drafts/${id}/publish`, {})).status,
    ).toBe(200);
    await otherDesk.until(() => otherDesk.of('update.published').length === 1);
    expect(otherDesk.of('draft.submitted')).toHaveLength(0);

    const after = await fetch(`${base}/live/desk-live/updates.json?after=0`);
    const events = ((await after.json()) as { events: { type: string }[] }).events;
    expect(events.length - readerBefore).toBe(1);
    expect(events.map((e) => e.type)).not.toContain('draft.submitted');
  });

  it('replays what a desk missed from its last event id', async () => {
    const first = stream('/newsroom/desk/events', editor);
    await first.until(() => first.of('ready').length === 1);
    const from = (JSON.parse(first.of('ready')[0]?.data ?? '{}') as { from: number }).from;
    first.close();
    const res = await api(editor, 'POST', '/api/v1/liveblogs/desk-live/updates', {
      text: 'تحديث فاتني',
    });
    expect(res.status).toBe(201);
    const again = stream(`/newsroom/desk/events?lastEventId=${from}`, editor);
    await again.until(() => again.of('update.published').length === 1);
  });

  it('shows presence and who has which update open', async () => {
    const a = stream('/newsroom/liveblogs/desk-live/events', editor);
    const b = stream('/newsroom/liveblogs/desk-live/events', reporter);
    await a.until(() => a.of('ready').length === 1);
    await b.until(() => b.of('ready').length === 1);
    const people = (frame: Frame | undefined) =>
      (
        JSON.parse(frame?.data ?? '{"people":[]}') as {
          people: { userId: number; updateId: number | null }[];
        }
      ).people;
    await a.until(() => people(a.of('presence').at(-1)).some((p) => p.userId === reporter.userId));
    const conn = (JSON.parse(b.of('ready')[0]?.data ?? '{}') as { conn: string }).conn;
    const res = await api(reporter, 'POST', '/newsroom/desk/presence', {
      conn,
      liveblog: 'desk-live',
      updateId: 7,
    });
    expect(res.status).toBe(204);
    await a.until(() =>
      people(a.of('presence').at(-1)).some((p) => p.userId === reporter.userId && p.updateId === 7),
    );
    // Someone else cannot speak for that connection.
    await api(editor, 'POST', '/newsroom/desk/presence', {
      conn,
      liveblog: 'desk-live',
      updateId: 9,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      people(a.of('presence').at(-1)).some((p) => p.userId === reporter.userId && p.updateId === 9),
    ).toBe(false);
  });

  it('closes the stream at once when its session signs out', async () => {
    const person = await signIn(t.app, 'editor');
    const s = stream('/newsroom/desk/events', person);
    await s.until(() => s.of('ready').length === 1);
    const out = await fetch(`${base}/newsroom/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: person.cookie,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ _csrf: person.csrf }).toString(),
    });
    expect(out.status).toBe(303);
    await s.until(() => s.state.ended, 3_000);
    expect(s.of('signedout')).toHaveLength(1);
    // And it cannot be opened again with that cookie.
    const again = stream('/newsroom/desk/events', person);
    await again.done;
    expect(again.state.status).toBe(401);
  });

  it('closes the stream when the role changes', async () => {
    const person = await signIn(t.app, 'reporter');
    const s = stream('/newsroom/liveblogs/desk-live/events', person);
    await s.until(() => s.of('ready').length === 1);
    const operator = { kind: 'user' as const, id: null, name: 'operator', role: 'admin' as const };
    await t.app.services.accounts.changeRole(operator, person.userId, 'moderator');
    await s.until(() => s.state.ended, 3_000);
  });
});
