// Comment moderation: the desk, verdicts in bulk, blocking an author, the word list.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { renderToString } from 'preact-render-to-string';
import type { CommentService } from '../comment/comment.service.js';
import type { StaffPages } from './newsroom.pages.js';
import { Html, LangQuery, ModerationForm, WordsForm } from './newsroom.schema.js';
import { nm } from './newsroom.messages.js';
import { HeldRow, ModerationPage } from './newsroom.comments.view.js';

export interface CommentsRoutesOptions {
  readonly pages: StaffPages;
  readonly comments: Pick<
    CommentService,
    'moderationDesk' | 'moderate' | 'blockAuthor' | 'addWord' | 'removeWord' | 'moderationRows'
  >;
}

/** The checked comment ids; anything that is not a positive whole number is dropped. */
function idsOf(raw: string | string[] | undefined): number[] {
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}

export const commentsRoutes: FastifyPluginAsyncTypebox<CommentsRoutesOptions> = (
  app,
  { pages, comments },
) => {
  app.get(
    '/comments',
    { schema: { hide: true, querystring: LangQuery, response: { 200: Html } } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'comment.moderate');
      if (!session) return reply;
      const desk = await comments.moderationDesk(session.actor);
      const locale = pages.locale(request);
      const page = <ModerationPage locale={locale} {...desk} csrfToken={session.csrfToken} />;
      return pages.render(request, reply, nm(locale).moderation, page, { withScript: true });
    },
  );

  // The keyboard desk's verdicts (sent once its few seconds to undo have passed).
  app.post(
    '/comments/verdicts',
    {
      schema: {
        hide: true,
        body: Type.Object(
          {
            ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 500 }),
            action: Type.Enum(['approve', 'reject', 'spam', 'block']),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'comment.moderate');
      if (!session) return reply;
      const { ids, action } = request.body;
      let done = 0;
      if (action === 'block')
        for (const id of ids) done += await comments.blockAuthor(session.actor, id);
      else done = await comments.moderate(session.actor, ids, action);
      return reply.send({ done });
    },
  );

  // Rows of the held queue, drawn by the page's own view, for the live queue.
  app.get(
    '/comments/rows',
    {
      schema: {
        hide: true,
        querystring: Type.Object(
          {
            ids: Type.String({ pattern: '^\\d{1,12}(,\\d{1,12}){0,199}$' }),
            lang: Type.Optional(Type.Enum(['ar', 'en'])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'comment.moderate');
      if (!session) return reply;
      const rows = await comments.moderationRows(
        session.actor,
        idsOf(request.query.ids.split(',')),
      );
      const locale = pages.locale(request);
      return reply.send({
        rows: rows
          .filter((row) => row.status === 'pending')
          .map((row) => ({
            id: row.id,
            html: renderToString(<HeldRow locale={locale} comment={row} />),
          })),
      });
    },
  );

  app.post(
    '/comments/moderate',
    { schema: { hide: true, body: ModerationForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'comment.moderate');
      if (!session) return reply;
      const { block, action, ids } = request.body;
      if (block) await comments.blockAuthor(session.actor, Number(block));
      else if (action) await comments.moderate(session.actor, idsOf(ids), action);
      return reply.redirect('/newsroom/comments', 303);
    },
  );

  app.post(
    '/comments/words',
    { schema: { hide: true, body: WordsForm } },
    async (request, reply) => {
      const session = pages.signedIn(request, reply, 'comment.moderate');
      if (!session) return reply;
      // Each word form sends one of the two.
      const { add, remove } = request.body;
      if (add) await comments.addWord(session.actor, add);
      if (remove) await comments.removeWord(session.actor, remove);
      return reply.redirect('/newsroom/comments', 303);
    },
  );

  return Promise.resolve();
};
