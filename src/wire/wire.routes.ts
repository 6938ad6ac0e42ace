// JSON API v1 of the wire desk: agency items in (XML or JSON), the inbox, drafts from an item,
// and the ninjs 2.0 export of published updates and live pages. Thin: validate, call the
// service, return the presenter's output.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../platform/platform.schema.js';
import { IdempotencyKeyHeaders, idempotentResponses } from '../access/access.idempotency.js';
import { SlugParams } from '../liveblog/liveblog.schema.js';
import { UpdateParams } from '../update/update.schema.js';
import { presentUpdate } from '../update/update.presenter.js';
import type { WireService } from './wire.service.js';
import { presentWireEntry } from './wire.presenter.js';
import { liveblogAsNinjs, updateAsNinjs } from './wire.export.js';
import {
  NinjsOut,
  NinjsQuery,
  WireDraftBody,
  WireDraftOut,
  WireIngestBody,
  WireIngestOut,
  WireItemOut,
  WireListOut,
  WireListQuery,
  WireParams,
} from './wire.schema.js';

export interface WireRoutesOptions {
  readonly wire: WireService;
  readonly publicUrl: string;
}

/** The XML media types an agency item may arrive as (NewsML-G2 registers its own). */
const XML_TYPES = [
  'application/xml',
  'text/xml',
  'application/vnd.iptc.g2.newsitem+xml',
  'application/vnd.iptc.g2.newsmessage+xml',
];

const wireResponses = { ...errorResponses, 422: Type.Ref('ErrorOut') };

/** Register inside the `/api/v1` context. */
export const wireRoutes: FastifyPluginAsyncTypebox<WireRoutesOptions> = (
  app,
  { wire, publicUrl },
) => {
  const tags = ['wire'];
  const security = [{ bearer: [] }];
  // XML is read here only, as text; the rest of the API still refuses it (415).
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });

  app.post(
    '/wire',
    {
      schema: {
        tags,
        security,
        summary: 'Agency items in: a NewsML-G2 newsItem or newsMessage, or ninjs 2.0 JSON',
        description:
          'Send XML (`application/xml`) or ninjs (`application/json`, one object or an array). ' +
          'Items are kept by id (`guid`, `uri`): a newer version replaces the one kept, an older ' +
          'one is answered `kept` and changes nothing. 201 when an item was new, else 200.',
        body: WireIngestBody,
        response: { 200: WireIngestOut, 201: WireIngestOut, ...wireResponses },
      },
    },
    async (request, reply) => {
      const json = typeof request.body !== 'string';
      const text = json ? JSON.stringify(request.body) : (request.body as string);
      const results = await wire.ingest(request.actor, json ? 'ninjs' : 'newsml', text);
      const added = results.some((result) => result.outcome === 'added');
      return reply.code(added ? 201 : 200).send({
        results: results.map((r) => ({ outcome: r.outcome, item: presentWireEntry(r.entry) })),
      });
    },
  );

  app.get(
    '/wire',
    {
      schema: {
        tags,
        security,
        summary: 'The wire inbox, newest version first: one entry per item id',
        querystring: WireListQuery,
        response: { 200: WireListOut, ...errorResponses },
      },
    },
    async (request) => {
      const entries = await wire.inbox(request.actor, request.query);
      return { items: entries.map(presentWireEntry) };
    },
  );

  app.get(
    '/wire/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One wire item',
        params: WireParams,
        response: { 200: WireItemOut, ...errorResponses },
      },
    },
    async (request) => presentWireEntry(await wire.item(request.actor, request.params.id)),
  );

  app.post(
    '/wire/:id/drafts',
    {
      schema: {
        tags,
        security,
        summary: 'Turn a wire item into a draft update on a live page, the agency as its source',
        description:
          'The draft keeps the item’s embargo: publishing or scheduling it before then is 409 `embargoed`.',
        params: WireParams,
        headers: IdempotencyKeyHeaders,
        body: WireDraftBody,
        response: { 201: WireDraftOut, ...errorResponses, ...idempotentResponses },
      },
    },
    async (request, reply) => {
      const { update, liveblog, entry } = await wire.draftFrom(
        request.actor,
        request.params.id,
        request.body.liveblog,
      );
      return reply.code(201).send({
        draft: presentUpdate(update, liveblog, publicUrl),
        item: presentWireEntry(entry),
      });
    },
  );

  app.get(
    '/liveblogs/:slug/updates/:id/ninjs',
    {
      schema: {
        tags,
        summary: 'One published update as a ninjs 2.0 object',
        params: UpdateParams,
        response: { 200: NinjsOut, ...errorResponses },
      },
    },
    async (request) => {
      const { update, liveblog } = await wire.publishedUpdate(
        request.params.slug,
        request.params.id,
      );
      return updateAsNinjs(update, liveblog, publicUrl);
    },
  );

  app.get(
    '/liveblogs/:slug/ninjs',
    {
      schema: {
        tags,
        summary: 'A live page as a ninjs 2.0 object, its newest updates as associations',
        params: SlugParams,
        querystring: NinjsQuery,
        response: { 200: NinjsOut, ...errorResponses },
      },
    },
    async (request) => {
      const { liveblog, updates } = await wire.publishedPage(
        request.params.slug,
        request.query.limit ?? 50,
      );
      return liveblogAsNinjs(liveblog, updates, publicUrl);
    },
  );

  return Promise.resolve();
};
