// All SQL about site settings: one text value per key.
import type { Db } from '../storage/storage.database.js';

export function createSettingsRepository() {
  return {
    async get(db: Db, key: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.value;
    },

    async put(db: Db, key: string, value: string): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
  };
}
