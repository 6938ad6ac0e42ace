// All SQL of proofing: the newsroom's word list, and the names a live page uses itself (its
// headline and standfirst, its explainer titles, the headlines and sources of its updates).
import type { Generated } from 'kysely';
import type { Db } from '../storage/storage.database.js';

interface ProofWordTable {
  id: Generated<number>;
  word: string;
  folded: string;
  addedBy: string;
  createdAt: string;
}

// A type alias, not an interface: withTables wants a record type.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
type ProofTables = { proofWords: ProofWordTable };

export interface NewsroomWord {
  readonly word: string;
  readonly addedBy: string;
  readonly createdAt: Date;
}

/** The page's own texts are read from at most this many of its latest updates. */
const PAGE_UPDATES = 1000;

function tables(db: Db) {
  return db.withTables<ProofTables>();
}

export function createProofRepository() {
  return {
    async words(db: Db): Promise<NewsroomWord[]> {
      const rows = await tables(db)
        .selectFrom('proofWords')
        .select(['word', 'addedBy', 'createdAt'])
        .orderBy('word')
        .execute();
      return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
    },

    /** Adds a word; false when the list already holds it (in any spelling that folds alike). */
    async addWord(
      db: Db,
      word: { word: string; folded: string; addedBy: string },
      now: Date,
    ): Promise<boolean> {
      const result = await tables(db)
        .insertInto('proofWords')
        .values({ ...word, createdAt: now.toISOString() })
        .onConflict((oc) => oc.column('folded').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Removes a word; false when it was not listed. */
    async removeWord(db: Db, folded: string): Promise<boolean> {
      const result = await tables(db)
        .deleteFrom('proofWords')
        .where('folded', '=', folded)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** The texts a page names things in; empty for an unknown page. */
    async pageTexts(db: Db, slug: string): Promise<string[]> {
      const page = await db
        .selectFrom('liveblogs')
        .select(['id', 'headline', 'standfirst'])
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (!page) return [];
      const sections = await db
        .selectFrom('explainerSections')
        .select('title')
        .where('liveblogId', '=', page.id)
        .execute();
      const updates = await db
        .selectFrom('updates')
        .select(['headline', 'sources'])
        .where('liveblogId', '=', page.id)
        .where('deletedAt', 'is', null)
        .orderBy('id', 'desc')
        .limit(PAGE_UPDATES)
        .execute();
      const sources = updates.flatMap((row) => {
        const parsed: unknown = JSON.parse(row.sources);
        if (!Array.isArray(parsed)) return [];
        return parsed.flatMap((source: { name?: unknown }) =>
          typeof source.name === 'string' ? [source.name] : [],
        );
      });
      return [
        page.headline,
        page.standfirst,
        ...sections.map((section) => section.title),
        ...updates.map((row) => row.headline ?? ''),
        ...sources,
      ];
    },
  };
}

export type ProofRepository = ReturnType<typeof createProofRepository>;
