// What the update repositories share: an `updates` row as a domain object, and the query of what
// readers see of a page.
import type { Db } from '../storage/storage.database.js';
import type { UpdateRow } from '../storage/storage.schema.js';
import type { Block } from '../blocks/blocks.schema.js';
import { trustFromRow } from './update.verification.js';
import type { Contributor, Source, Update, UpdateStatus, Verification } from './update.types.js';

function date(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

export function updateFromRow(row: UpdateRow): Update {
  return {
    id: row.id,
    liveblogId: row.liveblogId,
    headline: row.headline,
    blocks: JSON.parse(row.body) as Block[],
    sources: JSON.parse(row.sources) as Source[],
    keyEvent: row.keyEvent === 1,
    pinned: row.pinned === 1,
    breaking: row.breaking === 1,
    authorName: row.authorName,
    byline: row.byline,
    contributors: JSON.parse(row.contributors) as Contributor[],
    status: row.status as UpdateStatus,
    publishedAt: date(row.publishedAt),
    editedAt: date(row.editedAt),
    deletedAt: date(row.deletedAt),
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    revision: row.revision,
    authorUserId: row.authorUserId,
    submittedAt: date(row.submittedAt),
    returnNote: row.returnNote,
    scheduledAt: date(row.scheduledAt),
    ...trustFromRow(row),
    translationId: row.translationId,
  };
}

/** Which published updates a reader's view of the stream holds, and in which order. */
export interface StreamView {
  readonly keyEventsOnly?: boolean;
  readonly oldestFirst?: boolean;
  /** Only the updates in one verification state (a reader's filter). */
  readonly verification?: Verification;
}

/** What readers see of a page: in a view, only its key events and/or one verification state. */
export function visible(db: Db, liveblogId: number, view: StreamView = {}) {
  let query = db
    .selectFrom('updates')
    .where('liveblogId', '=', liveblogId)
    .where('status', '=', 'published')
    .where('deletedAt', 'is', null);
  if (view.keyEventsOnly) query = query.where('keyEvent', '=', 1);
  if (view.verification !== undefined) query = query.where('verification', '=', view.verification);
  return query;
}
