// Publishing: now, at a set time, by the scheduler; editing, pinning and deleting what is live.
// Every method checks access on its first line and writes through the core's one write step.
import { AppError, errors, things } from '../platform/platform.errors.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { blocksHaveText, type Block } from '../blocks/blocks.schema.js';
import type { EventDraft } from '../realtime/realtime.record.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { CreateUpdateBody, PatchUpdateBody } from './update.schema.js';
import { isVisible, type PublishedUpdate, type Update } from './update.types.js';
import type { UpdateCore, UpdateResult, UpdateWrite } from './update.core.js';
import { bodyOf, newUpdateFields, noText, snapshot } from './update.input.js';
import { editPlan } from './update.edit.js';
import { checkIfMatch } from './update.version.js';
import { retractedStays } from './update.verification.js';

/** Who publishes a scheduled update when its time comes. */
const SCHEDULER: Actor = { kind: 'user', id: null, name: 'scheduler', role: 'editor' };

export interface PublishOptions {
  /** Back-dating for imports and the demo; the API does not expose it. */
  readonly publishedAt?: Date;
}

function mustBeVisible(update: Update): PublishedUpdate {
  if (!isVisible(update)) throw new Error('a published update must be visible');
  return update;
}

/**
 * What every publication does, whoever publishes (now, from a draft, or the scheduler): index
 * it, record the revision and the audit row, and send its live events.
 */
export function goingLive(
  core: UpdateCore,
  by: Actor,
  liveblog: Liveblog,
  change: UpdateWrite<PublishedUpdate>['change'],
): UpdateWrite<PublishedUpdate> {
  return {
    actor: by,
    liveblog,
    change: async (trx, now) => {
      const update = await change(trx, now);
      await core.publishGate?.(trx, update, now);
      return update;
    },
    index: 'update',
    revision: { action: 'publish' },
    audit: (update) => ({
      action: 'update.publish',
      targetType: 'update',
      targetId: update.id,
      after: snapshot(update),
    }),
    events: async (trx, update, now, context) => {
      const drafts: EventDraft[] = [core.liveDraft(update, context, 'update.published')];
      if (update.pinned) drafts.push(...(await core.unpinOthers(trx, update, now)));
      return drafts;
    },
  };
}

