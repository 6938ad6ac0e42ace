// What the app decorates Fastify with, typed once.
import type { AppConfig } from './platform.config.js';
import type { Assets } from './platform.assets.js';
import type { Actor } from '../newsroom/newsroom.policy.js';
import type { LiveblogService } from '../liveblog/liveblog.service.js';
import type { UpdateService } from '../update/update.service.js';
import type { ReaderService } from '../reader/reader.service.js';
import type { TokenService } from '../newsroom/newsroom.service.js';
import type { AccountService, SessionInfo } from '../newsroom/newsroom.accounts.js';
import type { CommentService } from '../comment/comment.service.js';
import type { SearchService } from '../search/search.service.js';
import type { PhotoService } from '../update/update.photos.js';
import type { DatabaseHandle } from '../storage/storage.database.js';
import type { Bus } from '../realtime/realtime.bus.js';
import type { Clock } from './platform.clock.js';
import type { Hub } from '../realtime/realtime.hub.js';
import type { Metrics } from './platform.metrics.js';
import type { SecurityDetails, SecurityEventName } from './platform.security.js';

export interface Services {
  readonly liveblogs: LiveblogService;
  readonly updates: UpdateService;
  readonly reader: ReaderService;
  readonly tokens: TokenService;
  readonly accounts: AccountService;
  readonly comments: CommentService;
  readonly search: SearchService;
  readonly photos: PhotoService;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    services: Services;
    database: DatabaseHandle;
    bus: Bus;
    clock: Clock;
    assets: Assets;
    hub: Hub;
    metrics: Metrics;
    securityLog: (
      request: import('fastify').FastifyRequest,
      event: SecurityEventName,
      details: SecurityDetails,
    ) => void;
    identify: (request: import('fastify').FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    actor: Actor;
    cspNonce: string;
    /** The newsroom session behind the cookie, when there is one. */
    session: SessionInfo | undefined;
  }
}
