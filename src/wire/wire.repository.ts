// All SQL of the wire desk (tables `wire_items` and `wire_drafts`, migration 0018). One row per
// item id: a newer version overwrites it in one statement, an older one leaves it untouched.
import { sql } from 'kysely';
import type { Db } from '../storage/storage.database.js';
import type { Selectable } from 'kysely';
import type { WireItemTable } from '../storage/storage.schema.js';
import type { ParsedWireItem, PubStatus, WireFormat, WireItem } from './wire.types.js';

type WireItemRow = Selectable<WireItemTable>;

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

function toItem(row: WireItemRow): WireItem {
  return {
    id: row.id,
    guid: row.guid,
    version: row.version,
    versionCreated: new Date(row.versionCreated),
    format: row.format as WireFormat,
    agency: row.agency,
    language: row.language,
    headline: row.headline,
    body: row.body,
    link: row.link,
    embargoUntil: dateOrNull(row.embargoUntil),
    expiresAt: dateOrNull(row.expiresAt),
    pubStatus: row.pubStatus as PubStatus,
    urgency: row.urgency,
    original: row.original,
    receivedAt: new Date(row.receivedAt),
    updatedAt: new Date(row.updatedAt),
  };
}

/** The columns one version writes (the first arrival's time is kept on a replacement). */
function versionColumns(item: ParsedWireItem, now: Date) {
  return {
    version: item.version,
    versionCreated: item.versionCreated.toISOString(),
    format: item.format,
    agency: item.agency,
    language: item.language,
    headline: item.headline,
    body: item.body,
    link: item.link,
    embargoUntil: item.embargoUntil?.toISOString() ?? null,
    expiresAt: item.expiresAt?.toISOString() ?? null,
    pubStatus: item.pubStatus,
    urgency: item.urgency,
    original: item.original,
    updatedAt: now.toISOString(),
  };
}

/** Whether version a comes after version b: a higher number, or the same one created later. */
export function isNewer(
  a: Pick<ParsedWireItem, 'version' | 'versionCreated'>,
  b: Pick<ParsedWireItem, 'version' | 'versionCreated'>,
): boolean {
  if (a.version !== b.version) return a.version > b.version;
  return a.versionCreated.getTime() > b.versionCreated.getTime();
}

export function createWireRepository() {
  return {
    async findByGuid(db: Db, guid: string): Promise<WireItem | undefined> {
      const row = await db
        .selectFrom('wireItems')
        .selectAll()
        .where('guid', '=', guid)
        .executeTakeFirst();
      return row && toItem(row);
    },

    async findById(db: Db, id: number): Promise<WireItem | undefined> {
      const row = await db
        .selectFrom('wireItems')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toItem(row);
    },

    /**
     * Stores the version unless the row already holds a newer one (or this same one): the
     * condition sits in the statement, so two versions arriving at once cannot both win.
     */
    async storeVersion(db: Db, item: ParsedWireItem, now: Date): Promise<void> {
      const columns = versionColumns(item, now);
      await db
        .insertInto('wireItems')
        .values({ guid: item.guid, receivedAt: now.toISOString(), ...columns })
        .onConflict((conflict) =>
          conflict
            .column('guid')
            .doUpdateSet(columns)
            .where(
              sql<boolean>`wire_items.version < ${columns.version} or (wire_items.version = ${columns.version} and wire_items.version_created < ${columns.versionCreated})`,
            ),
        )
        .execute();
    },

    /** The inbox, newest version first. */
    async list(
      db: Db,
      { language, limit }: { language?: string | undefined; limit: number },
    ): Promise<WireItem[]> {
      let query = db.selectFrom('wireItems').selectAll();
      if (language !== undefined) query = query.where('language', '=', language);
      const rows = await query
        .orderBy('versionCreated', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toItem);
    },

    async recordDraft(db: Db, updateId: number, wireItemId: number, now: Date): Promise<void> {
      await db
        .insertInto('wireDrafts')
        .values({ updateId, wireItemId, createdAt: now.toISOString() })
        .execute();
    },

    /** The embargo of the wire item an update was drafted from (null: none, or not from the wire). */
    async embargoOfUpdate(db: Db, updateId: number): Promise<Date | null> {
      const row = await db
        .selectFrom('wireDrafts')
        .innerJoin('wireItems', 'wireItems.id', 'wireDrafts.wireItemId')
        .select('wireItems.embargoUntil')
        .where('wireDrafts.updateId', '=', updateId)
        .executeTakeFirst();
      return dateOrNull(row?.embargoUntil ?? null);
    },

    /** How many drafts were made from each of the items. */
    async draftCounts(db: Db, wireItemIds: readonly number[]): Promise<Map<number, number>> {
      if (wireItemIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('wireDrafts')
        .select(['wireItemId', (eb) => eb.fn.countAll<number | string>().as('count')])
        .where('wireItemId', 'in', [...wireItemIds])
        .groupBy('wireItemId')
        .execute();
      return new Map(rows.map((row) => [row.wireItemId, Number(row.count)]));
    },
  };
}

export type WireRepository = ReturnType<typeof createWireRepository>;
