// All SQL about the audit log: one row per recorded action, read back newest first.
import type { Db } from '../storage/storage.database.js';
import type { AuditLogRow } from '../storage/storage.schema.js';

export interface NewAuditRecord {
  readonly at: Date;
  readonly actor: { readonly kind: string; readonly id: number | null; readonly name: string };
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  /** Already JSON, or null when there is nothing to keep. */
  readonly before: string | null;
  readonly after: string | null;
}

export function createAuditRepository() {
  return {
    async insert(db: Db, record: NewAuditRecord): Promise<void> {
      await db
        .insertInto('auditLog')
        .values({
          at: record.at.toISOString(),
          actorKind: record.actor.kind,
          actorId: record.actor.id,
          actorName: record.actor.name,
          action: record.action,
          targetType: record.targetType,
          targetId: record.targetId,
          before: record.before,
          after: record.after,
        })
        .execute();
    },

    async recent(db: Db, limit: number): Promise<AuditLogRow[]> {
      return db.selectFrom('auditLog').selectAll().orderBy('id', 'desc').limit(limit).execute();
    },
  };
}
