// The newsroom's pages under /newsroom. This parent installs what every staff page shares
// (the form parser, who is asking, the required two-factor set-up, no caching and no framing)
// and registers one plugin per area; each receives only the collaborators it uses. Writes with
// the session are checked (same origin, CSRF token) by the app-wide guard that
// registerIdentity installs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Assets } from '../platform/platform.assets.js';
import type { Identify } from '../access/access.identify.js';
import type { AccountService } from '../access/access.accounts.js';
import type { AuditService } from '../access/access.audit.js';
import type { TwoFactorService } from '../access/access.twofactor.js';
import type { ResetLinkService } from '../access/access.reset.js';
import type { LiveblogService } from '../liveblog/liveblog.service.js';
import type { UpdateService } from '../update/update.service.js';
import type { CommentService } from '../comment/comment.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import { createStaffPages } from './newsroom.pages.js';
import { parseForm } from './newsroom.forms.js';
import { authRoutes } from './newsroom.auth.routes.js';
import { dashboardRoutes } from './newsroom.dashboard.routes.js';
import { deskRoutes } from './newsroom.desk.routes.js';
import { trustRoutes } from './newsroom.trust.routes.js';
import type { SummaryService } from '../liveblog/liveblog.summary.js';
import { translationDeskRoutes } from './newsroom.translations.routes.js';
import { usersRoutes } from './newsroom.users.routes.js';
import { auditRoutes } from './newsroom.audit.routes.js';
import { settingsRoutes } from './newsroom.settings.routes.js';
import { commentsRoutes } from './newsroom.comments.routes.js';
import { liveDeskRoutes } from './newsroom.live.routes.js';
import type { StaffHub } from '../realtime/realtime.staff.hub.js';
import { resetRoutes } from './newsroom.reset.routes.js';
import { ACCOUNT_PATH, OPEN_DURING_SET_UP, accountRoutes } from './newsroom.account.routes.js';
import type { WireService } from '../wire/wire.service.js';
import { wireDeskRoutes } from '../wire/wire.desk.routes.js';

export interface NewsroomOptions {
  readonly accounts: AccountService;
  readonly twoFactor: TwoFactorService;
  readonly resetLinks: ResetLinkService;
  readonly liveblogs: LiveblogService;
  readonly updates: UpdateService;
  readonly summaries: SummaryService;
  readonly comments: CommentService;
  readonly settings: SettingsService;
  readonly audit: AuditService;
  readonly wire: WireService;
  readonly identify: Identify;
  /** How many readers have a page open now. */
  readonly readersOf: (liveblogId: number) => number;
  /** The staff stream's hub (the live desk). */
  readonly staff: Pick<StaffHub, 'join' | 'open'>;
  readonly publicUrl: string;
  readonly siteName: string;
  /** Whether the session cookie is marked Secure (the site is served over https). */
  readonly secureCookies: boolean;
  readonly assets: Assets;
}

export const newsroomRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, options) => {
  // Forms are accepted here only; the JSON API keeps refusing them (415).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    parseForm,
  );
  app.addHook('onRequest', options.identify);
  // When the site requires two-factor sign-in and this admin or editor has not set it up, the
  // account page (to set it up) and signing out are all that is open.
  app.addHook('preHandler', async (request, reply) => {
    if (
      request.session?.mustSetUpTwoFactor &&
      !OPEN_DURING_SET_UP.has(request.routeOptions.url ?? '')
    )
      await reply.redirect(ACCOUNT_PATH, 303);
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

  const pages = createStaffPages(options);
  const { accounts, liveblogs, updates, publicUrl } = options;
  await app.register(authRoutes, {
    pages,
    accounts,
    publicUrl,
    secureCookies: options.secureCookies,
  });
  await app.register(dashboardRoutes, { pages, liveblogs, readersOf: options.readersOf });
  await app.register(deskRoutes, {
    pages,
    liveblogs,
    updates,
    publicUrl,
    sourcePresets: () => options.settings.sourcePresets(),
  });
  await app.register(trustRoutes, { pages, summaries: options.summaries, updates });
  await app.register(translationDeskRoutes, { pages, updates });
  await app.register(accountRoutes, { pages, twoFactor: options.twoFactor });
  await app.register(usersRoutes, {
    pages,
    accounts,
    twoFactor: options.twoFactor,
    resetLinks: options.resetLinks,
    publicUrl,
  });
  await app.register(resetRoutes, { pages, resetLinks: options.resetLinks, publicUrl });
  await app.register(auditRoutes, { pages, audit: options.audit });
  await app.register(settingsRoutes, { pages, settings: options.settings });
  await app.register(commentsRoutes, { pages, comments: options.comments });
  await app.register(wireDeskRoutes, { pages, wire: options.wire });
  await app.register(liveDeskRoutes, { pages, staff: options.staff, liveblogs, updates });
};
