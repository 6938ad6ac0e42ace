// The wire shapes of updates: request validation and response serialisation, one place.
import { Type, type Static } from 'typebox';
import { Block, Blocks, MAX_TEXT_LENGTH } from '../blocks/blocks.schema.js';
import { SOURCE_KINDS, VERIFICATION_STATES } from './update.types.js';
import { Slug } from '../liveblog/liveblog.schema.js';

export const SourceSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    kind: Type.Enum([...SOURCE_KINDS]),
    url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://[^\\s]+$' })),
  },
  { additionalProperties: false },
);

/** Trust (update.verification.ts): a state with its public note, or a correction's note. */
const Verification = Type.Enum([...VERIFICATION_STATES]);
const TrustPatchFields = {
  verification: Type.Optional(Verification),
  verificationNote: Type.Optional(Type.String({ maxLength: 500 })),
  correction: Type.Optional(
    Type.Object(
      { note: Type.String({ minLength: 1, maxLength: 500 }) },
      { additionalProperties: false },
    ),
  ),
};
const TrustOut = {
  verification: Type.Union([Verification, Type.Null()]),
  verificationAt: Type.Union([Type.String(), Type.Null()]),
  verificationNote: Type.Union([Type.String(), Type.Null()]),
  corrections: Type.Array(
    Type.Object({ at: Type.String(), note: Type.String(), revision: Type.Integer() }),
  ),
};

const UpdateHeadline = Type.Union([Type.String({ maxLength: 300 }), Type.Null()]);

/** The name readers see under the update; null (or absent on a new update) for none. */
const Byline = Type.Union([Type.String({ maxLength: 120 }), Type.Null()], {
  description:
    'The name readers see under the update («بقلم …»). Without it a new update has no byline: ' +
    "the token's name is never shown.",
});

export const ContributorSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    role: Type.Optional(Type.String({ maxLength: 120, description: 'e.g. «مراسلنا في طهران»' })),
    userId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'When the contributor is a newsroom account' }),
    ),
  },
  { additionalProperties: false },
);

const Contributors = Type.Array(ContributorSchema, { maxItems: 12 });

export const CreateUpdateBody = Type.Object(
  {
    headline: Type.Optional(UpdateHeadline),
    text: Type.Optional(
      Type.String({
        maxLength: MAX_TEXT_LENGTH,
        description: 'Plain text; blank lines split paragraphs',
      }),
    ),
    blocks: Type.Optional(Blocks),
    sources: Type.Optional(Type.Array(SourceSchema, { maxItems: 12 })),
    keyEvent: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean()),
    breaking: Type.Optional(Type.Boolean()),
    byline: Type.Optional(Byline),
    contributors: Type.Optional(Contributors),
    author: Type.Optional(
      Type.String({ minLength: 1, maxLength: 120, description: 'The byline, by its older name' }),
    ),
    publishAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Schedule the update for this time instead of now',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateUpdateBody = Static<typeof CreateUpdateBody>;

/** A draft as the composer holds it; every field optional (autosave sends what it has). */
export const DraftBody = Type.Object(
  {
    headline: Type.Optional(UpdateHeadline),
    text: Type.Optional(Type.String({ maxLength: MAX_TEXT_LENGTH })),
    blocks: Type.Optional(Type.Array(Block, { maxItems: 50 })),
    sources: Type.Optional(Type.Array(SourceSchema, { maxItems: 12 })),
    keyEvent: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean()),
    breaking: Type.Optional(Type.Boolean()),
    byline: Type.Optional(Byline),
    contributors: Type.Optional(Contributors),
  },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

export const PublishDraftBody = Type.Object(
  { publishAt: Type.Optional(Type.String({ format: 'date-time' })) },
  { additionalProperties: false },
);
export const ReturnDraftBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const DraftListOut = Type.Object({ drafts: Type.Array(Type.Unknown()) });

export const RevisionOut = Type.Object({
  revision: Type.Integer(),
  action: Type.String(),
  editor: Type.String(),
  at: Type.String(),
  headline: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
});

export type RevisionOut = Static<typeof RevisionOut>;

export const PreviewBody = Type.Object(
  {
    headline: Type.Optional(UpdateHeadline),
    blocks: Type.Array(Block, { maxItems: 50 }),
    sources: Type.Optional(Type.Array(SourceSchema, { maxItems: 12 })),
    keyEvent: Type.Optional(Type.Boolean()),
    breaking: Type.Optional(Type.Boolean()),
    byline: Type.Optional(Byline),
  },
  { additionalProperties: false },
);
export type PreviewBody = Static<typeof PreviewBody>;

export const PatchUpdateBody = Type.Object(
  {
    headline: Type.Optional(UpdateHeadline),
    text: Type.Optional(Type.String({ maxLength: MAX_TEXT_LENGTH })),
    blocks: Type.Optional(Blocks),
    sources: Type.Optional(Type.Array(SourceSchema, { maxItems: 12 })),
    keyEvent: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean()),
    breaking: Type.Optional(Type.Boolean()),
    ...TrustPatchFields,
    byline: Type.Optional(Byline),
    contributors: Type.Optional(Contributors),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchUpdateBody = Static<typeof PatchUpdateBody>;

/** Optimistic concurrency on PATCH and DELETE: the ETag the caller last saw. */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 1000,
      description:
        'The ETag from GET or the last PATCH of this update (or `*`). If the update has changed ' +
        'since, the answer is 412 precondition_failed and nothing is written.',
    }),
  ),
});

/** A stale If-Match. */
export const preconditionResponses = { 412: Type.Ref('ErrorOut') };

export const UpdateParams = Type.Object(
  { slug: Slug, id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
  { additionalProperties: false },
);

export const ListUpdatesQuery = Type.Object(
  {
    before: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Return updates older than this update id' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    verification: Type.Optional(Verification),
  },
  { additionalProperties: false },
);

export const UpdateOut = Type.Object({
  id: Type.Integer(),
  liveblog: Type.String(),
  headline: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  blocks: Type.Array(Type.Unknown()),
  sources: Type.Array(SourceSchema),
  keyEvent: Type.Boolean(),
  pinned: Type.Boolean(),
  breaking: Type.Boolean(),
  author: Type.String({
    description: "Who wrote it (the newsroom's record; not shown to readers)",
  }),
  byline: Type.Union([Type.String(), Type.Null()]),
  contributors: Type.Array(ContributorSchema),
  status: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  editedAt: Type.Union([Type.String(), Type.Null()]),
  revision: Type.Integer(),
  url: Type.String(),
  scheduledAt: Type.Union([Type.String(), Type.Null()]),
  returnNote: Type.Union([Type.String(), Type.Null()]),
  ...TrustOut,
  /** The same update on the counterpart page in the other language, once linked. */
  translation: Type.Union([
    Type.Object({ liveblog: Type.String(), id: Type.Integer(), url: Type.String() }),
    Type.Null(),
  ]),
});
export type UpdateOut = Static<typeof UpdateOut>;

export const UpdateListOut = Type.Object({
  updates: Type.Array(UpdateOut),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
