// All the wiring in one place: every service built once, each handed the collaborators it uses
// (the bus, the search indexer, the media resolver, the clock). No service builds another.
// buildApp calls this; so do the demo seeder and the tests that publish beside a running server.
import type { Db } from './storage/storage.database.js';
import type { FileStore } from './storage/storage.files.js';
import type { Clock } from './platform/platform.clock.js';
import type { SafeFetchOptions } from './platform/platform.fetch.js';
import type { Bus } from './realtime/realtime.bus.js';
import type { PageChanged } from './platform/platform.cache.js';
import { createTokenService, type TokenService } from './access/access.tokens.js';
import {
  createAccountService,
  type AccountService,
  type EndStreams,
} from './access/access.accounts.js';
import { endStaffStreams } from './realtime/realtime.staff.hub.js';
import { createAuditService, type AuditService } from './access/access.audit.js';
import { createIdempotencyService, type IdempotencyService } from './access/access.idempotency.js';
import { createTwoFactorService, type TwoFactorService } from './access/access.twofactor.js';
import { createTwoFactorRepository } from './access/access.twofactor.repository.js';
import { createSecretBox } from './access/access.secrets.js';
import { createSigner } from './access/access.signing.js';
import { createResetLinkService, type ResetLinkService } from './access/access.reset.js';
import { createSettingsService, type SettingsService } from './settings/settings.service.js';
import { createMediaResolver } from './media/media.resolver.js';
import { createPhotoService, type PhotoService } from './media/media.photos.js';
import { createLiveblogService, type LiveblogService } from './liveblog/liveblog.service.js';
import { createUpdateService, type UpdateService } from './update/update.service.js';
import { createSummaryService, type SummaryService } from './liveblog/liveblog.summary.js';
import { createSearchService, type SearchService } from './search/search.service.js';
import { createCommentService, type CommentService } from './comment/comment.service.js';
import { createReaderService, type ReaderService } from './reader/reader.service.js';
import { createProofService, type ProofService } from './proof/proof.service.js';
import { createRealtimeService, type RealtimeService } from './realtime/realtime.service.js';
import { createDictionary } from './proof/proof.dictionary.js';
import { createWireService, type WireService } from './wire/wire.service.js';
import { createEmbargoGate } from './wire/wire.embargo.js';
import { refusedFiles } from './wire/wire.watch.js';
import { createPushService, type PushService } from './push/push.service.js';
import { createPushSender } from './push/push.sender.js';
import type { PushConfig } from './platform/platform.config.js';

export interface ServiceParts {
  readonly db: Db;
  readonly bus: Bus;
  readonly clock: Clock;
  /** Where photos go (the disk under MEDIA_DIR in the app; memory in tests and the seeder). */
  readonly files: FileStore;
  /** The address readers use, for absolute links. */
  readonly publicUrl?: string;
  /** The site's name, which a staff password may not contain. */
  readonly siteName?: string;
  /** Whether pasted links are fetched for their title and preview image. */
  readonly embedFetch?: boolean;
  /** For tests: how the guarded fetcher resolves names and which addresses it refuses. */
  readonly fetchOptions?: Pick<SafeFetchOptions, 'resolver' | 'forbidden'>;
  /** The Hunspell dictionary for proofing (loaded on first use); undefined: proofing is off. */
  readonly proofDictionary?: string | undefined;
  /** Told after every committed change readers can see (the shared caches' purge). */
  readonly pageChanged?: PageChanged;
  /** The wire drop folder, whose refused files the wire inbox lists. */
  readonly wireDropDir?: string | undefined;
  /** Told after a committed change that every reader page shows (the site's date style). */
  readonly siteChanged?: () => void;
  /** Seals the TOTP secrets at rest; undefined: they are stored unsealed. */
  readonly twoFactorKey?: Buffer | undefined;
  /** Web Push: the VAPID keys (or none: made once and stored) and subject. */
  readonly push?: PushConfig;
  /** For tests: http: push endpoints accepted (a local push service stands in). */
  readonly allowHttpPushEndpoints?: boolean;
}

