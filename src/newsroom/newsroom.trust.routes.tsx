// The desk's trust forms: «what we know so far», an update's verification state, a correction.
// Each calls one service method and returns to the desk.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { SummaryService } from '../liveblog/liveblog.summary.js';
import type { UpdateService } from '../update/update.service.js';
import { UpdateParams } from '../update/update.schema.js';
import { VERIFICATION_STATES } from '../update/update.types.js';
import type { StaffPages } from './newsroom.pages.js';
import { SlugParams } from './newsroom.schema.js';

const Field = Type.Optional(Type.String({ maxLength: 25_000 }));
const SummaryForm = Type.Object({ _csrf: Field, text: Field }, { additionalProperties: false });
const VerificationForm = Type.Object(
  { _csrf: Field, verification: Type.Enum([...VERIFICATION_STATES]), note: Field },
  { additionalProperties: false },
);
const CorrectionForm = Type.Object(
  { _csrf: Field, text: Type.String({ maxLength: 25_000 }), note: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);

export interface TrustRoutesOptions {
  readonly pages: StaffPages;
  readonly summaries: Pick<SummaryService, 'set'>;
  readonly updates: Pick<UpdateService, 'edit'>;
}

export const trustRoutes: FastifyPluginAsyncTypebox<TrustRoutesOptions> = (
  app,
  { pages, summaries, updates },
) => {
  const desk = (slug: string, anchor: string) => `/newsroom/liveblogs/${slug}#${anchor}`;

  app.post(
    '/liveblogs/:slug/summary',
    { schema: { hide: true, params: SlugParams, body: SummaryForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'liveblog.edit');
      if (!session) return reply;
      await summaries.set(session.actor, request.params.slug, request.body.text ?? '');
      return reply.redirect(desk(request.params.slug, 'summary-form'), 303);
    },
  );

  app.post(
    '/liveblogs/:slug/updates/:id/verification',
    { schema: { hide: true, params: UpdateParams, body: VerificationForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'update.edit');
      if (!session) return reply;
      const { slug, id } = request.params;
      const { verification, note } = request.body;
      await updates.edit(session.actor, slug, id, {
        verification,
        ...(note !== undefined && { verificationNote: note }),
      });
      return reply.redirect(desk(slug, 'trust-title'), 303);
    },
  );

  app.post(
    '/liveblogs/:slug/updates/:id/correction',
    { schema: { hide: true, params: UpdateParams, body: CorrectionForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'update.edit');
      if (!session) return reply;
      const { slug, id } = request.params;
      const { text, note } = request.body;
      await updates.edit(session.actor, slug, id, { text, correction: { note } });
      return reply.redirect(desk(slug, 'trust-title'), 303);
    },
  );

  return Promise.resolve();
};
