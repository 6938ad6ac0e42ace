// Photos over HTTP: the upload (`POST /api/v1/photos`) and the stored sizes (`GET /media/:name`).
// Thin: the photo service checks and re-encodes, the file store keeps the bytes; both come as
// plugin options, with the public address, from app.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errors } from '../platform/platform.errors.js';
import { errorResponses } from '../platform/platform.schema.js';
import { IdempotencyKeyHeaders, idempotentResponses } from '../access/access.idempotency.js';
import type { FileStore } from '../storage/storage.files.js';
import {
  FORMATS,
  MAX_PHOTO_BYTES,
  photoUrl,
  type Format,
  type PhotoService,
} from './media.photos.js';

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

export interface PhotoRoutesOptions {
  readonly photos: PhotoService;
  /** The address readers use: the returned photo URLs are absolute. */
  readonly publicUrl: string;
}

export interface MediaRoutesOptions {
  readonly store: FileStore;
}

/** Register inside the `/api/v1` context. */
export const photoRoutes: FastifyPluginAsyncTypebox<PhotoRoutesOptions> = (
  app,
  { photos, publicUrl },
) => {
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
export const mediaRoutes: FastifyPluginAsyncTypebox<MediaRoutesOptions> = (app, { store }) => {
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
