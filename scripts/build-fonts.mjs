// The reader's web fonts, cut at build time to what the site writes (see docs/design.md#type).
// Two faces in one weight each, from the @fontsource woff2 files: Noto Naskh Arabic 400 for text
// and Noto Kufi Arabic 700 for headings, each in three files split by unicode-range, so a page
// downloads only what it shows: «arabic» (the Arabic letters, marks and punctuation), «common»
// (space, digits and punctuation, needed by every page) and «latin» (Latin letters, for English
// pages and Latin names inside Arabic text). The Latin glyphs come from the same Noto families,
// drawn to sit beside the Arabic ones.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const subsetFont = require('subset-font');

const range = (from, to) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join('');
const hex = (code) => code.toString(16).toUpperCase().padStart(4, '0');

/** Code point ranges of each slice; the text of a slice is every code point in its ranges. */
export const SLICES = {
  arabic: [
    [0x060c, 0x060c], // ، comma
    [0x061b, 0x061b], // ؛ semicolon
    [0x061f, 0x061f], // ؟ question mark
    [0x0621, 0x063a], // hamza … ghain
    [0x0640, 0x0655], // tatweel, fa … yeh, harakat, madda and hamza marks
    [0x0660, 0x066d], // Arabic-Indic digits, percent, decimal and thousands separators, star
    [0x0670, 0x0671], // superscript alef, alef wasla
    [0x067e, 0x067e], // peh (foreign names)
    [0x0686, 0x0686], // tcheh
    [0x0698, 0x0698], // jeh
    [0x06a4, 0x06a4], // veh
    [0x06a9, 0x06a9], // keheh
    [0x06af, 0x06af], // gaf
    [0x06cc, 0x06cc], // Farsi yeh
    [0x200c, 0x200f], // joiners and direction marks
  ],
  common: [
    [0x0020, 0x0040], // space, punctuation, digits
    [0x005b, 0x0060],
    [0x007b, 0x007e],
    [0x00a0, 0x00a0], // no-break space
    [0x00ab, 0x00ab], // «
    [0x00b7, 0x00b7], // ·
    [0x00bb, 0x00bb], // »
    [0x00d7, 0x00d7], // ×
    [0x2010, 0x2015], // dashes
    [0x2018, 0x201d], // quotation marks
    [0x2022, 0x2022], // bullet
    [0x2026, 0x2026], // ellipsis
  ],
  // Basic Latin letters only: accented letters (é, ü) fall back to the system's face, which
  // costs nothing, where carrying them would add a third to the file.
  latin: [
    [0x0041, 0x005a],
    [0x0061, 0x007a],
  ],
};

/** The faces: one weight each; the source file (a @fontsource slice) each slice is cut from. */
export const FACES = [
  {
    family: 'Ajil Naskh',
    key: 'naskh-400',
    weight: 400,
    sources: {
      arabic: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
      common: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-400-normal.woff2',
      latin: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-latin-400-normal.woff2',
    },
  },
  {
    family: 'Ajil Kufi',
    key: 'kufi-700',
    weight: 700,
    sources: {
      arabic: '@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2',
      common: '@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-latin-700-normal.woff2',
      latin: '@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-latin-700-normal.woff2',
    },
  },
];

/** The layout features Arabic and Latin text need: joining forms, ligatures, marks, kerning. */
const FEATURES = [
  ...['ccmp', 'locl', 'isol', 'init', 'medi', 'fina', 'rlig', 'liga', 'calt'],
  ...['curs', 'mark', 'mkmk', 'kern'],
];

const textOf = (slice) => SLICES[slice].map(([from, to]) => range(from, to)).join('');
const unicodeRange = (slice) =>
  SLICES[slice]
    .map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`))
    .join(', ');

/**
 * Cuts every face's slices into `dir` and returns the stylesheet of @font-face rules that points
 * at them (relative file names, for esbuild to copy with hashed names).
 */
export async function buildFonts(dir) {
  await mkdir(dir, { recursive: true });
  const rules = [];
  for (const face of FACES) {
    for (const slice of Object.keys(SLICES)) {
      const source = await readFile(require.resolve(face.sources[slice]));
      const cut = await subsetFont(source, textOf(slice), {
        targetFormat: 'woff2',
        keepFeatures: FEATURES,
        noHinting: true,
      });
      const file = `${face.key}-${slice}.woff2`;
      await writeFile(join(dir, file), cut);
      rules.push(
        `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};` +
          `font-display:swap;src:url(./${file}) format('woff2');unicode-range:${unicodeRange(slice)}}`,
      );
    }
  }
  return rules.join('\n');
}
