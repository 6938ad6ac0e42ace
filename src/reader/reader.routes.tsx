// The reader's HTML pages. This parent installs what every reader page shares (the form parser
// for the comment and consent forms, `Vary: Cookie` on HTML, the first-party analytics id for
// readers who agreed to it) and registers one plugin per area; each receives only the
// collaborators it uses.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Assets } from '../platform/platform.assets.js';
import { ANALYTICS_COOKIE, consentOf, cookieValue } from '../platform/platform.consent.js';
import type { CommentService } from '../comment/comment.service.js';
import type { ReaderService } from './reader.service.js';
import { createReaderPages } from './reader.pages.js';
import { livePageRoutes } from './reader.page.routes.js';
import { commentFormRoutes } from './reader.comments.routes.js';
import { consentRoutes } from './reader.consent.routes.js';

export interface ReaderRoutesOptions {
  readonly reader: Pick<ReaderService, 'frontPage' | 'livePageWithComments' | 'permalink'>;
  readonly comments: Pick<CommentService, 'post'>;
  readonly siteName: string;
  /** The address readers use: absolute links, the same-origin check, Secure cookies. */
  readonly publicUrl: string;
  readonly assets: Assets;
}

export const readerRoutes: FastifyPluginAsyncTypebox<ReaderRoutesOptions> = async (
  app,
  { reader, comments, siteName, publicUrl, assets },
) => {
  const secure = publicUrl.startsWith('https://');
  const origin = new URL(publicUrl).origin;

  // Forms (comments, consent) are accepted on these reader routes only.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  // The consent banner depends on the reader's cookie: caches must keep the versions apart.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      void reply.header('vary', 'cookie');
    done(null, payload);
  });

  // A first-party analytics id, only for readers who agreed to analytics.
  app.addHook('onRequest', (request, reply, done) => {
    if (
      request.method === 'GET' &&
      consentOf(request)?.analytics &&
      !cookieValue(request, ANALYTICS_COOKIE)
    ) {
      void reply.header(
        'set-cookie',
        `${ANALYTICS_COOKIE}=${randomBytes(16).toString('base64url')}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax${secure ? '; Secure' : ''}`,
      );
    }
    done();
  });

  const pages = createReaderPages({ siteName, publicUrl, assets });
  await app.register(livePageRoutes, { pages, reader, siteName });
  await app.register(commentFormRoutes, { pages, reader, comments, origin, secure });
  await app.register(consentRoutes, { pages, siteName, origin, secure });
};
