// What an update is, as the rest of the code sees it: statuses, sources, the update itself.
import type { Block } from '../blocks/blocks.schema.js';

/** draft → submitted (a reporter asks for review) → published; or scheduled → published at its time. */
export const UPDATE_STATUSES = ['draft', 'submitted', 'scheduled', 'published'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export const SOURCE_KINDS = ['wire', 'official', 'media', 'social', 'own'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  readonly name: string;
  readonly kind: SourceKind;
  readonly url?: string;
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
  readonly authorName: string;
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
  status: UpdateStatus;
  publishedAt: Date | null;
  authorUserId?: number | null;
  scheduledAt?: Date | null;
}

export interface UpdateChanges {
  headline?: string | null;
  blocks?: Block[];
  sources?: Source[];
  keyEvent?: boolean;
  pinned?: boolean;
  breaking?: boolean;
  editedAt?: Date;
  status?: UpdateStatus;
  publishedAt?: Date | null;
  submittedAt?: Date | null;
  returnNote?: string | null;
  scheduledAt?: Date | null;
  translationId?: number | null;
}
