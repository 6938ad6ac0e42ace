// Who may do what, in one table. Every service method asks here on its first line.
import { errors } from '../platform/platform.errors.js';

export const ROLES = ['admin', 'editor', 'reporter', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly kind: 'anonymous' | 'token' | 'user';
  readonly id: number | null;
  readonly name: string;
  readonly role: Role | null;
}

export const anonymousActor: Actor = { kind: 'anonymous', id: null, name: '', role: null };

export type Action =
  | 'newsroom.enter'
  | 'liveblog.create'
  | 'liveblog.edit'
  | 'draft.write'
  | 'draft.review'
  | 'update.publish'
  | 'update.edit'
  | 'update.delete'
  | 'user.manage'
  | 'audit.read'
  | 'token.manage'
  | 'comment.moderate'
  | 'wire.read'
  | 'wire.ingest';

/**
 * The whole matrix. Reporters write drafts and submit them; editors publish, edit anyone's
 * updates and run pages; admins also manage people. Moderators (comments) only enter.
 */
const allowed: Record<Action, readonly Role[]> = {
  'newsroom.enter': ['admin', 'editor', 'reporter', 'moderator'],
  'liveblog.create': ['admin', 'editor'],
  'liveblog.edit': ['admin', 'editor'],
  'draft.write': ['admin', 'editor', 'reporter'],
  'draft.review': ['admin', 'editor'],
  'update.publish': ['admin', 'editor'],
  'update.edit': ['admin', 'editor'],
  'update.delete': ['admin', 'editor'],
  'user.manage': ['admin'],
  'audit.read': ['admin'],
  'token.manage': ['admin'],
  'comment.moderate': ['admin', 'editor', 'moderator'],
  // The wire desk: reporters read the inbox and draft from it; agency feeds use editor tokens.
  'wire.read': ['admin', 'editor', 'reporter'],
  'wire.ingest': ['admin', 'editor'],
};

export function can(actor: Actor, action: Action): boolean {
  return actor.role !== null && allowed[action].includes(actor.role);
}

/** Throws 401 for an anonymous actor and 403 for one whose role does not allow the action. */
export function assertCan(actor: Actor, action: Action): void {
  if (actor.kind === 'anonymous' || actor.role === null) throw errors.unauthorized();
  if (!can(actor, action)) throw errors.forbidden();
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
