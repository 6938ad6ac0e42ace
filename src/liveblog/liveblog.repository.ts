// All SQL about live pages and their explainer. Returns domain objects, never rows.
import type { Db } from '../storage/storage.database.js';
import type { ExplainerSectionRow, LiveblogRow } from '../storage/storage.schema.js';
import type { Block } from '../blocks/blocks.schema.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import type {
  ExplainerSection,
  Liveblog,
  LiveblogChanges,
  LiveblogStatus,
  NewLiveblog,
} from './liveblog.types.js';
import { isDateStyle, type DateStyle } from '../lib/time.format.js';

function parseDateStyle(raw: string | null): DateStyle | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    return isDateStyle(value) ? value : null;
  } catch {
    return null;
  }
}

function date(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

export function liveblogFromRow(row: LiveblogRow): Liveblog {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    status: row.status as LiveblogStatus,
    locale: row.locale as UiLocale,
    timeZone: row.timeZone,
    coverageStartAt: date(row.coverageStartAt),
    coverageEndAt: date(row.coverageEndAt),
    lastSeq: row.lastSeq,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    commentMode: row.commentMode === 'post' ? 'post' : 'pre',
    dateStyle: parseDateStyle(row.dateStyle),
    translationSlug: row.translationSlug,
  };
}

function sectionFromRow(row: ExplainerSectionRow): ExplainerSection {
  return { position: row.position, title: row.title, blocks: JSON.parse(row.body) as Block[] };
}

export function createLiveblogRepository() {
  return {
    async findBySlug(db: Db, slug: string): Promise<Liveblog | undefined> {
      const row = await db
        .selectFrom('liveblogs')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row ? liveblogFromRow(row) : undefined;
    },

    async findById(db: Db, id: number): Promise<Liveblog | undefined> {
      const row = await db
        .selectFrom('liveblogs')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? liveblogFromRow(row) : undefined;
    },

    async slugExists(db: Db, slug: string): Promise<boolean> {
      const row = await db
        .selectFrom('liveblogs')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Live and scheduled pages first, then the rest; newest activity first. */
    async listForFrontPage(db: Db, limit: number): Promise<Liveblog[]> {
      const rows = await db
        .selectFrom('liveblogs')
        .selectAll()
        .where('status', '!=', 'archived')
        .orderBy('updatedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(liveblogFromRow);
    },

    async insert(db: Db, input: NewLiveblog, now: Date): Promise<Liveblog> {
      const at = now.toISOString();
      const row = await db
        .insertInto('liveblogs')
        .values({
          slug: input.slug,
          headline: input.headline,
          standfirst: input.standfirst,
          status: input.status,
          locale: input.locale,
          timeZone: input.timeZone,
          coverageStartAt: input.coverageStartAt?.toISOString() ?? null,
          coverageEndAt: null,
          dateStyle: null,
          translationSlug: null,
          lastSeq: 0,
          createdAt: at,
          updatedAt: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return liveblogFromRow(row);
    },

    async update(db: Db, id: number, changes: LiveblogChanges, now: Date): Promise<void> {
      await db
        .updateTable('liveblogs')
        .set({
          ...(changes.headline !== undefined && { headline: changes.headline }),
          ...(changes.standfirst !== undefined && { standfirst: changes.standfirst }),
          ...(changes.status !== undefined && { status: changes.status }),
          ...(changes.timeZone !== undefined && { timeZone: changes.timeZone }),
          ...(changes.coverageStartAt !== undefined && {
            coverageStartAt: changes.coverageStartAt?.toISOString() ?? null,
          }),
          ...(changes.commentMode !== undefined && { commentMode: changes.commentMode }),
          ...(changes.translationSlug !== undefined && {
            translationSlug: changes.translationSlug,
          }),
          ...(changes.dateStyle !== undefined && {
            dateStyle: changes.dateStyle === null ? null : JSON.stringify(changes.dateStyle),
          }),
          ...(changes.coverageEndAt !== undefined && {
            coverageEndAt: changes.coverageEndAt?.toISOString() ?? null,
          }),
          updatedAt: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },

    async explainer(db: Db, liveblogId: number): Promise<ExplainerSection[]> {
      const rows = await db
        .selectFrom('explainerSections')
        .selectAll()
        .where('liveblogId', '=', liveblogId)
        .orderBy('position')
        .execute();
      return rows.map(sectionFromRow);
    },

    async replaceExplainer(
      db: Db,
      liveblogId: number,
      sections: readonly { title: string; blocks: Block[] }[],
    ): Promise<void> {
      await db.deleteFrom('explainerSections').where('liveblogId', '=', liveblogId).execute();
      if (sections.length === 0) return;
      await db
        .insertInto('explainerSections')
        .values(
          sections.map((section, position) => ({
            liveblogId,
            position,
            title: section.title,
            body: JSON.stringify(section.blocks),
          })),
        )
        .execute();
    },
  };
}

export type LiveblogRepository = ReturnType<typeof createLiveblogRepository>;
