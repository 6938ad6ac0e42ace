// The wire shapes of live pages: request validation and response serialisation, one place.
import { Type, type Static } from 'typebox';
import { LIVEBLOG_STATUSES } from './liveblog.types.js';

export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

export const Slug = Type.String({
  minLength: 2,
  maxLength: 80,
  pattern: SLUG_PATTERN,
  description: 'Lower-case Latin letters, digits and single hyphens, e.g. "muscat-talks"',
});
export const Headline = Type.String({ minLength: 1, maxLength: 300 });
export const Standfirst = Type.String({ maxLength: 1000 });
export const LocaleSchema = Type.Union([Type.Literal('ar'), Type.Literal('en')]);
export const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'An IANA time zone such as Asia/Muscat',
});
export const LiveblogStatusSchema = Type.Enum([...LIVEBLOG_STATUSES]);
export const IsoDateTime = Type.String({ format: 'date-time' });

export const SlugParams = Type.Object({ slug: Slug }, { additionalProperties: false });

export const CreateLiveblogBody = Type.Object(
  {
    slug: Slug,
    headline: Headline,
    standfirst: Type.Optional(Standfirst),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(TimeZone),
    status: Type.Optional(LiveblogStatusSchema),
  },
  { additionalProperties: false },
);
export type CreateLiveblogBody = Static<typeof CreateLiveblogBody>;

export const PatchLiveblogBody = Type.Object(
  {
    headline: Type.Optional(Headline),
    standfirst: Type.Optional(Standfirst),
    status: Type.Optional(LiveblogStatusSchema),
    timeZone: Type.Optional(TimeZone),
    coverageStartAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
    coverageEndAt: Type.Optional(Type.Union([IsoDateTime, Type.Null()])),
    dateStyle: Type.Optional(
      Type.Union([
        Type.Object(
          {
            months: Type.Enum(['gulf', 'levant', 'maghreb', 'both']),
            digits: Type.Enum(['latn', 'arab']),
            hijri: Type.Boolean(),
            clock: Type.Enum(['24', '12']),
          },
          {
            additionalProperties: false,
            description: 'How this page writes dates; null follows the site setting',
          },
        ),
        Type.Null(),
      ]),
    ),
    translation: Type.Optional(
      Type.Union([Slug, Type.Null()], {
        description: 'The slug of the same coverage in the other language (hreflang)',
      }),
    ),
    commentMode: Type.Optional(
      Type.Enum(['pre', 'post'], {
        description: 'pre: comments wait for a moderator; post: shown at once',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchLiveblogBody = Static<typeof PatchLiveblogBody>;

export const ExplainerBody = Type.Object(
  {
    sections: Type.Array(
      Type.Object(
        {
          title: Type.String({ minLength: 1, maxLength: 200 }),
          text: Type.String({ minLength: 1, maxLength: 20_000 }),
          photoId: Type.Optional(
            Type.String({
              pattern: '^[a-f0-9]{20}$',
              description: 'A photo from /api/v1/photos, shown under the text',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type ExplainerBody = Static<typeof ExplainerBody>;

export const ExplainerSectionOut = Type.Object({
  title: Type.String(),
  text: Type.String(),
  anchor: Type.String(),
});

export const LiveblogOut = Type.Object({
  slug: Type.String(),
  headline: Type.String(),
  standfirst: Type.String(),
  status: LiveblogStatusSchema,
  locale: LocaleSchema,
  timeZone: Type.String(),
  coverageStartAt: Type.Union([Type.String(), Type.Null()]),
  coverageEndAt: Type.Union([Type.String(), Type.Null()]),
  lastEventId: Type.Integer(),
  translation: Type.Union([Type.String(), Type.Null()], {
    description: 'The same coverage in the other language',
  }),
  url: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  explainer: Type.Array(ExplainerSectionOut),
});
export type LiveblogOut = Static<typeof LiveblogOut>;