export interface Services {
  readonly tokens: TokenService;
  readonly accounts: AccountService;
  readonly twoFactor: TwoFactorService;
  readonly resetLinks: ResetLinkService;
  readonly audit: AuditService;
  readonly idempotency: IdempotencyService;
  readonly settings: SettingsService;
  readonly photos: PhotoService;
  readonly liveblogs: LiveblogService;
  readonly updates: UpdateService;
  readonly summaries: SummaryService;
  readonly search: SearchService;
  readonly comments: CommentService;
  readonly reader: ReaderService;
  readonly proof: ProofService;
  readonly realtime: RealtimeService;
  readonly wire: WireService;
  readonly push: PushService;
}

/** Accounts and their two-factor sign-in; the CLI builds these alone. */
export function createAccessServices(
  parts: Pick<ServiceParts, 'db' | 'clock' | 'siteName' | 'twoFactorKey'> & {
    readonly endStreams?: EndStreams;
  },
): { accounts: AccountService; twoFactor: TwoFactorService; resetLinks: ResetLinkService } {
  const { db, clock } = parts;
  const store = createTwoFactorRepository();
  const twoFactor = createTwoFactorService({
    db,
    clock,
    box: createSecretBox(parts.twoFactorKey),
    issuer: parts.siteName ?? 'Ajil',
  });
  const accounts = createAccountService({
    db,
    clock,
    ...(parts.siteName !== undefined && { siteName: parts.siteName }),
    signer: createSigner(() => store.signInKey(db)),
    twoFactor,
    ...(parts.endStreams && { endStreams: parts.endStreams }),
  });
  const resetLinks = createResetLinkService({
    db,
    clock,
    ...(parts.siteName !== undefined && { siteName: parts.siteName }),
  });
  return { accounts, twoFactor, resetLinks };
}

export function createServices(parts: ServiceParts): Services {
  const { db, bus, clock, publicUrl = '', wireDropDir: dropDir } = parts;
  const base = { db, clock };
  const changes = parts.pageChanged ? { pageChanged: parts.pageChanged } : {};
  const settings = createSettingsService({
    ...base,
    ...(parts.siteChanged && { siteChanged: parts.siteChanged }),
  });
  const photos = createPhotoService(base, parts.files);
  const search = createSearchService(base);
  const comments = createCommentService({
    ...base,
    ...changes,
    bus,
    siteDateStyle: settings.dateStyle,
  });
  const media = createMediaResolver(db, {
    fetchTitles: parts.embedFetch ?? true,
    thumbnails: (bytes, alt, credit) => photos.storeThumbnail(bytes, alt, credit),
    ...(parts.fetchOptions && { fetch: parts.fetchOptions }),
  });
  const liveblogs = createLiveblogService({ ...base, ...changes, bus, media, indexer: search });
  const updates = createUpdateService({
    ...base,
    ...changes,
    bus,
    media,
    indexer: search,
    siteDateStyle: settings.dateStyle,
    publicUrl,
    publishGate: createEmbargoGate(),
  });
  const summaries = createSummaryService({
    ...base,
    ...changes,
    bus,
    siteDateStyle: settings.dateStyle,
    publicUrl,
  });
  return {
    tokens: createTokenService(base),
    // Signing out, a role change or disabling ends that person's live-desk streams on every node.
    ...createAccessServices({ ...parts, endStreams: (target) => endStaffStreams(bus, target) }),
    audit: createAuditService(base),
    idempotency: createIdempotencyService(base),
    settings,
    photos,
    search,
    liveblogs,
    updates,
    summaries,
    comments,
    reader: createReaderService({
      ...base,
      siteDateStyle: settings.dateStyle,
      publicUrl,
      comments,
      summaries,
    }),
    proof: createProofService(base, createDictionary(parts.proofDictionary)),
    realtime: createRealtimeService(base),
    wire: createWireService({
      ...base,
      updates,
      liveblogs,
      ...(dropDir !== undefined && {
        refused: () => refusedFiles(dropDir),
      }),
    }),
    push: createPushService({
      ...base,
      send: createPushSender(parts.fetchOptions ?? {}),
      vapidKeys: parts.push?.vapidKeys,
      subject: parts.push?.subject ?? 'mailto:push@localhost',
      publicUrl,
      ...(parts.fetchOptions && { fetchOptions: parts.fetchOptions }),
      allowHttpEndpoints: parts.allowHttpPushEndpoints ?? false,
    }),
  };
}
