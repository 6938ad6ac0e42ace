// A reader's comment, sent from the form under a live page. The rules (limits, moderation,
// the form token) are in the comment service (comment.post.ts); this answers with a redirect back to the page, or
// with the page itself carrying the refusal under the form.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import { isSameOrigin } from '../access/access.session.js';
import { cookieValue } from '../platform/platform.consent.js';
import { toAppError } from '../platform/platform.http.js';
import { AppError } from '../platform/platform.errors.js';
import { Slug } from '../liveblog/liveblog.schema.js';
import type { CommentService } from '../comment/comment.service.js';
import { CommentsSection } from '../comment/comment.view.js';
import type { ReaderService } from './reader.service.js';
import type { ReaderPages } from './reader.pages.js';

const COMMENTER_COOKIE = 'ajil_cid';

export interface CommentFormRoutesOptions {
  readonly pages: ReaderPages;
  readonly reader: Pick<ReaderService, 'livePageWithComments'>;
  readonly comments: Pick<CommentService, 'post' | 'formToken'>;
  /** This site's origin: a form from anywhere else is refused. */
  readonly origin: string;
  /** Whether cookies are marked Secure (the site is served over https). */
  readonly secure: boolean;
}

export const commentFormRoutes: FastifyPluginAsyncTypebox<CommentFormRoutesOptions> = (
  app,
  { pages, reader, comments, origin, secure },
) => {
  /** The first page again, with the reason under the form, and the error's status. */
  async function commentFailed(
    slug: string,
    request: FastifyRequest,
    reply: FastifyReply,
    error: AppError,
  ) {
    for (const [name, value] of Object.entries(error.headers ?? {})) void reply.header(name, value);
    const { model, comments: section } = await reader.livePageWithComments(slug, 1, 'newest');
    const message = error.messages[model.liveblog.locale];
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    // What the reader wrote comes back in the form, and when the throttle said no, how long to wait.
    const draft = { name: body.name ?? '', email: body.email ?? '', text: body.text ?? '' };
    const retryAfter = Number(error.headers?.['retry-after'] ?? '') || undefined;
    const withComments = section
      ? {
          ...model,
          // This answer is never cached, so it carries a token: the form works without a script.
          comments: (
            <CommentsSection
              model={{
                ...section,
                error: message,
                draft,
                retryAfter,
                formToken: await comments.formToken(slug),
              }}
            />
          ),
        }
      : model;
    return reply
      .code(error.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(pages.livePage(request, withComments));
  }

  // The form's token, asked for by the page's script when the reader starts writing; the page
  // itself is the same for every reader and carries none (ADR 0011).
  app.get(
    '/live/:slug/comments/token',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug }),
        response: { 200: Type.Object({ token: Type.String() }) },
      },
    },
    async (request, reply) => {
      const token = await comments.formToken(request.params.slug);
      return reply.header('cache-control', 'private, no-store').send({ token });
    },
  );

  app.post(
    '/live/:slug/comments',
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Slug }),
        body: Type.Record(Type.String(), Type.String({ maxLength: 10_000 })),
      },
    },
    async (request, reply) => {
      const slug = request.params.slug;
      if (!isSameOrigin(request, origin)) {
        return commentFailed(
          slug,
          request,
          reply,
          new AppError(403, 'cross_site', {
            ar: 'أرسل التعليق من صفحة التغطية نفسها.',
            en: 'Send the comment from the live page itself.',
          }),
        );
      }
      const presented = cookieValue(request, COMMENTER_COOKIE);
      const cookieId =
        presented && /^[A-Za-z0-9_-]{22}$/.test(presented)
          ? presented
          : randomBytes(16).toString('base64url');
      try {
        const { shown } = await comments.post(
          slug,
          {
            name: request.body.name ?? '',
            email: request.body.email,
            text: request.body.text ?? '',
            website: request.body.website,
            formToken: request.body.t ?? '',
          },
          { address: request.ip, cookieId },
        );
        // Abuse protection for the comment the reader asked us to publish: a necessary cookie.
        void reply.header(
          'set-cookie',
          `${COMMENTER_COOKIE}=${cookieId}; Path=/live; Max-Age=${365 * 24 * 3600}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`,
        );
        return await reply.redirect(
          `/live/${slug}?comment=${shown ? 'published' : 'pending'}#comments`,
          303,
        );
      } catch (error) {
        const known = toAppError(error);
        if (!known || known.status === 404) throw error;
        return commentFailed(slug, request, reply, known);
      }
    },
  );

  return Promise.resolve();
};
