// An update's version, as the API shows it: a strong ETag that changes whenever the update does
// (its revision counts every change, its updated time also moves when another update's pin takes
// its place), and the test of an `If-Match` header against it.
import { errors } from '../platform/platform.errors.js';
import type { Update } from './update.types.js';

/** The ETag of the update as it stands. */
export function versionTag(update: Update): string {
  return `"${update.id}.${update.revision}.${update.updatedAt.getTime().toString(36)}"`;
}

/**
 * Throws 412 unless the `If-Match` header (a list of tags, or `*`) names the update's version.
 * True when a tag was named, so the write must find the update still at this version (checked
 * again by the write itself, atomically); false with no header or `*`. Weak tags never match
 * (RFC 9110 compares If-Match strongly).
 */
export function checkIfMatch(ifMatch: string | undefined, update: Update): boolean {
  if (ifMatch === undefined) return false;
  const given = ifMatch.split(',').map((tag) => tag.trim());
  if (given.includes('*')) return false;
  if (!given.includes(versionTag(update))) throw errors.preconditionFailed();
  return true;
}
