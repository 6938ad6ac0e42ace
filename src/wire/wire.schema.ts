// The wire shapes of the wire desk's API: the inbox, ingest answers, drafts from an item, and
// the ninjs export (whose own shape is the ninjs 2.0 schema, checked in the tests).
import { Type, type Static } from 'typebox';
import { Slug } from '../liveblog/liveblog.schema.js';
import { UpdateOut } from '../update/update.schema.js';
import { PUB_STATUSES, WIRE_FORMATS } from './wire.types.js';

const Time = Type.String({ format: 'date-time' });
const TimeOrNull = Type.Union([Time, Type.Null()]);

export const WireItemOut = Type.Object({
  id: Type.Integer(),
  guid: Type.String(),
  version: Type.Integer(),
  versionCreated: Time,
  format: Type.Enum([...WIRE_FORMATS]),
  agency: Type.String(),
  language: Type.String(),
  headline: Type.String(),
  text: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  embargoUntil: TimeOrNull,
  /** Under embargo now: a draft made from it cannot be published yet. */
  embargoed: Type.Boolean(),
  expiresAt: TimeOrNull,
  /** Past its expiry: flagged in the inbox. */
  expired: Type.Boolean(),
  pubStatus: Type.Enum([...PUB_STATUSES]),
  urgency: Type.Union([Type.Integer(), Type.Null()]),
  receivedAt: Time,
  updatedAt: Time,
  /** How many drafts were made from it. */
  drafts: Type.Integer(),
});
export type WireItemOut = Static<typeof WireItemOut>;

export const WireListOut = Type.Object({ items: Type.Array(WireItemOut) });

export const WireIngestOut = Type.Object({
  results: Type.Array(
    Type.Object({
      /** added: a new id; replaced: a newer version of a kept id; kept: older than the kept one. */
      outcome: Type.Enum(['added', 'replaced', 'kept']),
      item: WireItemOut,
    }),
  ),
});

export const WireListQuery = Type.Object(
  {
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const WireParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const WireDraftBody = Type.Object({ liveblog: Slug }, { additionalProperties: false });

export const WireDraftOut = Type.Object({ draft: UpdateOut, item: WireItemOut });

/** The agency's document as it arrives: XML text, or ninjs JSON (one object or several). */
export const WireIngestBody = {
  content: {
    'application/xml': { schema: Type.String({ minLength: 1 }) },
    'text/xml': { schema: Type.String({ minLength: 1 }) },
    'application/json': {
      schema: Type.Union([
        Type.Object({}, { additionalProperties: true }),
        Type.Array(Type.Object({}, { additionalProperties: true }), { minItems: 1, maxItems: 100 }),
      ]),
    },
  },
};

export const NinjsQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);

/** A ninjs 2.0 object; its shape is the IPTC's schema, not ours. */
export const NinjsOut = Type.Unknown({ description: 'A ninjs 2.0 news object' });

/** The inbox page's query: the page's language and an optional language filter. */
export const WireDeskQuery = Type.Object(
  {
    lang: Type.Optional(Type.Enum(['ar', 'en'])),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
  },
  { additionalProperties: false },
);

/** The inbox page's form: which live page the draft goes to. */
export const WireDraftForm = Type.Object(
  {
    _csrf: Type.Optional(Type.String({ maxLength: 200 })),
    liveblog: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
