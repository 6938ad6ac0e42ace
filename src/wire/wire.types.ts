// What a wire item is, as the rest of the code sees it: one agency item (NewsML-G2 or ninjs),
// read into the few fields the desk uses, with its embargo, expiry and publication status.

export const WIRE_FORMATS = ['newsml', 'ninjs'] as const;
export type WireFormat = (typeof WIRE_FORMATS)[number];

/** IPTC's publication statuses (NewsML-G2 `stat:` codes, ninjs `pubstatus`). */
export const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;
export type PubStatus = (typeof PUB_STATUSES)[number];

/** One item as a parser read it, before it is stored. */
export interface ParsedWireItem {
  /** The item's id at the agency (NewsML-G2 `guid`, ninjs `uri`): versions share it. */
  readonly guid: string;
  /** The agency's version number (0 when it gave none: then only the time orders versions). */
  readonly version: number;
  readonly versionCreated: Date;
  readonly format: WireFormat;
  readonly agency: string;
  /** The primary language subtag, lower case ('ar', 'en', …). */
  readonly language: string;
  readonly headline: string;
  /** Plain text; blank lines split paragraphs. */
  readonly body: string;
  /** The original on the agency's site, when it gave one (http or https only). */
  readonly link: string | null;
  readonly embargoUntil: Date | null;
  readonly expiresAt: Date | null;
  readonly pubStatus: PubStatus;
  /** 1 (most urgent) to 9, when given. */
  readonly urgency: number | null;
  /** The item as it arrived. */
  readonly original: string;
}

/** A stored item: the newest version of its id. */
export interface WireItem extends ParsedWireItem {
  readonly id: number;
  readonly receivedAt: Date;
  readonly updatedAt: Date;
}

/** What happened to an arriving item: new, replacing an older version, or older than the one kept. */
export type IngestOutcome = 'added' | 'replaced' | 'kept';

/** A reason the parser could not read an item; the service answers it with 422. */
export class WireParseError extends Error {
  override readonly name = 'WireParseError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
