// The audit log: who did what, written inside the transaction of the action it records.
import type { Db } from '../storage/storage.database.js';
import type { AuditLogRow } from '../storage/storage.schema.js';
import { assertCan, type Actor } from './access.policy.js';
import { createAuditRepository } from './access.audit.repository.js';

const repository = createAuditRepository();

export interface AuditEntry {
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | number | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Writes one audit row; call it inside the transaction of the action it records. */
export async function audit(
  db: Db,
  actor: { kind: string; id: number | null; name: string },
  entry: AuditEntry,
  now: Date,
): Promise<void> {
  await repository.insert(db, {
    at: now,
    actor,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === null ? null : String(entry.targetId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}

export async function auditLog(db: Db, limit: number): Promise<AuditLogRow[]> {
  return repository.recent(db, limit);
}

export type AuditRow = AuditLogRow;

/** Reading the log: admins only. */
export function createAuditService({ db }: { readonly db: Db }) {
  return {
    async recent(actor: Actor, limit = 300): Promise<AuditRow[]> {
      assertCan(actor, 'audit.read');
      return auditLog(db, limit);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
