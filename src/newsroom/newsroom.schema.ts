// The wire shapes of the staff pages: every form body, path and query they accept. Form
// fields are strings; what they mean is decided by the handler and the service, which answer
// bad values with a message on the page.
import { Type } from 'typebox';
import { Slug } from '../liveblog/liveblog.schema.js';

export const Html = Type.String({ description: 'An HTML page' });

export const LangQuery = Type.Object({ lang: Type.Optional(Type.Enum(['ar', 'en'])) });

export const SlugParams = Type.Object({ slug: Slug });

export const UserParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** One text field of a form, optional: a missing field is the service's to refuse. */
const Field = Type.Optional(Type.String({ maxLength: 25_000 }));

/** A form of the named fields (and its CSRF field); any other field is refused. */
function formOf<const Names extends readonly string[]>(...names: Names) {
  const fields = Object.fromEntries(names.map((name) => [name, Field])) as Record<
    Names[number],
    typeof Field
  >;
  return Type.Object({ _csrf: Field, ...fields }, { additionalProperties: false });
}

export const LoginForm = formOf('email', 'password', 'locale', '_login');
export const SecondStepForm = formOf('code', 'locale');
export const CodeForm = formOf('code');
export const TwoFactorSettingForm = formOf('required');
export const SourcePresetsForm = formOf('sources');
export const SetupForm = formOf('email', 'displayName', 'password');
export const LocaleForm = formOf('locale');

export const NewPageForm = formOf('slug', 'headline', 'standfirst', 'timeZone', 'locale');

const DATE_STYLE_FIELDS = ['months', 'digits', 'clock', 'hijri'] as const;
export const SiteSettingsForm = formOf(...DATE_STYLE_FIELDS);
export const PageSettingsForm = formOf(
  'headline',
  'standfirst',
  'status',
  'commentMode',
  'timeZone',
  ...DATE_STYLE_FIELDS,
);

/** How many explainer sections the form may carry (its rows are numbered 0 to 20). */
export const EXPLAINER_ROWS = 21;
export const ExplainerForm = Type.Record(
  Type.String({ pattern: '^(_csrf|(title|text|photo|order)([0-9]|1[0-9]|20))$' }),
  Type.String({ maxLength: 25_000 }),
  { additionalProperties: false },
);

export const NewUserForm = formOf('email', 'displayName', 'password', 'role');
export const RoleForm = formOf('role');

export const ModerationForm = Type.Object(
  {
    _csrf: Type.Optional(Type.String()),
    ids: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 500 })])),
    action: Type.Optional(Type.Enum(['approve', 'reject', 'spam'])),
    block: Type.Optional(Type.String({ maxLength: 12 })),
  },
  { additionalProperties: false },
);

export const WordsForm = formOf('add', 'remove');