export function publishingOps(core: UpdateCore) {
  const { updates, media, clock, db } = core;

  /** Scheduled: stored now, published by publishDue when its time comes. */
  async function schedule(
    actor: Actor,
    liveblog: Liveblog,
    input: CreateUpdateBody,
    blocks: Block[],
    at: Date,
  ): Promise<UpdateResult> {
    assertCan(actor, 'update.publish');
    return core.write({
      actor,
      liveblog,
      change: (trx, now) =>
        updates.insert(
          trx,
          {
            ...newUpdateFields(actor, liveblog, input, blocks),
            status: 'scheduled',
            publishedAt: null,
            scheduledAt: at,
          },
          now,
        ),
      revision: { action: 'schedule' },
      audit: (created) => ({
        action: 'update.schedule',
        targetType: 'update',
        targetId: created.id,
        after: { ...snapshot(created), at: at.toISOString() },
      }),
    });
  }

  return {
    async publish(
      actor: Actor,
      slug: string,
      input: CreateUpdateBody,
      options: PublishOptions = {},
    ): Promise<UpdateResult> {
      assertCan(actor, 'update.publish');
      const given = bodyOf(input);
      const blocks = given === undefined ? undefined : await media.resolve(given);
      if (blocks === undefined || !blocksHaveText(blocks)) throw noText();
      const liveblog = await core.liveblogBySlug(slug);
      const now = clock.now();
      const scheduleAt = input.publishAt === undefined ? undefined : new Date(input.publishAt);
      if (scheduleAt !== undefined && scheduleAt.getTime() > now.getTime()) {
        return schedule(actor, liveblog, input, blocks, scheduleAt);
      }
      const publishedAt = options.publishedAt ?? now;
      const fields = newUpdateFields(actor, liveblog, input, blocks);
      return core.write(
        goingLive(core, actor, liveblog, async (trx, at) =>
          mustBeVisible(
            await updates.insert(trx, { ...fields, status: 'published', publishedAt }, at),
          ),
        ),
      );
    },

    schedule,

    async edit(
      actor: Actor,
      slug: string,
      id: number,
      patch: PatchUpdateBody,
      ifMatch?: string,
    ): Promise<UpdateResult> {
      assertCan(actor, 'update.edit');
      const liveblog = await core.liveblogBySlug(slug);
      const current = await core.visibleUpdate(liveblog, id);
      const guarded = checkIfMatch(ifMatch, current);
      const plan = await editPlan(core, liveblog, current, patch);
      if (plan === undefined) return { update: current, liveblog };
      return core.write({
        actor,
        liveblog,
        change: async (trx, now) => {
          const changes = plan.changesAt(now);
          const changed = guarded
            ? await updates.changeIfUnchanged(trx, current, changes, now)
            : await updates.change(trx, current.id, changes, now);
          // Another writer got there first: the transaction ends here and nothing is written.
          if (changed === undefined) throw errors.preconditionFailed();
          const update = plan.correction
            ? await updates.appendCorrection(trx, changed, plan.correction, now)
            : changed;
          if (!isVisible(update)) throw errors.notFound(things.update);
          return update;
        },
        index: 'update',
        revision: plan.revision,
        audit: (update) => ({
          action: 'update.edit',
          targetType: 'update',
          targetId: update.id,
          before: snapshot(current),
          after: snapshot(update),
        }),
        events: (trx, update, now, context) => plan.events(trx, update, now, context),
      });
    },

    async remove(actor: Actor, slug: string, id: number, ifMatch?: string): Promise<void> {
      assertCan(actor, 'update.delete');
      const liveblog = await core.liveblogBySlug(slug);
      const current = await core.visibleUpdate(liveblog, id);
      // Never silently deleted: a retraction stays on the record, struck through.
      if (current.verification === 'retracted') throw retractedStays();
      const guarded = checkIfMatch(ifMatch, current);
      await core.write({
        actor,
        liveblog,
        change: async (trx, now) => {
          const deleted = await updates.softDelete(
            trx,
            current.id,
            now,
            guarded ? current : undefined,
          );
          if (!deleted) throw errors.preconditionFailed();
          return current;
        },
        index: 'remove',
        audit: () => ({
          action: 'update.delete',
          targetType: 'update',
          targetId: current.id,
          before: snapshot(current),
        }),
        events: () =>
          Promise.resolve([
            { type: 'update.deleted', updateId: current.id, data: () => ({ id: current.id }) },
          ]),
      });
    },

    /** Publishes every scheduled update whose time has come; safe to run on every node at once. */
    async publishDue(): Promise<number> {
      let published = 0;
      for (const due of await updates.dueScheduled(db, clock.now(), 50)) {
        const liveblog = await core.liveblogs.findById(db, due.liveblogId);
        if (!liveblog) continue;
        const done = await core
          .write(
            goingLive(core, SCHEDULER, liveblog, async (trx, now) => {
              // Only the node whose update flips the status records the events.
              const claimed = await updates.claimScheduled(trx, due, now);
              if (!claimed) throw new NotClaimed();
              return mustBeVisible(claimed);
            }),
          )
          .catch((error: unknown) => {
            if (error instanceof NotClaimed) return undefined;
            // Refused for a reason of its own (the publish gate: an embargo moved later): this
            // one waits for a later round, the others still go out.
            if (error instanceof AppError) return undefined;
            throw error;
          });
        if (done) published++;
      }
      return published;
    },
  };
}

/** Another node published this scheduled update first: nothing to do, nothing written. */
class NotClaimed extends Error {}
