// The agency and source presets of the composer, a site setting: each with its Arabic and
// English name, its kind and its home address. Seeded with the region's main agencies and the
// international ones; admins edit the list on the settings page, one preset a line:
// `Arabic name | English name | kind | https://address`.
import { SOURCE_KINDS, type SourceKind } from '../update/update.types.js';

export interface SourcePreset {
  readonly ar: string;
  readonly en: string;
  readonly kind: SourceKind;
  readonly url: string;
}

const wire = (ar: string, en: string, url: string): SourcePreset => ({ ar, en, kind: 'wire', url });

export const DEFAULT_SOURCE_PRESETS: readonly SourcePreset[] = [
  wire('وكالة الأنباء العمانية', 'Oman News Agency (ONA)', 'https://omannews.gov.om'),
  wire('كونا', 'KUNA', 'https://www.kuna.net.kw'),
  wire('وام', 'WAM', 'https://www.wam.ae'),
  wire('واس', 'SPA', 'https://www.spa.gov.sa'),
  wire('قنا', 'QNA', 'https://www.qna.org.qa'),
  wire('بنا', 'BNA', 'https://www.bna.bh'),
  wire('أ ش أ', 'MENA', 'https://www.mena.org.eg'),
  wire('بترا', 'Petra', 'https://petra.gov.jo'),
  wire('سانا', 'SANA', 'https://sana.sy'),
  wire('واج', 'APS', 'https://www.aps.dz'),
  wire('لاماب', 'MAP', 'https://www.mapnews.ma'),
  wire('الأناضول', 'Anadolu', 'https://www.aa.com.tr'),
  wire('إرنا', 'IRNA', 'https://www.irna.ir'),
  wire('رويترز', 'Reuters', 'https://www.reuters.com'),
  wire('أسوشيتد برس', 'AP', 'https://apnews.com'),
  wire('فرانس برس', 'AFP', 'https://www.afp.com'),
  { ar: 'بيان رسمي', en: 'Official statement', kind: 'official', url: '' },
  { ar: 'منشور على إكس', en: 'Post on X', kind: 'social', url: '' },
  { ar: 'مراسلنا', en: 'Our correspondent', kind: 'own', url: '' },
];

export const MAX_PRESETS = 60;

const isKind = (value: string): value is SourceKind =>
  (SOURCE_KINDS as readonly string[]).includes(value);

/** A stored value back into presets; anything malformed is dropped. */
export function presetsFromJson(value: unknown): SourcePreset[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: SourcePreset[] = [];
  for (const item of value as unknown[]) {
    const p = item as Partial<Record<keyof SourcePreset, unknown>>;
    if (typeof p.ar !== 'string' || typeof p.en !== 'string' || typeof p.url !== 'string') continue;
    if (typeof p.kind !== 'string' || !isKind(p.kind)) continue;
    out.push({ ar: p.ar, en: p.en, kind: p.kind, url: p.url });
  }
  return out;
}

/** The settings form's text: one preset a line. */
export function presetsToText(presets: readonly SourcePreset[]): string {
  return presets.map((p) => [p.ar, p.en, p.kind, p.url].join(' | ').trimEnd()).join('\n');
}

/** The form's text as presets, or the numbers of the lines that are wrong. */
export function presetsFromText(
  text: string,
): { presets: SourcePreset[] } | { badLines: number[] } {
  const presets: SourcePreset[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const [ar = '', en = '', kind = '', url = ''] = line.split('|').map((part) => part.trim());
    const urlOk = url === '' || /^https?:\/\/\S+$/.test(url);
    if (!ar || ar.length > 120 || en.length > 120 || !isKind(kind) || !urlOk || url.length > 2000)
      badLines.push(index + 1);
    else presets.push({ ar, en: en || ar, kind, url });
  });
  if (presets.length > MAX_PRESETS) badLines.push(MAX_PRESETS + 1);
  return badLines.length > 0 ? { badLines } : { presets };
}
