// ESLint flat config: typescript-eslint strict type-checked, zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Direction: who may import whom (docs/adr/0010-import-boundaries.md). The checks read the
// import specifier as written, which works because every import of our own code is relative
// and names the folder it goes to (`../liveblog/liveblog.types.js`), and every file carries its
// role in its name (`.repository`, `.view`, `.routes`).

/** Ground folders: shared floors that know nothing about any domain. */
const GROUND = ['platform', 'lib', 'storage', 'access', 'frame', 'blocks', 'media'];
/** Domain folders. A new folder under src/ goes here (or in GROUND); test/boundaries.test.ts
 * fails until it is placed. */
const DOMAINS = [
  'liveblog',
  'update',
  'comment',
  'reader',
  'newsroom',
  'search',
  'proof',
  'realtime',
  'settings',
  'demo',
  'wire',
  'push',
];
/** What browser code (src/client) may import besides its own folder: pure, browser-safe code. */
const CLIENT_MAY_IMPORT = [
  'lib/',
  'blocks/',
  'realtime/realtime.events.js',
  'realtime/realtime.desk-events.js',
];
/** Route plugins whose names do not end in `.routes` (yet): none today; keep it that way. */
const ROUTE_MODULES = [];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const groundImports = {
  patterns: [
    {
      regex: `^\\.\\.?/(?:.*/)?(?:${[...DOMAINS, 'client'].join('|')})/`,
      message:
        `Direction: ground folders (${GROUND.join(', ')}) import no domain and no browser code. ` +
        'Move the shared piece down into a ground folder, or pass it in from the domain.',
    },
    {
      regex: '^(?:\\.\\./)+(?:app|services|server|cli)\\.js$',
      message:
        'Direction: ground folders do not import the composition root (app, services, server, cli).',
    },
  ],
};

const clientImports = {
  patterns: [
    {
      regex: `^\\.\\./(?!${CLIENT_MAY_IMPORT.map(escape).join('|')})`,
      message:
        'Direction: browser code imports only src/client, src/lib, src/blocks, realtime.events.ts and realtime.desk-events.ts; everything else (storage, repositories, services, platform, access, views) is server-only.',
    },
    {
      regex:
        '^(?:node:|fastify$|@fastify/|kysely$|pg$|better-sqlite3$|ioredis$|sharp$|@node-rs/|prom-client$)',
      message: 'Direction: browser code imports no Node built-in and no server package.',
    },
  ],
};

const viewAndRouteImports = {
  patterns: [
    {
      regex: '^.*\\.repository\\.js$',
      message:
        'Direction: views and routes import no repository. A route calls one service method; the service uses the repository.',
    },
    {
      regex: '(?:^|/)storage/storage\\.database\\.js$|^kysely$',
      message: 'Direction: views and routes do not touch the database; SQL lives in repositories.',
    },
  ],
};

const noDatabaseInRoutes = {
  property: 'database',
  message: 'Direction: routes do not use app.database; call a service method instead.',
};

const VIEWS = ['src/**/*.view.ts', 'src/**/*.view.tsx'];
const ROUTES = ['src/**/*.routes.ts', 'src/**/*.routes.tsx', ...ROUTE_MODULES];

// Two rule names on purpose: flat config replaces a rule's options, it does not merge them, so a
// file that is both ground and a view (frame.view.tsx) would otherwise lose one of the checks.
// `no-restricted-imports` carries the folder rules (ground, client); the typescript-eslint one
// carries the view/route rule.
const direction = [
  {
    files: GROUND.map((folder) => `src/${folder}/**`),
    rules: { 'no-restricted-imports': ['error', groundImports] },
  },
  {
    files: ['src/client/**'],
    rules: { 'no-restricted-imports': ['error', clientImports] },
  },
  {
    files: [...VIEWS, ...ROUTES],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', viewAndRouteImports] },
  },
  {
    files: ROUTES,
    rules: { 'no-restricted-properties': ['error', noDatabaseInRoutes] },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'public/build/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: './tsconfig.check.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Raw HTML is only allowed in the update view through renderTrustedHtml.',
        },
      ],
    },
  },
  ...direction,
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      parserOptions: { project: false, program: null },
      globals: {
        URL: 'readonly',
        console: 'readonly',
        process: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
