// NewsML-G2 in: a newsItem, or a newsMessage carrying several, read with fast-xml-parser into
// the fields the wire desk keeps. The body is the text of inlineXML (XHTML) or inlineData; a
// document type declaration is refused outright (NewsML-G2 needs none, and entities can bomb).
import { XMLParser } from 'fast-xml-parser';
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

const REPEATED = new Set([
  'newsItem',
  'headline',
  'link',
  'language',
  'inlineXML',
  'inlineData',
  'remoteContent',
  'description',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  stopNodes: ['*.inlineXML'],
  isArray: (name) => REPEATED.has(name),
});

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function node(value: unknown): Node {
  return isNode(value) ? value : {};
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element that may carry attributes (then fast-xml-parser puts it in #text). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
}

function attr(value: unknown, name: string): string | undefined {
  const found = node(value)[`@${name}`];
  return typeof found === 'string' ? found : undefined;
}

/** The agency: the provider's literal or name, else its qcode's code, else the copyright holder. */
function agencyOf(item: Node, itemMeta: Node): string {
  const provider = node(itemMeta.provider);
  const holder = node(node(item.rightsInfo).copyrightHolder);
  const candidates = [
    attr(provider, 'literal'),
    textOf(provider.name),
    attr(provider, 'qcode')?.replace(/^[^:]*:/, ''),
    attr(holder, 'literal'),
    textOf(holder.name),
  ];
  const found = candidates.map((c) => c?.trim() ?? '').find((c) => c !== '');
  if (found === undefined)
    throw new WireParseError('/itemMeta/provider', 'the item names no provider');
  return found;
}

function pubStatusOf(itemMeta: Node): PubStatus {
  const code = attr(itemMeta.pubStatus, 'qcode')?.replace(/^[^:]*:/, '') ?? 'usable';
  return PUB_STATUSES.find((status) => status === code) ?? 'usable';
}

/** The agency's web page for the item: a link with an http(s) href, else the guid if it is one. */
function linkOf(item: Node, itemMeta: Node, contentSet: Node): string | null {
  const hrefs = [
    ...list(itemMeta.link).map((l) => attr(l, 'href')),
    ...list(contentSet.remoteContent)
      .filter((r) => (attr(r, 'contenttype') ?? 'text/html').includes('html'))
      .map((r) => attr(r, 'href')),
    attr(item, 'guid'),
  ];
  for (const href of hrefs) {
    const address = webAddress(href);
    if (address !== null) return address;
  }
  return null;
}

function bodyOf(contentSet: Node): string {
  const inline = list(contentSet.inlineXML)
    .map(textOf)
    .find((x) => x.trim() !== '');
  if (inline !== undefined) return markupToText(inline);
  const data = list(contentSet.inlineData)
    .map(textOf)
    .find((x) => x.trim() !== '');
  return data === undefined ? '' : paragraphs(data);
}

function urgencyOf(contentMeta: Node): number | null {
  const value = versionOf(textOf(contentMeta.urgency));
  return value >= 1 && value <= 9 ? value : null;
}

function readItem(item: Node, original: string): ParsedWireItem {
  const guid = attr(item, 'guid')?.trim() ?? '';
  if (guid === '') throw new WireParseError('/newsItem/@guid', 'the newsItem has no guid');
  const itemMeta = node(item.itemMeta);
  const contentMeta = node(item.contentMeta);
  const contentSet = node(item.contentSet);
  const versionCreated = dateOf(textOf(itemMeta.versionCreated), '/itemMeta/versionCreated');
  if (versionCreated === null)
    throw new WireParseError('/itemMeta/versionCreated', 'the item has no versionCreated');
  const headline =
    list(contentMeta.headline)
      .map(textOf)
      .find((h) => h.trim() !== '') ?? '';
  const body = bodyOf(contentSet);
  if (headline.trim() === '' && body === '')
    throw new WireParseError('/contentMeta/headline', 'the item has neither headline nor text');
  const languageTag =
    list(contentMeta.language).map((l) => attr(l, 'tag'))[0] ?? attr(item, 'lang');
  return {
    guid,
    version: versionOf(attr(item, 'version')),
    versionCreated,
    format: 'newsml',
    agency: agencyOf(item, itemMeta),
    language: primaryLanguage(languageTag) || 'und',
    headline: headline.replace(/\s+/g, ' ').trim(),
    body,
    link: linkOf(item, itemMeta, contentSet),
    embargoUntil: dateOf(textOf(itemMeta.embargoed), '/itemMeta/embargoed'),
    expiresAt: dateOf(textOf(itemMeta.expires), '/itemMeta/expires'),
    pubStatus: pubStatusOf(itemMeta),
    urgency: urgencyOf(contentMeta),
    original,
  };
}

/** Every newsItem of the document (one for a newsItem, each of a newsMessage's itemSet). */
export function parseNewsml(xml: string): ParsedWireItem[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new WireParseError('/', 'document type declarations are not accepted');
  let document: Node;
  try {
    // `true`: checked for well-formedness first, so a cut-off document is refused, not guessed
    // at. The check moves to a package of its own (fast-xml-validator) that is not installed.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    document = node(parser.parse(xml, true));
  } catch (error) {
    throw new WireParseError('/', `not well-formed XML: ${(error as Error).message}`);
  }
  const items = document.newsItem ?? node(node(document.newsMessage).itemSet).newsItem;
  const found = list(items).filter(isNode);
  if (found.length === 0)
    throw new WireParseError('/', 'expected a NewsML-G2 newsItem or a newsMessage with newsItems');
  return found.map((item) => readItem(item, xml));
}
