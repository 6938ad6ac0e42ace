// Who may do what, in one table. Every service method asks here on its first line.
import { errors } from '../platform/platform.errors.js';

export const ROLES = ['admin', 'editor', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly kind: 'anonymous' | 'token' | 'user';
  readonly id: number | null;
  readonly name: string;
  readonly role: Role | null;
}

export const anonymousActor: Actor = { kind: 'anonymous', id: null, name: '', role: null };

export type Action =
  | 'liveblog.create'
  | 'liveblog.edit'
  | 'update.publish'
  | 'update.edit'
  | 'update.delete'
  | 'token.manage';

const allowed: Record<Action, readonly Role[]> = {
  'liveblog.create': ['admin', 'editor'],
  'liveblog.edit': ['admin', 'editor'],
  'update.publish': ['admin', 'editor'],
  'update.edit': ['admin', 'editor'],
  'update.delete': ['admin', 'editor'],
  'token.manage': ['admin'],
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
