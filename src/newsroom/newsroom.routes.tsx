// The newsroom's pages. Forms post here and go through the same services as the JSON API;
// the composer and live controls call the API itself (session cookie + CSRF header).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ComponentChildren } from 'preact';
import { AppError } from '../platform/platform.errors.js';
import { logSecurityEvent } from '../platform/platform.security.js';
import { toAppError } from '../platform/platform.http.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import { UpdateParams } from '../update/update.schema.js';
import { blocksToText, type Block } from '../update/update.blocks.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import { can, isRole, type Action } from './newsroom.policy.js';
import { auditLog } from './newsroom.repository.js';
import { checkCsrf, clearSessionCookie, sessionCookie } from './newsroom.session.js';
import {
  AuditPage,
  ModerationPage,
  SiteSettingsPage,
  DashboardPage,
  DeskPage,
  HistoryPage,
  LoginPage,
  SetupPage,
  UsersPage,
  renderNewsroom,
} from './newsroom.view.js';
import { nm } from './newsroom.messages.js';
import { createSettingsService } from './newsroom.settings.js';
import { embedSnippet } from '../reader/reader.embed.js';
import { isDateStyle, type DateStyle } from '../lib/time.format.js';

const SESSION_MAX_AGE = 7 * 24 * 60 * 60;
const Html = Type.String({ description: 'An HTML page' });
const Form = Type.Record(Type.String(), Type.String({ maxLength: 25_000 }));
const LangQuery = Type.Object({ lang: Type.Optional(Type.Enum(['ar', 'en'])) });

function messageOf(error: unknown, locale: UiLocale): string {
  const known = toAppError(error);
  if (!known) throw error;
  const details = known.details?.map((d) => `${d.field} ${d.message}`).join('، ') ?? '';
  return `${known.messages[locale]}${details ? ` (${details})` : ''}`;
}

/** A DateStyle from the form fields, or undefined when they are not all there and valid. */
function dateStyleFrom(body: Record<string, string | undefined>): DateStyle | undefined {
  const candidate = {
    months: body.months,
    digits: body.digits,
    clock: body.clock,
    hijri: body.hijri === '1',
  };
  return isDateStyle(candidate) ? candidate : undefined;
}

