// Trust on every update: its verification state (null until an editor sets one), when that
// last changed and the public note that goes with it, and its corrections ledger — a JSON
// array of {at, note, revision} that only ever grows.
import { sql, type Kysely, type Migration } from 'kysely';

export function verificationMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('updates').addColumn('verification', 'text').execute();
      await db.schema.alterTable('updates').addColumn('verification_at', 'text').execute();
      await db.schema.alterTable('updates').addColumn('verification_note', 'text').execute();
      await db.schema
        .alterTable('updates')
        .addColumn('corrections', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const column of ['corrections', 'verification_note', 'verification_at', 'verification'])
        await db.schema.alterTable('updates').dropColumn(column).execute();
    },
  };
}
