// The one "live page by slug, or 404" every service starts with.
import { errors, things } from '../platform/platform.errors.js';
import type { Db } from '../storage/storage.database.js';
import { createLiveblogRepository } from './liveblog.repository.js';
import type { Liveblog } from './liveblog.types.js';

const liveblogs = createLiveblogRepository();

export async function liveblogBySlugOr404(db: Db, slug: string): Promise<Liveblog> {
  const liveblog = await liveblogs.findBySlug(db, slug);
  if (!liveblog) throw errors.notFound(things.liveblog);
  return liveblog;
}
