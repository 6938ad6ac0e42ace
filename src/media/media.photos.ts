// Photos for updates and the explainer: checked by magic bytes, size and a pixel limit read from
// the header before anything is decoded; re-encoded with sharp into responsive sizes (AVIF, WebP,
// JPEG) without metadata or GPS; stored under names the server makes; served with long cache
// lifetimes, nosniff and a restrictive CSP (the HTTP side is media.routes.ts).
import { randomBytes } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { AppError, errors } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';
import type { FileStore } from '../storage/storage.files.js';
import { normaliseLine } from '../lib/text.normalise.js';
import { createPhotoRepository, type PhotoRecord } from './media.repository.js';

export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
const WIDTHS = [480, 960, 1600] as const;
export const FORMATS = ['avif', 'webp', 'jpg'] as const;
export type Format = (typeof FORMATS)[number];

/** A stored photo: its record, with the widths kept for every format. */
export type Photo = PhotoRecord;

/** What the bytes say they are, whatever the file name or the declared type claims. */
export function sniff(bytes: Buffer): 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  if (/^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return 'gif';
  if (
    bytes.subarray(4, 8).toString('latin1') === 'ftyp' &&
    /^avi[fs]$/.test(bytes.subarray(8, 12).toString('latin1'))
  )
    return 'avif';
  return undefined;
}

const notAPhoto = () =>
  new AppError(415, 'not_a_photo', {
    ar: 'الملف ليس صورة مقبولة (JPEG أو PNG أو WebP أو GIF أو AVIF).',
    en: 'The file is not an accepted photo (JPEG, PNG, WebP, GIF or AVIF).',
  });

const tooManyPixels = (width: number, height: number) =>
  new AppError(413, 'too_many_pixels', {
    ar: `أبعاد الصورة (${width}×${height}) أكبر من المسموح (40 ميغابكسل).`,
    en: `The photo's dimensions (${width}×${height}) exceed the limit (40 megapixels).`,
  });

export function photoUrl(publicUrl: string, id: string, width: number, format: Format): string {
  return `${publicUrl}/media/${id}-${width}.${format}`;
}

export interface PhotoInput {
  readonly alt: string;
  readonly caption?: string | undefined;
  readonly credit: string;
}

export function createPhotoService({ db, clock }: BaseDeps, store: FileStore) {
  const repository = createPhotoRepository();
  return {
    async upload(actor: Actor, bytes: Buffer, input: PhotoInput): Promise<Photo> {
      assertCan(actor, 'draft.write');
      const alt = normaliseLine(input.alt);
      const credit = normaliseLine(input.credit);
      const caption = normaliseLine(input.caption ?? '');
      const details = [];
      if (alt.length < 1 || alt.length > 300)
        details.push({ field: 'alt', message: 'a description of 1 to 300 characters is required' });
      if (credit.length < 1 || credit.length > 120)
        details.push({ field: 'credit', message: 'a credit of 1 to 120 characters is required' });
      if (caption.length > 500)
        details.push({ field: 'caption', message: 'at most 500 characters' });
      if (details.length > 0) {
        throw errors.validation(details, {
          ar: 'وصف الصورة البديل ومصدرها مطلوبان.',
          en: 'The photo needs its alt text and credit.',
        });
      }
      if (bytes.length > MAX_PHOTO_BYTES) throw errors.tooLarge();
      if (sniff(bytes) === undefined) throw notAPhoto();
      // The header alone: a small file that declares 16000×16000 pixels is refused here,
      // before a single pixel is decoded.
      let meta: Metadata;
      try {
        meta = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
      } catch {
        throw notAPhoto();
      }
      const width = meta.autoOrient.width;
      const height = meta.autoOrient.height;
      if (width * height > MAX_PHOTO_PIXELS) throw tooManyPixels(width, height);
      const largest = 1600;
      const widths: number[] = WIDTHS.filter((w) => w < width);
      widths.push(Math.min(width, largest));
      const sizes = [...new Set(widths)].sort((a, b) => a - b);
      const id = randomBytes(10).toString('hex');
      const source = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' }).rotate();
      for (const size of sizes) {
        const resized = source.clone().resize({ width: size, withoutEnlargement: true });
        // sharp writes no metadata (EXIF, GPS, XMP) unless asked to.
        const [avif, webp, jpg] = await Promise.all([
          resized.clone().avif({ quality: 50, effort: 2 }).toBuffer(),
          resized.clone().webp({ quality: 80 }).toBuffer(),
          resized.clone().jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
        ]);
        await store.put(`${id}-${size}.avif`, avif);
        await store.put(`${id}-${size}.webp`, webp);
        await store.put(`${id}-${size}.jpg`, jpg);
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repository.insert(trx, {
          id,
          alt,
          caption,
          credit,
          width,
          height,
          widths: sizes,
          createdAt: now,
          createdBy: actor.name,
        });
        await audit(
          trx,
          actor,
          {
            action: 'photo.upload',
            targetType: 'photo',
            targetId: id,
            after: { alt, credit, width, height },
          },
          now,
        );
      });
      return { id, alt, caption, credit, width, height, widths: sizes };
    },

    /** A link's preview image, fetched by the server: re-encoded small and kept as our own photo. */
    async storeThumbnail(
      bytes: Buffer,
      alt: string,
      credit: string,
    ): Promise<{ id: string; width: number } | undefined> {
      if (bytes.length > MAX_PHOTO_BYTES || sniff(bytes) === undefined) return undefined;
      let meta: Metadata;
      try {
        meta = await sharp(bytes, { limitInputPixels: false }).metadata();
      } catch {
        return undefined;
      }
      if (meta.autoOrient.width * meta.autoOrient.height > MAX_PHOTO_PIXELS) return undefined;
      const width = Math.min(meta.autoOrient.width, 480);
      const id = randomBytes(10).toString('hex');
      const base = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS })
        .rotate()
        .resize({ width, withoutEnlargement: true });
      const [avif, webp, jpg] = await Promise.all([
        base.clone().avif({ quality: 50, effort: 2 }).toBuffer(),
        base.clone().webp({ quality: 75 }).toBuffer(),
        base.clone().jpeg({ quality: 75, mozjpeg: true }).toBuffer(),
      ]);
      await store.put(`${id}-${width}.avif`, avif);
      await store.put(`${id}-${width}.webp`, webp);
      await store.put(`${id}-${width}.jpg`, jpg);
      const now = clock.now();
      await db.transaction().execute((trx) =>
        repository.insert(trx, {
          id,
          alt: alt.slice(0, 300),
          caption: '',
          credit: credit.slice(0, 120),
          width: meta.autoOrient.width,
          height: meta.autoOrient.height,
          widths: [width],
          createdAt: now,
          createdBy: 'link preview',
        }),
      );
      return { id, width };
    },

    async byId(id: string): Promise<Photo | undefined> {
      return repository.findById(db, id);
    },
  };
}

export type PhotoService = ReturnType<typeof createPhotoService>;
