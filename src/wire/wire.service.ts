// The wire desk: agency items in (the API and the drop folder), the inbox, drafts made from an
// item through the update service (the agency as the source), and the ninjs export of what we
// publish. Every method that acts for someone checks access on its first line.
import { AppError, errors, things } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { MAX_TEXT_LENGTH } from '../blocks/blocks.schema.js';
import type { UpdateService, UpdateResult } from '../update/update.service.js';
import type { LiveblogService } from '../liveblog/liveblog.service.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { isVisible, type PublishedUpdate } from '../update/update.types.js';
import { createWireRepository, isNewer } from './wire.repository.js';
import { parseNewsml } from './wire.newsml.js';
import { parseNinjs } from './wire.ninjs.js';
import type { RefusedFile } from './wire.watch.js';
import { wireErrors } from './wire.messages.js';
import {
  WireParseError,
  type IngestOutcome,
  type ParsedWireItem,
  type WireFormat,
  type WireItem,
} from './wire.types.js';

export interface WireServiceDeps extends BaseDeps {
  readonly updates: Pick<UpdateService, 'createDraft' | 'deleteDraft' | 'get' | 'list'>;
  readonly liveblogs: Pick<LiveblogService, 'get' | 'frontPage'>;
  /** The drop folder's refusals (wire.watch.ts), when a drop folder is set. */
  readonly refused?: () => Promise<RefusedFile[]>;
}

/** An item as the inbox shows it: its flags worked out at the time of asking. */
export interface WireEntry {
  readonly item: WireItem;
  readonly embargoed: boolean;
  readonly expired: boolean;
  readonly drafts: number;
}

export interface IngestResult {
  readonly outcome: IngestOutcome;
  readonly entry: WireEntry;
}

/** Who stores the files of the drop folder. */
export const DROP_FOLDER_ACTOR: Actor = {
  kind: 'user',
  id: null,
  name: 'wire drop folder',
  role: 'editor',
};

const unreadable = (error: WireParseError) =>
  new AppError(422, 'wire_unreadable', wireErrors.unreadable, [
    { field: error.field, message: error.message },
  ]);

function parse(format: WireFormat, text: string, now: Date): ParsedWireItem[] {
  try {
    return format === 'newsml' ? parseNewsml(text) : parseNinjs(text, now);
  } catch (error) {
    if (error instanceof WireParseError) throw unreadable(error);
    throw error;
  }
}

/** What a draft takes from the item: headline, text, and the agency with its link as source. */
function draftInput(item: WireItem) {
  const agency = item.agency.slice(0, 120);
  const link = item.link !== null && item.link.length <= 2000 ? item.link : undefined;
  return {
    headline: item.headline === '' ? null : item.headline.slice(0, 300),
    text: item.body.slice(0, MAX_TEXT_LENGTH),
    sources: [{ name: agency, kind: 'wire' as const, ...(link !== undefined && { url: link }) }],
  };
}

