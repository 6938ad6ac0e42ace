// Live delivery over HTTP: the SSE stream of a live page, and the polling fallback.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors } from '../platform/platform.errors.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { Hub } from './realtime.hub.js';
import type { RealtimeService } from './realtime.service.js';
import { presentPoll } from './realtime.presenter.js';

const STREAM_HEAD = Buffer.from(
  [
    'HTTP/1.1 200 OK',
    'Content-Type: text/event-stream; charset=utf-8',
    'Cache-Control: no-cache, no-transform',
    'X-Accel-Buffering: no',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
  ].join('\r\n'),
);

const Seq = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

function lastEventIdOf(
  header: string | string[] | undefined,
  query: number | undefined,
): number | undefined {
  if (query !== undefined) return query;
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

export interface RealtimeRoutesOptions {
  readonly live: RealtimeService;
  /** This process's hub: admission per address, and the stream itself (replay, then live). */
  readonly hub: Pick<Hub, 'admits' | 'join' | 'maxReplay'>;
  /** How long a poller waits between polls (ms). */
  readonly pollIntervalMs: number;
}

export const realtimeRoutes: FastifyPluginAsyncTypebox<RealtimeRoutesOptions> = (
  app,
  { live, hub, pollIntervalMs },
) => {
  app.get(
    '/live/:slug/events',
    {
      schema: {
        tags: ['live delivery'],
        summary: 'Server-Sent Events of a live page',
        description:
          'Events: update.published, update.edited, update.deleted, update.pinned, update.unpinned, liveblog.updated, liveblog.summary; ' +
          'each id is the page sequence number. Resume with the Last-Event-ID header or ?lastEventId=. ' +
          'A `reset` event means the reader was too far behind and should reload the first page.',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object(
          { lastEventId: Type.Optional(Seq) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const liveblog = await live.page(request.params.slug);
      if (!hub.admits(request.ip)) throw errors.tooManyRequests(30);
      const from =
        lastEventIdOf(request.headers['last-event-id'], request.query.lastEventId) ??
        liveblog.lastSeq;
      reply.hijack();
      // The head is written by hand and the body is delimited by the connection's end (no
      // chunked framing), so every event is one plain socket write of bytes shared by all readers.
      const socket = request.raw.socket;
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      socket.setTimeout(0);
      // The request id is made safe for a header by platform.requests.
      socket.write(
        Buffer.concat([STREAM_HEAD, Buffer.from(`X-Request-Id: ${request.id}\r\n\r\n`)]),
      );
      try {
        await hub.join(liveblog.id, liveblog.lastSeq, socket, request.ip, from);
      } catch (error) {
        // The replay failed (database away): cut the stream; the reader resumes from its last id.
        request.log.error({ err: error }, 'stream replay failed');
        socket.destroy();
      }
      return reply;
    },
  );

  app.get(
    '/live/:slug/updates.json',
    {
      schema: {
        tags: ['live delivery'],
        summary: 'Polling fallback: the events after a sequence number',
        params: Type.Object({ slug: Slug }),
        querystring: Type.Object({ after: Seq }, { additionalProperties: false }),
        response: {
          304: Type.Null(),
          200: Type.Object({
            lastEventId: Type.Integer(),
            pollInterval: Type.Integer({
              description: 'Milliseconds the client should wait before polling again',
            }),
            reset: Type.Boolean(),
            events: Type.Array(
              Type.Object({ id: Type.Integer(), type: Type.String(), data: Type.Unknown() }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const poll = await live.poll(request.params.slug, {
        after: request.query.after,
        maxReplay: hub.maxReplay,
        etag: request.headers['if-none-match'],
      });
      void reply
        .header('etag', poll.etag)
        .header(
          'cache-control',
          `public, max-age=${Math.max(1, Math.floor(pollIntervalMs / 2000))}`,
        )
        .header('vary', 'accept-encoding');
      if (poll.unchanged) return reply.code(304).send(null);
      const body = presentPoll({ ...poll, pollInterval: pollIntervalMs });
      return (
        reply
          .type('application/json; charset=utf-8')
          .serializer((payload) => payload as string)
          // The schema documents the shape; the body is already serialised JSON text.
          .send(body as never)
      );
    },
  );

  return Promise.resolve();
};
