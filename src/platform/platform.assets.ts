// Where the built browser assets are: `npm run build:assets` writes public/build with
// content-hashed names and a manifest; pages link the hashed names so CDNs can keep them forever.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ASSET_DIR = fileURLToPath(new URL('../../public/build/', import.meta.url));

/** A built file by its name without the hash: a bundle, or a cut font (scripts/build-fonts.mjs). */
export type AssetName =
  | 'live.js'
  | 'app.css'
  | 'newsroom.js'
  | 'newsroom.css'
  | 'live-push.js'
  | 'push-sw.js'
  | `fonts/${string}.woff2`;

export interface Assets {
  /** Public URL of a logical asset ("live.js", "app.css", "fonts/naskh-400-arabic.woff2"). */
  url(name: AssetName): string;
  readonly built: boolean;
}

export function loadAssets(dir: string = ASSET_DIR): Assets {
  let manifest: Record<string, string> = {};
  let built = false;
  try {
    manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as Record<string, string>;
    built = true;
  } catch {
    // Not built (unit tests): pages still render, linking the unhashed names.
  }
  return {
    built,
    url: (name) => `/assets/${manifest[name] ?? name}`,
  };
}
