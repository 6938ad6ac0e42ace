// What an update is, as the rest of the code sees it: statuses, sources, the update itself.
import type { Block } from '../blocks/blocks.schema.js';

/** draft → submitted (a reporter asks for review) → published; or scheduled → published at its time. */
export const UPDATE_STATUSES = ['draft', 'submitted', 'scheduled', 'published'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export const SOURCE_KINDS = ['wire', 'official', 'media', 'social', 'own'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How sure the newsroom is of an update (null: not marked); a retracted one stays visible. */
export const VERIFICATION_STATES = ['unconfirmed', 'confirmed', 'disputed', 'retracted'] as const;
export type Verification = (typeof VERIFICATION_STATES)[number];

/** One entry of an update's public corrections ledger. */
export interface Correction {
  readonly at: Date;
  readonly note: string;
  /** The update's revision the correction produced. */
  readonly revision: number;
}

export interface Source {
  readonly name: string;
  readonly kind: SourceKind;
  readonly url?: string;
}

/** Someone who worked on an update: a newsroom account or a free name, with a role. */
export interface Contributor {
  readonly name: string;
  readonly role?: string;
  readonly userId?: number;
}

export interface Update {
  readonly id: number;
  readonly liveblogId: number;
  readonly headline: string | null;
  readonly blocks: Block[];
  readonly sources: Source[];
  readonly keyEvent: boolean;
  readonly pinned: boolean;
  readonly breaking: boolean;
  /** Who wrote it, for the desk; readers see `byline`, never this. */
  readonly authorName: string;
  /**
   * The name readers see under the update («بقلم …»), chosen explicitly; null or absent for
   * none. Optional (with contributors) only so that updates made in code need not name them.
   */
  readonly byline?: string | null;
  readonly contributors?: readonly Contributor[];
  readonly status: UpdateStatus;
  readonly publishedAt: Date | null;
  readonly editedAt: Date | null;
  readonly deletedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly revision: number;
  readonly authorUserId: number | null;
  readonly submittedAt: Date | null;
  readonly returnNote: string | null;
  readonly scheduledAt: Date | null;
  readonly verification: Verification | null;
  readonly verificationAt: Date | null;
  readonly verificationNote: string | null;
  /** Oldest first; only ever grows. */
  readonly corrections: readonly Correction[];
  /** Its translation: an update of the counterpart page (Arabic ⇄ English); null: none. */
  readonly translationId?: number | null;
}

/** A published, not deleted update: what readers see. */
export type PublishedUpdate = Update & { readonly publishedAt: Date };

export function isVisible(update: Update): update is PublishedUpdate {
  return update.status === 'published' && update.publishedAt !== null && update.deletedAt === null;
}

export interface NewUpdate {
  liveblogId: number;
  headline: string | null;
  blocks: Block[];
  sources: Source[];
  keyEvent: boolean;
  pinned: boolean;
  breaking: boolean;
  authorName: string;
  byline?: string | null;
  contributors?: readonly Contributor[];
  status: UpdateStatus;
  publishedAt: Date | null;
  authorUserId?: number | null;
  scheduledAt?: Date | null;
  verification?: Verification;
  verificationAt?: Date;
  verificationNote?: string | null;
}

export interface UpdateChanges {
  headline?: string | null;
  blocks?: Block[];
  sources?: Source[];
  keyEvent?: boolean;
  pinned?: boolean;
  breaking?: boolean;
  byline?: string | null;
  contributors?: readonly Contributor[];
  editedAt?: Date;
  status?: UpdateStatus;
  publishedAt?: Date | null;
  submittedAt?: Date | null;
  returnNote?: string | null;
  scheduledAt?: Date | null;
  verification?: Verification;
  verificationAt?: Date;
  verificationNote?: string | null;
  translationId?: number | null;
}
