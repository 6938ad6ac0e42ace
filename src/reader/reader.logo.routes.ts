// The publisher logo named in the structured data and the social cards: our own mark, drawn
// as a PNG once at start, without image libraries.
import { deflateSync } from 'node:zlib';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const logoRoutes: FastifyPluginAsyncTypebox = (app) => {
  app.get('/logo.png', { schema: { hide: true } }, (_request, reply) =>
    reply.type('image/png').header('cache-control', 'public, max-age=86400').send(LOGO_PNG),
  );

  return Promise.resolve();
};

/** A 512×512 red square: a plain, valid PNG built without image libraries. */
const LOGO_PNG = solidPng(512, 512, [0xb3, 0x12, 0x1f]);

/** PNG's CRC-32, for the chunks below. */
function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  return drawPng(width, height, () => rgb);
}

/** An RGB PNG whose pixel (x, y) is `paint(x, y)`: the logo above, the icons of reader.icons. */
export function drawPng(
  width: number,
  height: number,
  paint: (x: number, y: number) => readonly [number, number, number],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(paint(x, y), y * (1 + width * 3) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
