// All SQL about updates. Returns domain objects, never rows. The trust record's own queries are in
// update.trust.repository.ts, the translations' in update.translations.repository.ts, the row
// mapping they share in update.rows.repository.ts.
import type { Db } from '../storage/storage.database.js';
import { updateFromRow, visible, type StreamView } from './update.rows.repository.js';
import { updateTrustQueries } from './update.trust.repository.js';
import { updateTranslationQueries } from './update.translations.repository.js';
import {
  isVisible,
  type NewUpdate,
  type PublishedUpdate,
  type Update,
  type UpdateChanges,
  type UpdateStatus,
  type Verification,
} from './update.types.js';

const flag = (value: boolean) => (value ? 1 : 0);

/** The UPDATE statement of one change to one update; callers add conditions and the return. */
function changeQuery(db: Db, id: number, changes: UpdateChanges, now: Date) {
  return db
    .updateTable('updates')
    .set((eb) => ({
      ...(changes.headline !== undefined && { headline: changes.headline }),
      ...(changes.blocks !== undefined && { body: JSON.stringify(changes.blocks) }),
      ...(changes.sources !== undefined && { sources: JSON.stringify(changes.sources) }),
      ...(changes.keyEvent !== undefined && { keyEvent: flag(changes.keyEvent) }),
      ...(changes.pinned !== undefined && { pinned: flag(changes.pinned) }),
      ...(changes.breaking !== undefined && { breaking: flag(changes.breaking) }),
      ...(changes.byline !== undefined && { byline: changes.byline }),
      ...(changes.contributors !== undefined && {
        contributors: JSON.stringify(changes.contributors),
      }),
      ...(changes.editedAt !== undefined && { editedAt: changes.editedAt.toISOString() }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.publishedAt !== undefined && {
        publishedAt: changes.publishedAt?.toISOString() ?? null,
      }),
      ...(changes.submittedAt !== undefined && {
        submittedAt: changes.submittedAt?.toISOString() ?? null,
      }),
      ...(changes.returnNote !== undefined && { returnNote: changes.returnNote }),
      ...(changes.scheduledAt !== undefined && {
        scheduledAt: changes.scheduledAt?.toISOString() ?? null,
      }),
      ...(changes.verification !== undefined && { verification: changes.verification }),
      ...(changes.verificationAt && { verificationAt: changes.verificationAt.toISOString() }),
      ...(changes.verificationNote !== undefined && { verificationNote: changes.verificationNote }),
      ...(changes.translationId !== undefined && { translationId: changes.translationId }),
      updatedAt: now.toISOString(),
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id);
}

export function createUpdateRepository() {
  return {
    ...updateTrustQueries(),
    ...updateTranslationQueries(),

    async insert(db: Db, input: NewUpdate, now: Date): Promise<Update> {
      const at = now.toISOString();
      const row = await db
        .insertInto('updates')
        .values({
          liveblogId: input.liveblogId,
          headline: input.headline,
          body: JSON.stringify(input.blocks),
          sources: JSON.stringify(input.sources),
          keyEvent: flag(input.keyEvent),
          pinned: flag(input.pinned),
          breaking: flag(input.breaking),
          authorName: input.authorName,
          byline: input.byline ?? null,
          contributors: JSON.stringify(input.contributors ?? []),
          status: input.status,
          publishedAt: input.publishedAt?.toISOString() ?? null,
          editedAt: null,
          deletedAt: null,
          createdAt: at,
          updatedAt: at,
          revision: 1,
          authorUserId: input.authorUserId ?? null,
          submittedAt: null,
          returnNote: null,
          scheduledAt: input.scheduledAt?.toISOString() ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return updateFromRow(row);
    },

    async findById(db: Db, liveblogId: number, id: number): Promise<Update | undefined> {
      const row = await db
        .selectFrom('updates')
        .selectAll()
        .where('liveblogId', '=', liveblogId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? updateFromRow(row) : undefined;
    },

    async change(db: Db, id: number, changes: UpdateChanges, now: Date): Promise<Update> {
      const row = await changeQuery(db, id, changes, now).returningAll().executeTakeFirstOrThrow();
      return updateFromRow(row);
    },

    /**
     * The same change, only if the update is still at the version `seen` (same revision and
     * updated time): one conditional statement, so of two writers that saw the same version
     * exactly one changes the row. Undefined when it had moved on.
     */
    async changeIfUnchanged(
      db: Db,
      seen: Update,
      changes: UpdateChanges,
      now: Date,
    ): Promise<Update | undefined> {
      const row = await changeQuery(db, seen.id, changes, now)
        .where('revision', '=', seen.revision)
        .where('updatedAt', '=', seen.updatedAt.toISOString())
        .returningAll()
        .executeTakeFirst();
      return row ? updateFromRow(row) : undefined;
    },

    /** With `seen`, only if the update is still at that version; false when nothing was deleted. */
    async softDelete(db: Db, id: number, now: Date, seen?: Update): Promise<boolean> {
      const at = now.toISOString();
      let query = db
        .updateTable('updates')
        .set({ deletedAt: at, updatedAt: at, pinned: 0 })
        .where('id', '=', id);
      if (seen)
        query = query
          .where('revision', '=', seen.revision)
          .where('updatedAt', '=', seen.updatedAt.toISOString());
      const result = await query.executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Unpins every pinned update of the page but `exceptId`; returns the ids it unpinned. */
    async unpinOthers(db: Db, liveblogId: number, exceptId: number, now: Date): Promise<number[]> {
      const rows = await db
        .updateTable('updates')
        .set({ pinned: 0, updatedAt: now.toISOString() })
        .where('liveblogId', '=', liveblogId)
        .where('pinned', '=', 1)
        .where('id', '!=', exceptId)
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },

    /** Published updates newest first, by offset (numbered reader pages). */
    async listPublished(
      db: Db,
      liveblogId: number,
      offset: number,
      limit: number,
      view: StreamView = {},
    ): Promise<PublishedUpdate[]> {
      const direction = view.oldestFirst ? 'asc' : 'desc';
      const rows = await visible(db, liveblogId, view)
        .selectAll()
        .orderBy('publishedAt', direction)
        .orderBy('id', direction)
        .offset(offset)
        .limit(limit)
        .execute();
      return rows.map(updateFromRow).filter(isVisible);
    },

    /** Published updates strictly older than `before` (publishedAt, id), newest first (API cursor). */
    async listPublishedBefore(
      db: Db,
      liveblogId: number,
      before: { publishedAt: Date; id: number } | null,
      limit: number,
      only?: Verification,
    ): Promise<PublishedUpdate[]> {
      let query = visible(db, liveblogId, only ? { verification: only } : {}).selectAll();
      if (before !== null) {
        const at = before.publishedAt.toISOString();
        query = query.where((eb) =>
          eb.or([
            eb('publishedAt', '<', at),
            eb.and([eb('publishedAt', '=', at), eb('id', '<', before.id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('publishedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(updateFromRow).filter(isVisible);
    },

    async countPublished(db: Db, liveblogId: number, view: StreamView = {}): Promise<number> {
      const row = await visible(db, liveblogId, view)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return row.count;
    },

    /** How many visible updates come before this one in newest-first order. */
    async countNewerThan(db: Db, update: PublishedUpdate): Promise<number> {
      const at = update.publishedAt.toISOString();
      const row = await visible(db, update.liveblogId)
        .where((eb) =>
          eb.or([
            eb('publishedAt', '>', at),
            eb.and([eb('publishedAt', '=', at), eb('id', '>', update.id)]),
          ]),
        )
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return row.count;
    },

    async keyEvents(db: Db, liveblogId: number, limit: number): Promise<PublishedUpdate[]> {
      const rows = await visible(db, liveblogId)
        .where('keyEvent', '=', 1)
        .selectAll()
        .orderBy('publishedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(updateFromRow).filter(isVisible);
    },

    async pinned(db: Db, liveblogId: number): Promise<PublishedUpdate | undefined> {
      const row = await visible(db, liveblogId)
        .where('pinned', '=', 1)
        .selectAll()
        .orderBy('publishedAt', 'desc')
        .executeTakeFirst();
      const update = row ? updateFromRow(row) : undefined;
      return update && isVisible(update) ? update : undefined;
    },

    /** The newest published updates across every page that is not archived (site-wide feeds). */
    async latestAcross(db: Db, limit: number): Promise<PublishedUpdate[]> {
      const rows = await db
        .selectFrom('updates')
        .innerJoin('liveblogs', 'liveblogs.id', 'updates.liveblogId')
        .selectAll('updates')
        .where('updates.status', '=', 'published')
        .where('updates.deletedAt', 'is', null)
        .where('liveblogs.status', '!=', 'archived')
        .orderBy('updates.publishedAt', 'desc')
        .orderBy('updates.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(updateFromRow).filter(isVisible);
    },

    /** Drafts, submitted drafts and scheduled updates of a page, newest first. */
    async listUnpublished(
      db: Db,
      liveblogId: number,
      statuses: readonly UpdateStatus[],
      authorUserId: number | null,
    ): Promise<Update[]> {
      let query = db
        .selectFrom('updates')
        .selectAll()
        .where('liveblogId', '=', liveblogId)
        .where('deletedAt', 'is', null)
        .where('status', 'in', [...statuses]);
      if (authorUserId !== null) query = query.where('authorUserId', '=', authorUserId);
      const rows = await query.orderBy('updatedAt', 'desc').limit(200).execute();
      return rows.map(updateFromRow);
    },

    /** Scheduled updates whose time has come, across all pages. */
    async dueScheduled(db: Db, now: Date, limit: number): Promise<Update[]> {
      const rows = await db
        .selectFrom('updates')
        .selectAll()
        .where('status', '=', 'scheduled')
        .where('deletedAt', 'is', null)
        .where('scheduledAt', '<=', now.toISOString())
        .orderBy('scheduledAt')
        .limit(limit)
        .execute();
      return rows.map(updateFromRow);
    },

    /**
     * Flips a due scheduled update to published; only one node wins. Returns the update as
     * published, or undefined when another node (or a deletion) got there first.
     */
    async claimScheduled(db: Db, due: Update, now: Date): Promise<Update | undefined> {
      const claimed = await db
        .updateTable('updates')
        .set({
          status: 'published',
          publishedAt: (due.scheduledAt ?? now).toISOString(),
          updatedAt: now.toISOString(),
        })
        .where('id', '=', due.id)
        .where('status', '=', 'scheduled')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return undefined;
      return this.findById(db, due.liveblogId, due.id);
    },

    async revisions(db: Db, updateId: number) {
      return db
        .selectFrom('updateRevisions')
        .selectAll()
        .where('updateId', '=', updateId)
        .orderBy('revision', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    async recordRevision(
      db: Db,
      update: Update,
      who: { name: string; userId: number | null },
      action: string,
      note: string | null,
      now: Date,
    ): Promise<void> {
      await db
        .insertInto('updateRevisions')
        .values({
          updateId: update.id,
          revision: update.revision,
          headline: update.headline,
          body: JSON.stringify(update.blocks),
          sources: JSON.stringify(update.sources),
          flags: JSON.stringify({
            keyEvent: update.keyEvent,
            pinned: update.pinned,
            breaking: update.breaking,
          }),
          status: update.status,
          editorName: who.name,
          editorUserId: who.userId,
          byline: update.byline ?? null,
          contributors: JSON.stringify(update.contributors ?? []),
          action,
          note,
          createdAt: now.toISOString(),
        })
        .execute();
    },

    /** The newest time anything readers see changed: a publication or an edit. */
    async lastActivityAt(db: Db, liveblogId: number): Promise<Date | null> {
      const row = await visible(db, liveblogId)
        .select((eb) => [
          eb.fn.max('publishedAt').as('published'),
          eb.fn.max('editedAt').as('edited'),
        ])
        .executeTakeFirst();
      const candidates = [row?.published, row?.edited].filter(
        (v): v is string => typeof v === 'string',
      );
      if (candidates.length === 0) return null;
      return new Date(candidates.sort().at(-1) ?? candidates[0] ?? '');
    },
  };
}

export type UpdateRepository = ReturnType<typeof createUpdateRepository>;
