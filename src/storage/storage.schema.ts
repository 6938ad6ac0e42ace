// The database tables as Kysely sees them (camelCase; the CamelCasePlugin maps to snake_case).
// Times are ISO 8601 UTC strings in both engines, so that they sort as text and read the same.
// Flags are integers 0/1 in both engines.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface LiveblogTable {
  id: Generated<number>;
  slug: string;
  headline: string;
  standfirst: string;
  status: string;
  locale: string;
  timeZone: string;
  coverageStartAt: string | null;
  coverageEndAt: string | null;
  /** The newest event sequence number of this page; bumped inside every writing transaction. */
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
  /** 'pre' (comments wait for a moderator) or 'post' (shown at once, moderated after). */
  commentMode: Generated<string>;
  /** JSON DateStyle, or null to follow the site's setting. */
  dateStyle: string | null;
  /** The slug of the same coverage in the other language, for hreflang. */
  translationSlug: string | null;
}

export interface ExplainerSectionTable {
  id: Generated<number>;
  liveblogId: number;
  position: number;
  title: string;
  /** JSON array of blocks. */
  body: string;
}

export interface UpdateTable {
  id: Generated<number>;
  liveblogId: number;
  headline: string | null;
  /** JSON array of blocks. */
  body: string;
  /** JSON array of sources. */
  sources: string;
  keyEvent: number;
  pinned: number;
  breaking: number;
  authorName: string;
  status: string;
  publishedAt: string | null;
  editedAt: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  revision: number;
  authorUserId: number | null;
  submittedAt: string | null;
  returnNote: string | null;
  scheduledAt: string | null;
  /** unconfirmed, confirmed, disputed or retracted; null until an editor sets one. */
  verification: string | null;
  verificationAt: string | null;
  verificationNote: string | null;
  /** JSON array of {at, note, revision}: the update's public corrections, oldest first. */
  corrections: Generated<string>;
  /** The name readers see under the update; null for none. */
  byline: string | null;
  /** JSON array of contributors ({name, role?, userId?}). */
  contributors: Generated<string>;
  /** The update of the counterpart page that translates this one (both sides hold it). */
  translationId: Generated<number | null>;
}

export interface EventTable {
  liveblogId: number;
  seq: number;
  type: string;
  updateId: number | null;
  /** JSON: what a reader needs to apply the event (rendered HTML, ids). */
  payload: string;
  createdAt: string;
}

/** One row: the newest desk event's number (bumped in the writing transaction). */
export interface DeskSequenceTable {
  id: number;
  lastId: number;
}

