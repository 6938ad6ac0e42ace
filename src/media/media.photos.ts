// Photos for updates and the explainer: checked by magic bytes, size and a pixel limit read from
// the header before anything is decoded; re-encoded with sharp into responsive sizes (AVIF, WebP,
// JPEG) without metadata or GPS; stored under names the server makes; served with long cache
// lifetimes, nosniff and a restrictive CSP.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import sharp, { type Metadata } from 'sharp';
import { Type } from 'typebox';
import { AppError, errors } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { errorResponses } from '../platform/platform.schema.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';
import { IdempotencyKeyHeaders, idempotentResponses } from '../access/access.idempotency.js';
import type { FileStore } from '../storage/storage.files.js';
import { normaliseLine } from '../lib/text.normalise.js';
import { createPhotoRepository, type PhotoRecord } from './media.repository.js';

export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
const WIDTHS = [480, 960, 1600] as const;
const FORMATS = ['avif', 'webp', 'jpg'] as const;
type Format = (typeof FORMATS)[number];

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

const PhotoOut = Type.Object({
  id: Type.String(),
  alt: Type.String(),
  caption: Type.String(),
  credit: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  widths: Type.Array(Type.Integer()),
  urls: Type.Object({
    avif: Type.Array(Type.String()),
    webp: Type.Array(Type.String()),
    jpg: Type.Array(Type.String()),
  }),
});

const CONTENT_TYPES: Record<Format, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
};

export const photoRoutes: FastifyPluginAsyncTypebox<{ photos: PhotoService }> = (app, options) => {
  const { photos } = options;
  const publicUrl = app.config.publicUrl;

  // The photo arrives as the raw request body, whatever the declared type; the bytes decide.
  for (const type of [
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/gif',
    'image/avif',
    'application/octet-stream',
  ]) {
    app.addContentTypeParser(
      type,
      { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );
  }

  app.post(
    '/photos',
    {
      bodyLimit: MAX_PHOTO_BYTES,
      schema: {
        tags: ['photos'],
        security: [{ bearer: [] }],
        summary: 'Upload a photo (the raw file as the body) with its alt text, caption and credit',
        querystring: Type.Object(
          {
            alt: Type.String({ minLength: 1, maxLength: 300 }),
            caption: Type.Optional(Type.String({ maxLength: 500 })),
            credit: Type.String({ minLength: 1, maxLength: 120 }),
          },
          { additionalProperties: false },
        ),
        headers: IdempotencyKeyHeaders,
        response: { 201: PhotoOut, ...errorResponses, ...idempotentResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw errors.unsupportedMediaType();
      const photo = await photos.upload(request.actor, body, request.query);
      const urls = Object.fromEntries(
        FORMATS.map((f) => [f, photo.widths.map((w) => photoUrl(publicUrl, photo.id, w, f))]),
      ) as Record<Format, string[]>;
      return reply.code(201).send({ ...photo, urls });
    },
  );

  return Promise.resolve();
};

/** Serves the stored sizes: immutable, nosniff, and a CSP that lets nothing run. */
export const mediaRoutes: FastifyPluginAsyncTypebox<{ store: FileStore }> = (app, { store }) => {
  app.get(
    '/media/:name',
    {
      schema: {
        hide: true,
        params: Type.Object({
          name: Type.String({ pattern: '^[a-f0-9]{20}-[0-9]{1,5}\\.(avif|webp|jpg)$' }),
        }),
      },
    },
    async (request, reply) => {
      const bytes = await store.get(request.params.name);
      if (!bytes) throw errors.notFound({ ar: 'الصورة', en: 'The photo' });
      const format = request.params.name.split('.').pop() as Format;
      return reply
        .type(CONTENT_TYPES[format])
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );

  return Promise.resolve();
};
