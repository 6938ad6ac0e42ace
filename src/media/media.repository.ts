// All SQL about photos: the stored record of each upload and link-preview image.
import type { Db } from '../storage/storage.database.js';

/** A photo as stored; `widths` are the sizes kept, the same for every format. */
export interface PhotoRecord {
  readonly id: string;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  readonly width: number;
  readonly height: number;
  readonly widths: number[];
}

export interface NewPhotoRecord extends PhotoRecord {
  readonly createdAt: Date;
  readonly createdBy: string;
}

export function createPhotoRepository() {
  return {
    async insert(db: Db, photo: NewPhotoRecord): Promise<void> {
      await db
        .insertInto('photos')
        .values({
          id: photo.id,
          alt: photo.alt,
          caption: photo.caption,
          credit: photo.credit,
          width: photo.width,
          height: photo.height,
          sizes: JSON.stringify(photo.widths),
          createdAt: photo.createdAt.toISOString(),
          createdBy: photo.createdBy,
        })
        .execute();
    },

    async findById(db: Db, id: string): Promise<PhotoRecord | undefined> {
      const row = await db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        alt: row.alt,
        caption: row.caption,
        credit: row.credit,
        width: row.width,
        height: row.height,
        widths: JSON.parse(row.sizes) as number[],
      };
    },
  };
}

export type PhotoRepository = ReturnType<typeof createPhotoRepository>;
