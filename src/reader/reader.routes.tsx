// The reader's HTML pages. This parent installs what every reader page shares (the form parser
// for the comment and consent forms) and registers one plugin per area; each receives only the
// collaborators it uses. Nothing here depends on the reader's cookies: the pages are the same
// bytes for everyone, so shared caches keep one copy (ADR 0011).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Assets } from '../platform/platform.assets.js';
import type { CachePolicy } from '../platform/platform.cache.js';
import type { PageCache } from '../platform/platform.page-cache.js';
import type { CommentService } from '../comment/comment.service.js';
import type { ReaderService } from './reader.service.js';
import { createReaderPages } from './reader.pages.js';
import { livePageRoutes } from './reader.page.routes.js';
import { commentFormRoutes } from './reader.comments.routes.js';
import { consentRoutes } from './reader.consent.routes.js';
import { summaryPageRoutes } from './reader.summary.routes.js';
import type { SummaryService } from '../liveblog/liveblog.summary.js';
import { litePageRoutes } from './reader.lite.routes.js';
import { createPageSender } from './reader.page-cache.js';

export interface ReaderRoutesOptions {
  readonly reader: Pick<
    ReaderService,
    'frontPage' | 'livePage' | 'livePageWithComments' | 'permalink' | 'pageVersion'
  >;
  readonly comments: Pick<CommentService, 'post' | 'formToken'>;
  readonly summaries: Pick<SummaryService, 'history'>;
  readonly siteName: string;
  /** The address readers use: absolute links, the same-origin check, Secure cookies. */
  readonly publicUrl: string;
  readonly assets: Assets;
  /** How long shared caches keep reader pages. */
  readonly cache: CachePolicy;
  /** This worker's finished pages (platform.page-cache.ts). */
  readonly pageCache: PageCache;
}

export const readerRoutes: FastifyPluginAsyncTypebox<ReaderRoutesOptions> = async (
  app,
  { reader, comments, summaries, siteName, publicUrl, assets, cache, pageCache },
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

  const pages = createReaderPages({ siteName, publicUrl, assets });
  const sender = createPageSender({ reader, pageCache, cache });
  await app.register(livePageRoutes, { pages, reader, siteName, cache, sender });
  await app.register(commentFormRoutes, { pages, reader, comments, origin, secure });
  await app.register(consentRoutes, { pages, siteName, origin, secure });
  await app.register(summaryPageRoutes, { pages, summaries, siteName, cache });
  await app.register(litePageRoutes, { reader, siteName, publicUrl, sender });
};
