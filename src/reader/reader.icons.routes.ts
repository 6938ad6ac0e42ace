// The site's icons and web-app manifest, linked from every reader page (frame.view.tsx): an SVG
// favicon, PNG icons drawn at start (a white "live" mark, a dot in a ring, on the site's red),
// /favicon.ico for the clients that ask for it by that name, and /manifest.webmanifest.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { t } from '../lib/i18n.messages.js';
import { drawPng } from './reader.logo.routes.js';

const RED = [0xb3, 0x12, 0x1f] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/** The mark, in parts of the icon's side: the dot's radius and the ring's inner and outer radius. */
const DOT = 0.14;
const RING = [0.25, 0.33] as const;

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">' +
  '<rect width="100" height="100" rx="18" fill="#b3121f"/>' +
  `<circle cx="50" cy="50" r="${DOT * 100}" fill="#fff"/>` +
  `<circle cx="50" cy="50" r="${((RING[0] + RING[1]) / 2) * 100}" fill="none" stroke="#fff" stroke-width="${(RING[1] - RING[0]) * 100}"/>` +
  '</svg>';

/** The mark as a square PNG of `size` pixels, full bleed (so it can be masked to any shape). */
export function iconPng(size: number): Buffer {
  const centre = size / 2;
  return drawPng(size, size, (x, y) => {
    const r = Math.hypot(x + 0.5 - centre, y + 0.5 - centre) / size;
    return r <= DOT || (r >= RING[0] && r <= RING[1]) ? WHITE : RED;
  });
}

/** An .ico file holding one PNG (allowed since Windows Vista, read by every browser). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // where the PNG starts
  return Buffer.concat([header, png]);
}

export function webManifest(siteName: string): string {
  return JSON.stringify({
    name: siteName,
    short_name: siteName,
    description: t('ar').siteTagline,
    lang: 'ar',
    dir: 'rtl',
    start_url: '/',
    scope: '/',
    display: 'minimal-ui',
    background_color: '#ffffff',
    theme_color: '#b3121f',
    icons: [
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any maskable' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
    ],
  });
}

const DAY = 'public, max-age=86400';

export const iconRoutes: FastifyPluginAsyncTypebox<{ siteName: string }> = (app, options) => {
  const icon192 = iconPng(192);
  const icon512 = iconPng(512);
  const favicon = icoOf(iconPng(32), 32);
  const manifest = webManifest(options.siteName);
  const hide = { schema: { hide: true } };
  app.get('/favicon.svg', hide, (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', DAY).send(FAVICON_SVG),
  );
  app.get('/favicon.ico', hide, (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', DAY).send(favicon),
  );
  app.get('/icon-192.png', hide, (_request, reply) =>
    reply.type('image/png').header('cache-control', DAY).send(icon192),
  );
  app.get('/icon-512.png', hide, (_request, reply) =>
    reply.type('image/png').header('cache-control', DAY).send(icon512),
  );
  app.get('/manifest.webmanifest', hide, (_request, reply) =>
    reply.type('application/manifest+json').header('cache-control', DAY).send(manifest),
  );
  return Promise.resolve();
};
