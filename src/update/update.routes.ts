// JSON API v1 for updates. Thin: validate (schemas), call the service, return the presenter.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../platform/platform.schema.js';
import { IdempotencyKeyHeaders, idempotentResponses } from '../access/access.idempotency.js';
import { SlugParams } from '../liveblog/liveblog.schema.js';
import { Type as T } from 'typebox';
import {
  DraftBody,
  PreviewBody,
  PublishDraftBody,
  ReturnDraftBody,
  RevisionOut,
  CreateUpdateBody,
  IfMatchHeaders,
  ListUpdatesQuery,
  PatchUpdateBody,
  preconditionResponses,
  UpdateListOut,
  UpdateOut,
  UpdateParams,
} from './update.schema.js';
import { presentRevisions, presentUpdate } from './update.presenter.js';
import { versionTag } from './update.version.js';
import type { UpdateService } from './update.service.js';

export interface UpdateRoutesOptions {
  readonly updates: UpdateService;
  /** The address readers use, for the absolute `url` of each update. */
  readonly publicUrl: string;
}

/** Register inside the `/api/v1` context. */
export const updateRoutes: FastifyPluginAsyncTypebox<UpdateRoutesOptions> = (
  app,
  { updates, publicUrl },
) => {
  const tags = ['updates'];
  const security = [{ bearer: [] }];

  app.post(
    '/liveblogs/:slug/updates',
    {
      schema: {
        tags,
        security,
        summary: 'Publish an update',
        description:
          'Send `text` (plain text: blank lines split paragraphs, URLs become links) or `blocks`.',
        params: SlugParams,
        headers: IdempotencyKeyHeaders,
        body: CreateUpdateBody,
        response: { 201: UpdateOut, ...errorResponses, ...idempotentResponses },
      },
    },
    async (request, reply) => {
      const { update, liveblog } = await updates.publish(
        request.actor,
        request.params.slug,
        request.body,
      );
      return reply
        .code(201)
        .header('location', `/api/v1/liveblogs/${liveblog.slug}/updates/${update.id}`)
        .send(presentUpdate(update, liveblog, publicUrl));
    },
  );

  app.get(
    '/liveblogs/:slug/updates',
    {
      schema: {
        tags,
        summary: 'Published updates, newest first (`verification` keeps one state)',
        params: SlugParams,
        querystring: ListUpdatesQuery,
        response: { 200: UpdateListOut, ...errorResponses },
      },
    },
    async (request) => {
      const result = await updates.list(
        request.params.slug,
        request.query.before,
        request.query.limit ?? 20,
        request.query.verification,
      );
      return {
        updates: result.updates.map((update) => presentUpdate(update, result.liveblog, publicUrl)),
        nextBefore: result.nextBefore,
      };
    },
  );

  app.get(
    '/liveblogs/:slug/updates/:id',
    {
      schema: {
        tags,
        summary: 'One published update',
        description: 'The `ETag` header names this version; send it back as `If-Match` to edit.',
        params: UpdateParams,
        response: { 200: UpdateOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { update, liveblog } = await updates.get(request.params.slug, request.params.id);
      return reply
        .header('etag', versionTag(update))
        .send(presentUpdate(update, liveblog, publicUrl));
    },
  );

  app.patch(
    '/liveblogs/:slug/updates/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit an update (readers see «تم التحديث»), pin or unpin it, flag it, verify it',
        description:
          'With `If-Match`, only if the update is still at that version (else 412); the answer ' +
          'carries the new `ETag`. `verification` (with `verificationNote`, required to retract) ' +
          'sets the state readers see; `correction: {note}` with a change of text records a ' +
          'public correction.',
        params: UpdateParams,
        headers: IfMatchHeaders,
        body: PatchUpdateBody,
        response: { 200: UpdateOut, ...errorResponses, ...preconditionResponses },
      },
    },
    async (request, reply) => {
      const { update, liveblog } = await updates.edit(
        request.actor,
        request.params.slug,
        request.params.id,
        request.body,
        request.headers['if-match'],
      );
      return reply
        .header('etag', versionTag(update))
        .send(presentUpdate(update, liveblog, publicUrl));
    },
  );

  app.delete(
    '/liveblogs/:slug/updates/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an update; open pages remove it at once',
        description: 'With `If-Match`, only if the update is still at that version (else 412).',
        params: UpdateParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errorResponses, ...preconditionResponses },
      },
    },
    async (request, reply) => {
      await updates.remove(
        request.actor,
        request.params.slug,
        request.params.id,
        request.headers['if-match'],
      );
      return reply.code(204).send(null);
    },
  );

  // ---- The newsroom's workflow: drafts, submission, review, revisions, preview ----

  const draftTags = ['drafts'];
  const present = (result: {
    update: Parameters<typeof presentUpdate>[0];
    liveblog: Parameters<typeof presentUpdate>[1];
  }) => presentUpdate(result.update, result.liveblog, publicUrl);

  app.get(
    '/liveblogs/:slug/drafts',
    {
      schema: {
        tags: draftTags,
        security,
        summary:
          'Drafts: reporters see their own; editors also the submitted queue and scheduled updates',
        params: SlugParams,
        response: { 200: T.Object({ drafts: T.Array(UpdateOut) }), ...errorResponses },
      },
    },
    async (request) => {
      const result = await updates.drafts(request.actor, request.params.slug);
      return {
        drafts: result.updates.map((update) => presentUpdate(update, result.liveblog, publicUrl)),
      };
    },
  );

  app.post(
    '/liveblogs/:slug/drafts',
    {
      schema: {
        tags: draftTags,
        security,
        summary: 'Start a draft',
        params: SlugParams,
        headers: IdempotencyKeyHeaders,
        body: DraftBody,
        response: { 201: UpdateOut, ...errorResponses, ...idempotentResponses },
      },
    },
    async (request, reply) => {
      const result = await updates.createDraft(request.actor, request.params.slug, request.body);
      return reply.code(201).send(present(result));
    },
  );

  app.put(
    '/liveblogs/:slug/drafts/:id',
    {
      schema: {
        tags: draftTags,
        security,
        summary: 'Save a draft (autosave)',
        params: UpdateParams,
        body: DraftBody,
        response: { 200: UpdateOut, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await updates.saveDraft(
          request.actor,
          request.params.slug,
          request.params.id,
          request.body,
        ),
      ),
  );

  app.delete(
    '/liveblogs/:slug/drafts/:id',
    {
      schema: {
        tags: draftTags,
        security,
        summary: 'Discard a draft',
        params: UpdateParams,
        response: { 204: T.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await updates.deleteDraft(request.actor, request.params.slug, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/liveblogs/:slug/drafts/:id/submit',
    {
      schema: {
        tags: draftTags,
        security,
        summary: 'Submit a draft for review',
        params: UpdateParams,
        headers: IdempotencyKeyHeaders,
        response: { 200: UpdateOut, ...errorResponses, ...idempotentResponses },
      },
    },
    async (request) =>
      present(await updates.submitDraft(request.actor, request.params.slug, request.params.id)),
  );

  app.post(
    '/liveblogs/:slug/drafts/:id/return',
    {
      schema: {
        tags: draftTags,
        security,
        summary: 'Return a submitted draft to its reporter with a note',
        params: UpdateParams,
        body: ReturnDraftBody,
        response: { 200: UpdateOut, ...errorResponses },
      },
    },
    async (request) =>
      present(
        await updates.returnDraft(
          request.actor,
          request.params.slug,
          request.params.id,
          request.body.note,
        ),
      ),
  );

  app.post(
    '/liveblogs/:slug/drafts/:id/publish',
    {
      schema: {
        tags: draftTags,
        security,
        summary: 'Publish a draft now, or schedule it with publishAt',
        params: UpdateParams,
        headers: IdempotencyKeyHeaders,
        body: T.Optional(PublishDraftBody),
        response: { 200: UpdateOut, ...errorResponses, ...idempotentResponses },
      },
    },
    async (request) =>
      present(
        await updates.publishDraft(
          request.actor,
          request.params.slug,
          request.params.id,
          (request.body as { publishAt?: string } | undefined)?.publishAt,
        ),
      ),
  );

  app.get(
    '/liveblogs/:slug/updates/:id/revisions',
    {
      schema: {
        tags,
        security,
        summary: 'Revision history: who changed what',
        params: UpdateParams,
        response: { 200: T.Object({ revisions: T.Array(RevisionOut) }), ...errorResponses },
      },
    },
    async (request) => {
      const { revisions } = await updates.revisions(
        request.actor,
        request.params.slug,
        request.params.id,
      );
      return { revisions: presentRevisions(revisions) };
    },
  );

  app.post(
    '/liveblogs/:slug/preview',
    {
      schema: {
        tags: draftTags,
        security,
        summary: 'The HTML readers would see for this update, from the same renderer',
        params: SlugParams,
        body: PreviewBody,
        response: { 200: T.Object({ html: T.String() }), ...errorResponses },
      },
    },
    async (request) => ({
      html: await updates.preview(request.actor, request.params.slug, request.body),
    }),
  );

  return Promise.resolve();
};