export const newsroomRoutes: FastifyPluginAsyncTypebox = (app) => {
  const { accounts, liveblogs, updates } = app.services;
  const settings = createSettingsService({ db: app.database.db, clock: app.clock });
  const secure = app.config.publicUrl.startsWith('https://');

  // Forms are accepted here only; the JSON API keeps refusing them (415).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const before = fields[key];
        fields[key] =
          before === undefined
            ? value
            : Array.isArray(before)
              ? [...before, value]
              : [before, value];
      }
      done(null, fields);
    },
  );
  app.addHook('onRequest', app.identify);
  app.addHook('preHandler', (request, _reply, done) => {
    checkCsrf(request, request.session);
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    void reply.header('cache-control', 'no-store');
    const csp = reply.getHeader('content-security-policy');
    if (typeof csp === 'string')
      void reply.header(
        'content-security-policy',
        csp.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
      );
    done(null, payload);
  });

  /** Login and setup have no session yet: refuse cross-site posts by Fetch Metadata and Origin. */
  const origin = new URL(app.config.publicUrl).origin;
  function crossSite(request: FastifyRequest): boolean {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
    const from = request.headers.origin;
    const host = request.headers.host ?? '';
    return (
      from !== undefined &&
      from !== origin &&
      from !== `http://${host}` &&
      from !== `https://${host}`
    );
  }
  const crossSiteError = () =>
    new AppError(403, 'cross_site', {
      ar: 'لا يُقبل هذا النموذج من موقع آخر.',
      en: 'This form is not accepted from another site.',
    });

  function localeOf(request: FastifyRequest): UiLocale {
    const query = request.query as { lang?: string } | undefined;
    if (query?.lang === 'en' || query?.lang === 'ar') return query.lang;
    return request.session?.locale ?? 'ar';
  }

  function page(
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    body: ComponentChildren,
    status = 200,
    withScript = false,
    bodyData?: Record<string, string>,
  ) {
    const locale = localeOf(request);
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        renderNewsroom(
          {
            locale,
            title,
            siteName: app.config.siteName,
            assets: app.assets,
            nonce: request.cspNonce,
            ...(request.session && {
              actor: request.session.actor,
              csrfToken: request.session.csrfToken,
            }),
            withScript,
            ...(bodyData && { bodyData }),
          },
          body,
        ),
      );
  }

  /** Pages need a signed-in person with the right; anonymous visitors go to the login page. */
  function require(
    request: FastifyRequest,
    reply: FastifyReply,
    action: Action = 'newsroom.enter',
  ) {
    const session = request.session;
    if (!session) {
      void reply.redirect('/newsroom/login', 303);
      return undefined;
    }
    if (!can(session.actor, action))
      throw new AppError(403, 'forbidden', { ar: nm('ar').forbidden, en: nm('en').forbidden });
    return session;
  }

  app.get(
    '/login',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      if (await accounts.setupOpen()) return reply.redirect('/newsroom/setup', 303);
      if (request.session) return reply.redirect('/newsroom', 303);
      const locale = localeOf(request);
      return page(request, reply, nm(locale).login, <LoginPage locale={locale} />);
    },
  );

  app.post('/login', { schema: { hide: true, body: Form } }, async (request, reply) => {
    const body = request.body;
    const locale: UiLocale = body.locale === 'en' ? 'en' : 'ar';
    if (crossSite(request)) throw crossSiteError();
    try {
      const { sessionId } = await accounts.login({
        email: body.email ?? '',
        password: body.password ?? '',
        address: request.ip,
        locale,
      });
      return await reply
        .header('set-cookie', sessionCookie(sessionId, secure, SESSION_MAX_AGE))
        .redirect('/newsroom', 303);
    } catch (error) {
      const known = toAppError(error);
      if (!known) throw error;
      logSecurityEvent(request, known.status === 429 ? 'signin.throttled' : 'signin.failed', {
        account: (body.email ?? '').trim().toLowerCase(),
        reason: known.code,
      });
      for (const [name, value] of Object.entries(known.headers ?? {}))
        void reply.header(name, value);
      return page(
        request,
        reply,
        nm(locale).login,
        <LoginPage locale={locale} error={known.messages[locale]} email={body.email ?? ''} />,
        known.status,
      );
    }
  });

  app.get('/setup', { schema: { hide: true, response: { 200: Html } } }, async (request, reply) => {
    if (!(await accounts.setupOpen())) return reply.redirect('/newsroom/login', 303);
    return page(
      request,
      reply,
      nm(localeOf(request)).setupTitle,
      <SetupPage locale={localeOf(request)} />,
    );
  });

  app.post('/setup', { schema: { hide: true, body: Form } }, async (request, reply) => {
    const locale = localeOf(request);
    if (crossSite(request)) throw crossSiteError();
    try {
      await accounts.setupFirstAdmin({
        email: request.body.email ?? '',
        displayName: request.body.displayName ?? '',
        password: request.body.password ?? '',
      });
      const { sessionId } = await accounts.login({
        email: request.body.email ?? '',
        password: request.body.password ?? '',
        address: request.ip,
        locale,
      });
      return await reply
        .header('set-cookie', sessionCookie(sessionId, secure, SESSION_MAX_AGE))
        .redirect('/newsroom', 303);
    } catch (error) {
      const status = toAppError(error)?.status ?? 500;
      if (status === 403) return reply.redirect('/newsroom/login', 303);
      return page(
        request,
        reply,
        nm(locale).setupTitle,
        <SetupPage locale={locale} error={messageOf(error, locale)} />,
        status,
      );
    }
  });

  app.post('/logout', { schema: { hide: true } }, async (request, reply) => {
    if (request.session) await accounts.logout(request.session);
    clearSessionCookie(reply, secure);
    return reply.redirect('/newsroom/login', 303);
  });

  app.post('/locale', { schema: { hide: true, body: Form } }, async (request, reply) => {
    const session = require(request, reply);
    if (!session) return reply;
    await accounts.setLocale(session, request.body.locale === 'en' ? 'en' : 'ar');
    const back = request.headers.referer;
    const target =
      back && new URL(back, app.config.publicUrl).pathname.startsWith('/newsroom')
        ? new URL(back, app.config.publicUrl).pathname
        : '/newsroom';
    return reply.redirect(target, 303);
  });

  async function dashboard(
    request: FastifyRequest,
    reply: FastifyReply,
    error?: string,
    status = 200,
  ) {
    const session = require(request, reply);
    if (!session) return reply;
    const pages = await liveblogs.frontPage(200);
    const rows = pages.map((liveblog) => ({ liveblog, readers: app.hub.readersOf(liveblog.id) }));
    const locale = localeOf(request);
    return page(
      request,
      reply,
      nm(locale).dashboard,
      <DashboardPage
        locale={locale}
        actor={session.actor}
        rows={rows}
        csrfToken={session.csrfToken}
        {...(error !== undefined && { error })}
      />,
      status,
    );
  }

  app.get('/', { schema: { hide: true, response: { 200: Html } } }, (request, reply) =>
    dashboard(request, reply),
  );

  app.post('/liveblogs', { schema: { hide: true, body: Form } }, async (request, reply) => {
    const session = require(request, reply);
    if (!session) return reply;
    try {
      const { liveblog } = await liveblogs.create(session.actor, {
        slug: (request.body.slug ?? '').trim(),
        headline: request.body.headline ?? '',
        standfirst: request.body.standfirst ?? '',
        timeZone: request.body.timeZone ?? 'UTC',
        locale: request.body.locale === 'en' ? 'en' : 'ar',
      });
      return await reply.redirect(`/newsroom/liveblogs/${liveblog.slug}`, 303);
    } catch (error) {
      const known = toAppError(error);
      if (!known || known.status === 403) throw error;
      return dashboard(request, reply, messageOf(error, localeOf(request)), known.status);
    }
  });

  const SlugParams = Type.Object({ slug: Slug });

  app.get(
    '/liveblogs/:slug',
    { schema: { hide: true, params: SlugParams, response: { 200: Html } } },
    async (request, reply) => {
      const session = require(request, reply);
      if (!session) return reply;
      const { liveblog, explainer } = await liveblogs.get(request.params.slug);
      const drafts = await updates.drafts(session.actor, liveblog.slug);
      const published = (await updates.list(liveblog.slug, undefined, 50)).updates;
      const locale = localeOf(request);
      return page(
        request,
        reply,
        liveblog.headline,
        <DeskPage
          locale={locale}
          actor={session.actor}
          csrfToken={session.csrfToken}
          model={{
            liveblog,
            explainer,
            drafts: drafts.updates,
            published,
            widget: embedSnippet(app.config.publicUrl, liveblog.slug, liveblog.headline),
          }}
        />,
        200,
        true,
        { liveblog: liveblog.slug, 'user-id': String(session.user.id) },
      );
    },
  );

  app.post(
    '/liveblogs/:slug/settings',
    { schema: { hide: true, params: SlugParams, body: Form } },
    async (request, reply) => {
      const session = require(request, reply);
      if (!session) return reply;
      const status = request.body.status;
      const dateStyle = request.body.months === 'site' ? null : dateStyleFrom(request.body);
      const commentMode = request.body.commentMode;
      await liveblogs.change(session.actor, request.params.slug, {
        ...(dateStyle !== undefined && { dateStyle }),
        ...((commentMode === 'pre' || commentMode === 'post') && { commentMode }),
        headline: request.body.headline ?? '',
        standfirst: request.body.standfirst ?? '',
        ...(status === 'scheduled' ||
        status === 'live' ||
        status === 'ended' ||
        status === 'archived'
          ? { status }
          : {}),
        ...(request.body.timeZone ? { timeZone: request.body.timeZone } : {}),
      });
      return reply.redirect(`/newsroom/liveblogs/${request.params.slug}`, 303);
    },
  );

  app.post(
    '/liveblogs/:slug/explainer',
    { schema: { hide: true, params: SlugParams, body: Form } },
    async (request, reply) => {
      const session = require(request, reply);
      if (!session) return reply;
      const sections: { order: number; title: string; text: string; photoId: string }[] = [];
      for (let i = 0; i < 21; i++) {
        const title = (request.body[`title${i}`] ?? '').trim();
        const text = (request.body[`text${i}`] ?? '').trim();
        if (title === '' && text === '') continue;
        const photoId = request.body[`photo${i}`] ?? '';
        sections.push({
          order: Number(request.body[`order${i}`] ?? i + 1) || i + 1,
          title,
          text,
          photoId,
        });
      }
      sections.sort((a, b) => a.order - b.order);
      await liveblogs.replaceExplainer(session.actor, request.params.slug, {
        sections: sections.map(({ title, text, photoId }) => ({
          title,
          text,
          ...(/^[a-f0-9]{20}$/.test(photoId) && { photoId }),
        })),
      });
      return reply.redirect(`/newsroom/liveblogs/${request.params.slug}`, 303);
    },
  );

  app.get(
    '/liveblogs/:slug/updates/:id/history',
    { schema: { hide: true, params: UpdateParams, response: { 200: Html } } },
    async (request, reply) => {
      const session = require(request, reply, 'update.edit');
      if (!session) return reply;
      const { liveblog, revisions } = await updates.revisions(
        session.actor,
        request.params.slug,
        request.params.id,
      );
      const locale = localeOf(request);
      return page(
        request,
        reply,
        nm(locale).history,
        <HistoryPage
          locale={locale}
          liveblog={liveblog}
          revisions={revisions.map((r) => ({
            revision: r.revision,
            action: r.action,
            editorName: r.editorName,
            createdAt: r.createdAt,
            headline: r.headline,
            text: blocksToText(JSON.parse(r.body) as Block[]),
            note: r.note,
          }))}
        />,
      );
    },
  );

  async function usersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    error?: string,
    status = 200,
  ) {
    const session = require(request, reply, 'user.manage');
    if (!session) return reply;
    const users = await accounts.listUsers(session.actor);
    const locale = localeOf(request);
    return page(
      request,
      reply,
      nm(locale).users,
      <UsersPage
        locale={locale}
        users={users}
        csrfToken={session.csrfToken}
        {...(error !== undefined && { error })}
      />,
      status,
    );
  }

  app.get('/users', { schema: { hide: true, response: { 200: Html } } }, (request, reply) =>
    usersPage(request, reply),
  );

  app.post('/users', { schema: { hide: true, body: Form } }, async (request, reply) => {
    const session = require(request, reply, 'user.manage');
    if (!session) return reply;
    const role = request.body.role ?? '';
    try {
      await accounts.createUser(session.actor, {
        email: request.body.email ?? '',
        displayName: request.body.displayName ?? '',
        password: request.body.password ?? '',
        role: isRole(role) ? role : 'reporter',
      });
      return await reply.redirect('/newsroom/users', 303);
    } catch (error) {
      const known = toAppError(error);
      if (!known || known.status === 403) throw error;
      return usersPage(request, reply, messageOf(error, localeOf(request)), known.status);
    }
  });

  app.post(
    '/users/:id/role',
    {
      schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: Form },
    },
    async (request, reply) => {
      const session = require(request, reply, 'user.manage');
      if (!session) return reply;
      const role = request.body.role ?? '';
      if (!isRole(role)) return usersPage(request, reply, 'role?', 400);
      await accounts.changeRole(session.actor, request.params.id, role);
      return reply.redirect('/newsroom/users', 303);
    },
  );

  app.get('/audit', { schema: { hide: true, response: { 200: Html } } }, async (request, reply) => {
    const session = require(request, reply, 'audit.read');
    if (!session) return reply;
    const rows = await auditLog(app.database.db, 300);
    const locale = localeOf(request);
    return page(request, reply, nm(locale).audit, <AuditPage locale={locale} rows={rows} />);
  });

  // ---- Site settings ----
  app.get(
    '/settings',
    { schema: { hide: true, response: { 200: Html } } },
    async (request, reply) => {
      const session = require(request, reply, 'user.manage');
      if (!session) return reply;
      const locale = localeOf(request);
      const style = await settings.dateStyle();
      return page(
        request,
        reply,
        nm(locale).siteSettings,
        <SiteSettingsPage locale={locale} style={style} csrfToken={session.csrfToken} />,
      );
    },
  );

  app.post('/settings', { schema: { hide: true, body: Form } }, async (request, reply) => {
    const session = require(request, reply, 'user.manage');
    if (!session) return reply;
    const style = dateStyleFrom(request.body);
    if (style) await settings.setDateStyle(session.actor, style);
    return reply.redirect('/newsroom/settings', 303);
  });

  // ---- Comment moderation ----
  const Moderation = Type.Object(
    {
      _csrf: Type.Optional(Type.String()),
      ids: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 500 })])),
      action: Type.Optional(Type.Enum(['approve', 'reject', 'spam'])),
      block: Type.Optional(Type.String({ maxLength: 12 })),
    },
    { additionalProperties: false },
  );

  app.get(
    '/comments',
    { schema: { hide: true, response: { 200: Html } } },
    async (request, reply) => {
      const session = require(request, reply, 'comment.moderate');
      if (!session) return reply;
      const [queue, approved, words] = await Promise.all([
        app.services.comments.queue(session.actor),
        app.services.comments.recentlyApproved(session.actor),
        app.services.comments.words(session.actor),
      ]);
      const locale = localeOf(request);
      return page(
        request,
        reply,
        nm(locale).moderation,
        <ModerationPage
          locale={locale}
          queue={queue}
          approved={approved}
          words={words}
          csrfToken={session.csrfToken}
        />,
      );
    },
  );

  app.post(
    '/comments/moderate',
    { schema: { hide: true, body: Moderation } },
    async (request, reply) => {
      const session = require(request, reply, 'comment.moderate');
      if (!session) return reply;
      if (request.body.block) {
        await app.services.comments.blockAuthor(session.actor, Number(request.body.block));
      } else if (request.body.action) {
        const raw = request.body.ids ?? [];
        const ids = (Array.isArray(raw) ? raw : [raw])
          .map(Number)
          .filter((id) => Number.isSafeInteger(id) && id > 0);
        await app.services.comments.moderate(session.actor, ids, request.body.action);
      }
      return reply.redirect('/newsroom/comments', 303);
    },
  );

  app.post('/comments/words', { schema: { hide: true, body: Form } }, async (request, reply) => {
    const session = require(request, reply, 'comment.moderate');
    if (!session) return reply;
    if (request.body.add) await app.services.comments.addWord(session.actor, request.body.add);
    if (request.body.remove)
      await app.services.comments.removeWord(session.actor, request.body.remove);
    return reply.redirect('/newsroom/comments', 303);
  });

  return Promise.resolve();
};
