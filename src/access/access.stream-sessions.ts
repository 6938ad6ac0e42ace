// For the staff stream: which of the sessions behind open streams still stand, for the same
// person and role. The stream's hub asks every few seconds, repairing a lost "end" message.
import type { Clock } from '../platform/platform.clock.js';
import type { Db } from '../storage/storage.database.js';
import type { Role } from './access.policy.js';
import { createUserRepository } from './access.repository.js';

export interface StreamHolder {
  readonly sessionHash: string;
  readonly userId: number;
  readonly role: Role;
}

export function createStreamSessionCheck(db: Db, clock: Clock) {
  const users = createUserRepository();
  return async (holders: readonly StreamHolder[]): Promise<ReadonlySet<string>> => {
    const valid = new Set<string>();
    const now = clock.now().getTime();
    const unique = new Map(holders.map((holder) => [holder.sessionHash, holder]));
    for (const [hash, holder] of unique) {
      const record = await users.session(db, hash);
      if (
        record?.user.disabledAt === null &&
        record.expiresAt.getTime() > now &&
        record.user.id === holder.userId &&
        record.user.role === holder.role
      )
        valid.add(hash);
    }
    return valid;
  };
}
