// The live desk over HTTP: the staff stream (site-wide and per live page), presence (which
// update a person has open), and the fragments the desk swaps in place when an event comes
// (the review queue and one update's row). Every answer here is for a signed-in session only.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { renderToString } from 'preact-render-to-string';
import { AppError } from '../platform/platform.errors.js';
import { can, type Action } from '../access/access.policy.js';
import type { SessionInfo } from '../access/access.accounts.js';
import type { LiveblogService } from '../liveblog/liveblog.service.js';
import type { UpdateService } from '../update/update.service.js';
import type { StaffHub, StaffViewer } from '../realtime/realtime.staff.hub.js';
import type { StaffPages } from './newsroom.pages.js';
import { SlugParams } from './newsroom.schema.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import { ReviewQueue } from './newsroom.review-queue.view.js';
import { UpdateRow } from './newsroom.update-row.view.js';
import { lm } from './newsroom.live.messages.js';

export interface LiveDeskRoutesOptions {
  readonly pages: StaffPages;
  readonly staff: Pick<StaffHub, 'join' | 'open'>;
  readonly liveblogs: Pick<LiveblogService, 'bySlug'>;
  readonly updates: Pick<UpdateService, 'desk'>;
}

const STREAM_HEAD = [
  'HTTP/1.1 200 OK',
  'Content-Type: text/event-stream; charset=utf-8',
  'Cache-Control: no-store, no-transform',
  'X-Accel-Buffering: no',
  'X-Content-Type-Options: nosniff',
  'Connection: close',
].join('\r\n');

const EventsQuery = Type.Object(
  { lastEventId: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })) },
  { additionalProperties: false },
);

/** The stream's gate: 401 without a session, 403 for a role without the action. */
function streamSession(request: FastifyRequest, action: Action): SessionInfo {
  const session = request.session;
  const bilingual = (key: 'streamNeedsSignIn' | 'streamForbidden') => ({
    ar: lm('ar')[key],
    en: lm('en')[key],
  });
  if (!session) throw new AppError(401, 'unauthorized', bilingual('streamNeedsSignIn'));
  if (session.mustSetUpTwoFactor || !can(session.actor, action))
    throw new AppError(403, 'forbidden', bilingual('streamForbidden'));
  return session;
}

function viewerOf(session: SessionInfo): StaffViewer {
  const { user } = session;
  return { sessionHash: session.idHash, userId: user.id, name: user.displayName, role: user.role };
}

function fromOf(request: FastifyRequest, query: number | undefined): number | undefined {
  if (query !== undefined) return query;
  const raw = request.headers['last-event-id'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

export const liveDeskRoutes: FastifyPluginAsyncTypebox<LiveDeskRoutesOptions> = (
  app,
  { pages, staff, liveblogs, updates },
) => {
  async function stream(
    request: FastifyRequest,
    reply: FastifyReply,
    session: SessionInfo,
    scope: number | null,
    from: number | undefined,
  ): Promise<FastifyReply> {
    reply.hijack();
    const socket = request.raw.socket;
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    socket.setTimeout(0);
    socket.write(`${STREAM_HEAD}\r\nX-Request-Id: ${request.id}\r\n\r\n`);
    try {
      await staff.join(viewerOf(session), scope, socket, from);
    } catch (error) {
      request.log.error({ err: error }, 'staff stream replay failed');
      socket.destroy();
    }
    return reply;
  }

  app.get(
    '/desk/events',
    { schema: { hide: true, querystring: EventsQuery } },
    async (request, reply) => {
      const session = streamSession(request, 'newsroom.enter');
      return stream(request, reply, session, null, fromOf(request, request.query.lastEventId));
    },
  );

  app.get(
    '/liveblogs/:slug/events',
    { schema: { hide: true, params: SlugParams, querystring: EventsQuery } },
    async (request, reply) => {
      const session = streamSession(request, 'draft.write');
      const liveblog = await liveblogs.bySlug(request.params.slug);
      const from = fromOf(request, request.query.lastEventId);
      return stream(request, reply, session, liveblog.id, from);
    },
  );

  app.post(
    '/desk/presence',
    {
      schema: {
        hide: true,
        body: Type.Object(
          {
            conn: Type.String({ minLength: 1, maxLength: 64 }),
            liveblog: Type.Union([Slug, Type.Null()]),
            updateId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const session = streamSession(request, 'newsroom.enter');
      const { conn, liveblog, updateId } = request.body;
      const page = liveblog === null ? null : (await liveblogs.bySlug(liveblog)).id;
      await staff.open(viewerOf(session), conn, page, updateId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/liveblogs/:slug/desk/parts',
    {
      schema: {
        hide: true,
        params: SlugParams,
        querystring: Type.Object(
          {
            update: Type.Optional(Type.Integer({ minimum: 1 })),
            lang: Type.Optional(Type.Enum(['ar', 'en'])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const session = streamSession(request, 'draft.write');
      const { liveblog, drafts, published } = await updates.desk(
        session.actor,
        request.params.slug,
      );
      const locale = pages.locale(request);
      const { actor } = session;
      const props = { locale, actor, liveblog };
      const queue = renderToString(<ReviewQueue {...props} drafts={drafts} />);
      const wanted = request.query.update;
      const rows = (
        wanted === undefined ? published : published.filter((u) => u.id === wanted)
      ).map((update) => ({
        id: update.id,
        html: renderToString(<UpdateRow {...props} update={update} />),
      }));
      return reply
        .type('application/json; charset=utf-8')
        .send({ queue, rows, all: wanted === undefined });
    },
  );

  return Promise.resolve();
};