/** A staff-only event (the live desk); never sent to readers. */
export interface DeskEventTable {
  id: number;
  /** The live page it concerns; null for a site-wide event. */
  liveblogId: number | null;
  type: string;
  /** JSON, exactly as sent to the desk in the SSE `data:` field. */
  payload: string;
  createdAt: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 of the token, hex; the token itself is never stored. */
  tokenHash: string;
  role: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** The person the token belongs to, or null (a desk's token, or one made before owners). */
  ownerUserId: number | null;
  /** The desk the token belongs to, when it is not a person's. */
  ownerDesk: string | null;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  displayName: string;
  role: string;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
}

export interface SessionTable {
  /** SHA-256 of the session id; the id itself lives only in the reader's cookie. */
  idHash: string;
  userId: number;
  csrfToken: string;
  locale: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface TwoFactorTable {
  userId: number;
  /** The TOTP secret (base32), sealed when TWO_FACTOR_KEY is set: `v1:…`, else `plain:…`. */
  secret: string;
  createdAt: string;
  /** Null while the secret waits for its first code. */
  enabledAt: string | null;
  /** The newest TOTP time step accepted; a code of this step or an older one is refused. */
  lastUsedStep: number | null;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  userId: number;
  /** SHA-256 of the normalised code, hex. */
  codeHash: string;
  createdAt: string;
  usedAt: string | null;
}

export interface PasswordResetLinkTable {
  id: Generated<number>;
  userId: number;
  /** SHA-256 of the link's secret, hex; the secret is shown once to the admin who made it. */
  tokenHash: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface RateLimitTable {
  key: string;
  windowStart: string;
  count: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorKind: string;
  actorId: number | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: string | null;
  after: string | null;
}

export interface UpdateRevisionTable {
  id: Generated<number>;
  updateId: number;
  revision: number;
  headline: string | null;
  body: string;
  sources: string;
  /** JSON {keyEvent, pinned, breaking}. */
  flags: string;
  status: string;
  editorName: string;
  editorUserId: number | null;
  action: string;
  note: string | null;
  createdAt: string;
  byline: string | null;
  /** JSON array of contributors. */
  contributors: Generated<string>;
}

export interface CommentTable {
  id: Generated<number>;
  liveblogId: number;
  name: string;
  /** Optional, for the newsroom only; never shown. */
  email: string | null;
  text: string;
  /** The text after Arabic folding, for duplicate and word-list checks. */
  foldedText: string;
  status: string;
  heldReason: string | null;
  /** Keyed hash (HMAC) of the client address; the address itself is not stored. */
  addressKey: string;
  cookieKey: string | null;
  createdAt: string;
  moderatedAt: string | null;
  moderatedBy: string | null;
}

export interface CommentBlockTable {
  key: string;
  createdAt: string;
  createdBy: string;
}

/** A comment form token that has been used (single use); kept until the token would expire. */
export interface CommentFormTokenTable {
  nonce: string;
  liveblogId: number;
  usedAt: string;
}

/**
 * An Idempotency-Key of a creating POST, per token or account (`scope`): `pending` while its
 * first request runs, then `done` with the answer that request got. Kept for 24 hours.
 */
export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  /** SHA-256 (hex) of the method, path, query and body the key was first used with. */
  fingerprint: string;
  state: 'pending' | 'done';
  responseStatus: number | null;
  /** JSON: the answer's headers that a replay repeats (content type, location). */
  responseHeaders: string | null;
  responseBody: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface ModerationWordTable {
  word: string;
  createdAt: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface PhotoTable {
  id: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  /** JSON: the widths stored for each format. */
  sizes: string;
  createdAt: string;
  createdBy: string;
}

/** One agency item (NewsML-G2 or ninjs): the newest version of its id that arrived. */
export interface WireItemTable {
  id: Generated<number>;
  guid: string;
  version: number;
  versionCreated: string;
  format: string;
  agency: string;
  language: string;
  headline: string;
  /** Plain text, paragraphs split by blank lines. */
  body: string;
  link: string | null;
  embargoUntil: string | null;
  expiresAt: string | null;
  pubStatus: string;
  urgency: number | null;
  /** The item as it arrived (XML or JSON text). */
  original: string;
  receivedAt: string;
  updatedAt: string;
}

/** A draft update made from a wire item: its embargo holds the draft back. */
export interface WireDraftTable {
  updateId: number;
  wireItemId: number;
  createdAt: string;
}

/** One version of a live page's «what we know so far» box. */
export interface LiveblogSummaryTable {
  id: Generated<number>;
  liveblogId: number;
  body: string;
  editorName: string;
  editorUserId: number | null;
  createdAt: string;
}

/** A reader's browser following one live page (Web Push), with its encryption keys. */
export interface PushSubscriptionTable {
  id: Generated<number>;
  liveblogId: number;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: string;
}

/** The VAPID key pair made once when the operator set none (one row, id 1). */
export interface PushKeyTable {
  id: number;
  publicKey: string;
  privateKey: string;
  createdAt: string;
}

/** How far the push sender has read a page's events; moved only by the node that claims them. */
export interface PushCursorTable {
  liveblogId: number;
  seq: number;
  movedAt: string;
}

/** One row per breaking update pushed: the marker that it is sent once, and the tally. */
export interface PushSendTable {
  updateId: number;
  liveblogId: number;
  seq: number;
  startedAt: string;
  finishedAt: string | null;
  delivered: Generated<number>;
  failed: Generated<number>;
  removed: Generated<number>;
}

export interface Database {
  wireItems: WireItemTable;
  wireDrafts: WireDraftTable;
  liveblogSummaries: LiveblogSummaryTable;
  pushSubscriptions: PushSubscriptionTable;
  pushKeys: PushKeyTable;
  pushCursors: PushCursorTable;
  pushSends: PushSendTable;
  photos: PhotoTable;
  comments: CommentTable;
  commentBlocks: CommentBlockTable;
  commentFormTokens: CommentFormTokenTable;
  idempotencyKeys: IdempotencyKeyTable;
  moderationWords: ModerationWordTable;
  settings: SettingTable;
  users: UserTable;
  sessions: SessionTable;
  twoFactor: TwoFactorTable;
  recoveryCodes: RecoveryCodeTable;
  passwordResetLinks: PasswordResetLinkTable;
  rateLimits: RateLimitTable;
  auditLog: AuditLogTable;
  updateRevisions: UpdateRevisionTable;
  liveblogs: LiveblogTable;
  explainerSections: ExplainerSectionTable;
  updates: UpdateTable;
  events: EventTable;
  deskSequence: DeskSequenceTable;
  deskEvents: DeskEventTable;
  apiTokens: ApiTokenTable;
}

export type LiveblogRow = Selectable<LiveblogTable>;
export type NewLiveblogRow = Insertable<LiveblogTable>;
export type LiveblogPatchRow = Updateable<LiveblogTable>;
export type ExplainerSectionRow = Selectable<ExplainerSectionTable>;
export type LiveblogSummaryRow = Selectable<LiveblogSummaryTable>;
export type UpdateRow = Selectable<UpdateTable>;
export type NewUpdateRow = Insertable<UpdateTable>;
export type UpdatePatchRow = Updateable<UpdateTable>;
export type EventRow = Selectable<EventTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