export function createWireService(deps: WireServiceDeps) {
  const { db, clock, updates, liveblogs, refused } = deps;
  const wire = createWireRepository();

  function entryOf(item: WireItem, drafts: number, now: Date): WireEntry {
    const at = now.getTime();
    return {
      item,
      embargoed: item.embargoUntil !== null && at < item.embargoUntil.getTime(),
      expired: item.expiresAt !== null && at >= item.expiresAt.getTime(),
      drafts,
    };
  }

  async function entries(items: WireItem[]): Promise<WireEntry[]> {
    const counts = await wire.draftCounts(
      db,
      items.map((item) => item.id),
    );
    const now = clock.now();
    return items.map((item) => entryOf(item, counts.get(item.id) ?? 0, now));
  }

  async function found(id: number): Promise<WireItem> {
    const item = await wire.findById(db, id);
    if (!item) throw errors.notFound(wireErrors.item);
    return item;
  }

  /** One version: stored unless a newer (or the same) version of its id is already kept. */
  async function store(parsed: ParsedWireItem, now: Date): Promise<IngestResult> {
    const { before, after } = await db.transaction().execute(async (trx) => {
      const kept = await wire.findByGuid(trx, parsed.guid);
      await wire.storeVersion(trx, parsed, now);
      return { before: kept, after: await wire.findByGuid(trx, parsed.guid) };
    });
    if (!after) throw new Error('a stored wire item must be found again');
    const outcome: IngestOutcome =
      before === undefined ? 'added' : isNewer(parsed, before) ? 'replaced' : 'kept';
    const [entry] = await entries([after]);
    if (!entry) throw new Error('an entry for every item');
    return { outcome, entry };
  }

  return {
    /** Agency items in: every item of the document, each stored or kept out by its version. */
    async ingest(actor: Actor, format: WireFormat, text: string): Promise<IngestResult[]> {
      assertCan(actor, 'wire.ingest');
      const now = clock.now();
      const items = parse(format, text, now);
      const results: IngestResult[] = [];
      for (const item of items) results.push(await store(item, now));
      return results;
    },

    /** The inbox, newest first; one entry per item id. */
    async inbox(
      actor: Actor,
      query: { language?: string | undefined; limit?: number },
    ): Promise<WireEntry[]> {
      assertCan(actor, 'wire.read');
      return entries(await wire.list(db, { language: query.language, limit: query.limit ?? 50 }));
    },

    /** The inbox page: the entries, the live pages a draft can go to, the refused files. */
    async desk(actor: Actor, language: string | undefined) {
      assertCan(actor, 'wire.read');
      const [list, pages, refusedFiles] = await Promise.all([
        wire.list(db, { language, limit: 100 }),
        liveblogs.frontPage(200),
        refused ? refused() : Promise.resolve([]),
      ]);
      return { entries: await entries(list), pages, refused: refusedFiles };
    },

    async item(actor: Actor, id: number): Promise<WireEntry> {
      assertCan(actor, 'wire.read');
      const [entry] = await entries([await found(id)]);
      if (!entry) throw new Error('an entry for every item');
      return entry;
    },

    /**
     * A draft on the live page from the item, the agency as its source with the item's link. The
     * draft is tied to the item, so the item's embargo holds it back until its time.
     */
    async draftFrom(
      actor: Actor,
      id: number,
      slug: string,
    ): Promise<UpdateResult & { entry: WireEntry }> {
      assertCan(actor, 'wire.read');
      const item = await found(id);
      if (item.pubStatus === 'canceled')
        throw errors.conflict('wire_canceled', wireErrors.canceled);
      const draft = await updates.createDraft(actor, slug, draftInput(item));
      try {
        await wire.recordDraft(db, draft.update.id, item.id, clock.now());
      } catch (error) {
        // Without the tie the embargo could not hold the draft: it goes too.
        await updates.deleteDraft(actor, slug, draft.update.id);
        throw error;
      }
      const [entry] = await entries([item]);
      if (!entry) throw new Error('an entry for every item');
      return { ...draft, entry };
    },

    /** Public: one published update, for its ninjs export. */
    async publishedUpdate(
      slug: string,
      id: number,
    ): Promise<{ liveblog: Liveblog; update: PublishedUpdate }> {
      const { liveblog, update } = await updates.get(slug, id);
      if (!isVisible(update)) throw errors.notFound(things.update);
      return { liveblog, update };
    },

    /** Public: a live page and its newest published updates, for its ninjs export. */
    async publishedPage(
      slug: string,
      limit: number,
    ): Promise<{ liveblog: Liveblog; updates: PublishedUpdate[] }> {
      const { liveblog } = await liveblogs.get(slug);
      const page = await updates.list(slug, undefined, limit);
      return { liveblog, updates: page.updates };
    },
  };
}

export type WireService = ReturnType<typeof createWireService>;
