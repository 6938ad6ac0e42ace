// ninjs 2.0 in: one news object (or an array of them) read into the fields the wire desk keeps.
// The body is the first plain-text body, else the first HTML one read down to its text.
import { PUB_STATUSES, WireParseError, type ParsedWireItem, type PubStatus } from './wire.types.js';
import {
  dateOf,
  markupToText,
  paragraphs,
  primaryLanguage,
  versionOf,
  webAddress,
} from './wire.text.js';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function nodes(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The value of the first entry with the role, else of the first entry with any value. */
function byRole(entries: Node[], role: string): string {
  const chosen = entries.find((e) => e.role === role && text(e.value) !== '');
  return text((chosen ?? entries.find((e) => text(e.value) !== ''))?.value);
}

function bodyOf(item: Node): string {
  const bodies = nodes(item.bodies).filter((b) => typeof b.value === 'string');
  const isHtml = (b: Node) => text(b.contenttype).includes('html');
  const plain = bodies.find((b) => !isHtml(b) && text(b.value) !== '');
  if (plain) return paragraphs(String(plain.value));
  const html = bodies.find(isHtml);
  return html ? markupToText(String(html.value)) : '';
}

function agencyOf(item: Node): string {
  const sources = nodes(item.infosources);
  const candidates = [...sources.map((s) => text(s.name)), ...sources.map((s) => text(s.literal))];
  candidates.push(text(item.copyrightholder));
  const found = candidates.find((c) => c !== '');
  if (found === undefined)
    throw new WireParseError('/infosources', 'the item names no info source or copyright holder');
  return found;
}

/** The agency's web page: an HTML rendition's href, else the uri if it is a web address. */
function linkOf(item: Node): string | null {
  const renditions = nodes(item.renditions);
  const page = renditions.find((r) => text(r.contenttype).includes('html')) ?? renditions[0];
  return webAddress(page?.href) ?? webAddress(item.uri);
}

function pubStatusOf(item: Node): PubStatus {
  return PUB_STATUSES.find((status) => status === item.pubstatus) ?? 'usable';
}

function urgencyOf(item: Node): number | null {
  const value = item.urgency;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9
    ? value
    : null;
}

function readItem(item: Node, original: string, receivedAt: Date): ParsedWireItem {
  const guid = text(item.uri);
  if (guid === '') throw new WireParseError('/uri', 'the ninjs object has no uri');
  const headline = byRole(nodes(item.headlines), 'main');
  const body = bodyOf(item);
  if (headline === '' && body === '')
    throw new WireParseError('/headlines', 'the item has neither headline nor text');
  return {
    guid,
    version: versionOf(item.version),
    versionCreated: dateOf(item.versioncreated, '/versioncreated') ?? receivedAt,
    format: 'ninjs',
    agency: agencyOf(item),
    language: primaryLanguage(item.language) || 'und',
    headline: headline.replace(/\s+/g, ' '),
    body,
    link: linkOf(item),
    embargoUntil: dateOf(item.embargoed, '/embargoed'),
    // ninjs 2.0 has no expiry of its own; the property some agencies add is read when present.
    expiresAt: dateOf(item.expires, '/expires'),
    pubStatus: pubStatusOf(item),
    urgency: urgencyOf(item),
    original,
  };
}

/** Every ninjs object of the document: one object, or an array of them. */
export function parseNinjs(json: string, receivedAt: Date): ParsedWireItem[] {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw new WireParseError('/', 'not valid JSON');
  }
  const items = Array.isArray(document) ? document : [document];
  if (items.length === 0 || !items.every(isNode))
    throw new WireParseError('/', 'expected a ninjs object or an array of them');
  return items.map((item) => readItem(item, JSON.stringify(item), receivedAt));
}
