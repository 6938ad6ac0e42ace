// What every part of the update service shares: its collaborators (given by buildApp), the
// lookups every method starts with, and the one write step every change goes through —
// change, index, revision, audit and live events in one transaction, then the doorbell.
import { errors, things } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import type { Actor } from '../access/access.policy.js';
import { audit, type AuditEntry } from '../access/access.audit.js';
import type { Db } from '../storage/storage.database.js';
import type { Bus } from '../realtime/realtime.bus.js';
import { commitWithEvents, withSeq, type EventDraft } from '../realtime/realtime.record.js';
import { deskEventOfAudit } from '../realtime/realtime.staff.record.js';
import type { MediaResolver } from '../media/media.resolver.js';
import type { DateStyle } from '../lib/time.format.js';
import type { PageChanged } from '../platform/platform.cache.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { liveblogBySlugOr404 } from '../liveblog/liveblog.lookup.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import { createUpdateRepository } from './update.repository.js';
import { isVisible, type PublishedUpdate, type Update } from './update.types.js';
import { presentUpdateEvent, renderContext } from './update.presenter.js';
import type { UpdateContext } from './update.view.js';
import { who } from './update.input.js';

/** Keeps the search index in step with updates, inside the writing transaction. */
export interface UpdateIndexer {
  indexUpdate(trx: Db, update: Update, liveblog: Liveblog): Promise<void>;
  removeUpdate(trx: Db, updateId: number): Promise<void>;
}

/**
 * Asked before an update goes live (inside the publishing transaction) and before it is
 * scheduled: throws when it may not be published at `at` (the wire desk's embargo).
 */
export type PublishGate = (db: Db, update: Update, at: Date) => Promise<void>;

export interface UpdateServiceDeps extends BaseDeps {
  readonly bus: Bus;
  readonly media: MediaResolver;
  readonly indexer: UpdateIndexer;
  /** The site's date style, for pages that do not set their own. */
  readonly siteDateStyle: () => Promise<DateStyle>;
  /** The address readers use, for absolute links in rendered updates (sharing). */
  readonly publicUrl?: string;
  /** Told after a change readers can see commits (shared caches purge what showed it). */
  readonly pageChanged?: PageChanged;
  readonly publishGate?: PublishGate;
}

export interface UpdateResult {
  readonly update: Update;
  readonly liveblog: Liveblog;
}

/** One change to one update, as the write step runs it. */
export interface UpdateWrite<U extends Update> {
  readonly actor: Actor;
  readonly liveblog: Liveblog;
  /** The change itself; the transaction's first statement, so it must write. */
  readonly change: (trx: Db, now: Date) => Promise<U>;
  readonly index?: 'update' | 'remove';
  readonly revision?: { readonly action: string; readonly note?: string | null };
  readonly audit?: (update: U) => AuditEntry;
  /** The live events; `context` is drawn before the transaction (it reads the site's settings). */
  readonly events?: (
    trx: Db,
    update: U,
    now: Date,
    context: UpdateContext,
  ) => Promise<EventDraft[]>;
}

export type UpdateCore = ReturnType<typeof createUpdateCore>;

export function createUpdateCore(deps: UpdateServiceDeps) {
  const { db, bus, clock, indexer, publicUrl = '' } = deps;
  const updates = createUpdateRepository();
  const liveblogs = createLiveblogRepository();

  async function visibleUpdate(liveblog: Liveblog, id: number): Promise<PublishedUpdate> {
    const update = await updates.findById(db, liveblog.id, id);
    if (!update || !isVisible(update)) throw errors.notFound(things.update);
    return update;
  }

  /** How this page's updates are drawn now (its date style, or the site's). */
  async function contextFor(liveblog: Liveblog, now: Date): Promise<UpdateContext> {
    const style = liveblog.dateStyle ?? (await deps.siteDateStyle());
    return renderContext(liveblog, now, publicUrl, style);
  }

  function liveDraft(
    update: PublishedUpdate,
    context: UpdateContext,
    type: EventDraft['type'],
  ): EventDraft {
    return { type, updateId: update.id, data: () => presentUpdateEvent(update, context) };
  }

  /** Unpins every other update of the page and returns the events that say so. */
  async function unpinOthers(trx: Db, update: PublishedUpdate, now: Date): Promise<EventDraft[]> {
    const ids = await updates.unpinOthers(trx, update.liveblogId, update.id, now);
    return ids.map((id) => ({ type: 'update.unpinned', updateId: id, data: () => ({ id }) }));
  }

  /** The one write step: every change to an update goes through here. */
  async function write<U extends Update>(
    spec: UpdateWrite<U>,
  ): Promise<UpdateResult & { update: U }> {
    const now = clock.now();
    const context = spec.events ? await contextFor(spec.liveblog, now) : undefined;
    let touched: readonly EventDraft[] = [];
    const { result, page } = await commitWithEvents(db, bus, now, async (trx) => {
      const update = await spec.change(trx, now);
      if (spec.index === 'update') await indexer.indexUpdate(trx, update, spec.liveblog);
      if (spec.index === 'remove') await indexer.removeUpdate(trx, update.id);
      if (spec.revision) {
        const { action, note = null } = spec.revision;
        await updates.recordRevision(trx, update, who(spec.actor), action, note, now);
      }
      const entry = spec.audit?.(update);
      if (entry) await audit(trx, spec.actor, entry, now);
      const events = spec.events && context ? await spec.events(trx, update, now, context) : [];
      touched = events;
      // Every audited change is also a desk event for the staff's live desk.
      const desk = entry
        ? deskEventOfAudit(entry.action, spec.actor, spec.liveblog, update)
        : undefined;
      return { result: update, liveblogId: spec.liveblog.id, events, desk: desk ? [desk] : [] };
    });
    if (page) {
      const updateIds = touched.flatMap((event) =>
        event.updateId === null ? [] : [event.updateId],
      );
      deps.pageChanged?.({ liveblogId: spec.liveblog.id, slug: spec.liveblog.slug, updateIds });
    }
    return { update: result, liveblog: withSeq(spec.liveblog, page) };
  }

  return {
    ...deps,
    publicUrl,
    updates,
    liveblogs,
    liveblogBySlug: (slug: string) => liveblogBySlugOr404(db, slug),
    visibleUpdate,
    contextFor,
    liveDraft,
    unpinOthers,
    write,
  };
}
