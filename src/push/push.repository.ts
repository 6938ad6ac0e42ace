// All SQL of Web Push: subscriptions, the stored VAPID keys, each page's cursor over its events
// and the record of pushes sent. Returns domain objects, never rows.
import type { Db } from '../storage/storage.database.js';
import type { BreakingUpdate, StoredSubscription, VapidKeys } from './push.types.js';

export function createPushRepository() {
  return {
    /** Adds the subscription to the page, or refreshes its keys if the browser sent it before. */
    async saveSubscription(
      db: Db,
      liveblogId: number,
      subscription: { endpoint: string; p256dh: string; auth: string },
      now: Date,
    ): Promise<void> {
      await db
        .insertInto('pushSubscriptions')
        .values({ liveblogId, ...subscription, createdAt: now.toISOString() })
        .onConflict((oc) =>
          oc.columns(['liveblogId', 'endpoint']).doUpdateSet({
            p256dh: subscription.p256dh,
            auth: subscription.auth,
          }),
        )
        .execute();
    },

    /** Removes one page's row (liveblogId given) or every row of the endpoint; how many remain. */
    async removeSubscription(
      db: Db,
      endpoint: string,
      liveblogId: number | undefined,
    ): Promise<number> {
      let query = db.deleteFrom('pushSubscriptions').where('endpoint', '=', endpoint);
      if (liveblogId !== undefined) query = query.where('liveblogId', '=', liveblogId);
      await query.execute();
      const row = await db
        .selectFrom('pushSubscriptions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('endpoint', '=', endpoint)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async removeById(db: Db, id: number): Promise<void> {
      await db.deleteFrom('pushSubscriptions').where('id', '=', id).execute();
    },

    async subscriptionsOf(db: Db, liveblogId: number): Promise<StoredSubscription[]> {
      return db
        .selectFrom('pushSubscriptions')
        .select(['id', 'endpoint', 'p256dh', 'auth'])
        .where('liveblogId', '=', liveblogId)
        .orderBy('id')
        .execute();
    },

    async storedKeys(db: Db): Promise<VapidKeys | undefined> {
      return db
        .selectFrom('pushKeys')
        .select(['publicKey', 'privateKey'])
        .where('id', '=', 1)
        .executeTakeFirst();
    },

    /** Stores the pair unless another node stored one first; either way answers the stored one. */
    async storeKeysOnce(db: Db, keys: VapidKeys, now: Date): Promise<VapidKeys> {
      await db
        .insertInto('pushKeys')
        .values({ id: 1, ...keys, createdAt: now.toISOString() })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      const stored = await this.storedKeys(db);
      if (!stored) throw new Error('push keys were not stored');
      return stored;
    },

    /** The first follower of a page starts its cursor at the page's newest event: no backlog. */
    async startCursor(db: Db, liveblogId: number, now: Date): Promise<void> {
      const page = await db
        .selectFrom('liveblogs')
        .select('lastSeq')
        .where('id', '=', liveblogId)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('pushCursors')
        .values({ liveblogId, seq: page.lastSeq, movedAt: now.toISOString() })
        .onConflict((oc) => oc.column('liveblogId').doNothing())
        .execute();
    },

    /** Pages whose events have gone past their cursor: [liveblogId, cursor, newest seq]. */
    async behind(db: Db): Promise<{ liveblogId: number; seq: number; lastSeq: number }[]> {
      return db
        .selectFrom('pushCursors')
        .innerJoin('liveblogs', 'liveblogs.id', 'pushCursors.liveblogId')
        .select(['pushCursors.liveblogId', 'pushCursors.seq', 'liveblogs.lastSeq'])
        .whereRef('liveblogs.lastSeq', '>', 'pushCursors.seq')
        .execute();
    },

    async cursorOf(
      db: Db,
      liveblogId: number,
    ): Promise<{ seq: number; lastSeq: number } | undefined> {
      return db
        .selectFrom('pushCursors')
        .innerJoin('liveblogs', 'liveblogs.id', 'pushCursors.liveblogId')
        .select(['pushCursors.seq', 'liveblogs.lastSeq'])
        .where('pushCursors.liveblogId', '=', liveblogId)
        .executeTakeFirst();
    },

    /**
     * The claim: moves the cursor from `from` to `to` only if it still stands at `from`. True for
     * exactly one caller however many nodes try at once; the events (from, to] are then theirs.
     */
    async claim(db: Db, liveblogId: number, from: number, to: number, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('pushCursors')
        .set({ seq: to, movedAt: now.toISOString() })
        .where('liveblogId', '=', liveblogId)
        .where('seq', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Breaking updates first published by the events (from, to], still published, not stale. */
    async breakingIn(
      db: Db,
      liveblogId: number,
      from: number,
      to: number,
      notBefore: Date,
    ): Promise<BreakingUpdate[]> {
      const rows = await db
        .selectFrom('events')
        .innerJoin('updates', 'updates.id', 'events.updateId')
        .select([
          'events.seq',
          'updates.id',
          'updates.headline',
          'updates.body',
          'updates.publishedAt',
        ])
        .where('events.liveblogId', '=', liveblogId)
        .where('events.seq', '>', from)
        .where('events.seq', '<=', to)
        .where('events.type', '=', 'update.published')
        .where('events.createdAt', '>=', notBefore.toISOString())
        .where('updates.breaking', '=', 1)
        .where('updates.status', '=', 'published')
        .where('updates.deletedAt', 'is', null)
        .orderBy('events.seq')
        .execute();
      return rows.map((row) => ({
        seq: row.seq,
        updateId: row.id,
        headline: row.headline,
        body: row.body,
      }));
    },

    /** The sent marker: true if this call recorded the update's push (it was not sent before). */
    async markSending(
      db: Db,
      update: { updateId: number; seq: number },
      liveblogId: number,
      now: Date,
    ): Promise<boolean> {
      const result = await db
        .insertInto('pushSends')
        .values({
          updateId: update.updateId,
          liveblogId,
          seq: update.seq,
          startedAt: now.toISOString(),
          finishedAt: null,
        })
        .onConflict((oc) => oc.column('updateId').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async markSent(
      db: Db,
      updateId: number,
      tally: { delivered: number; failed: number; removed: number },
      now: Date,
    ): Promise<void> {
      await db
        .updateTable('pushSends')
        .set({ ...tally, finishedAt: now.toISOString() })
        .where('updateId', '=', updateId)
        .execute();
    },

    async sendOf(db: Db, updateId: number) {
      return db
        .selectFrom('pushSends')
        .select(['delivered', 'failed', 'removed', 'finishedAt'])
        .where('updateId', '=', updateId)
        .executeTakeFirst();
    },
  };
}

export type PushRepository = ReturnType<typeof createPushRepository>;
