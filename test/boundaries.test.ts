// The Direction rule (docs/adr/0010-import-boundaries.md) as `npm run lint` applies it: the real
// eslint.config.js, run on made-up files, with type-aware linting switched off so that the made-up
// paths need no place in the TypeScript program.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const GROUND = ['platform', 'lib', 'storage', 'access', 'frame', 'blocks', 'media'];
const DIRECTION_RULES = new Set([
  'no-restricted-imports',
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-properties',
]);

const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }],
});

/** The Direction findings for `code` saved as `filePath`, as "line rule" strings. */
async function direction(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal) throw new Error(`${filePath} did not parse: ${fatal.message}`);
  return messages
    .filter((message) => message.ruleId !== null && DIRECTION_RULES.has(message.ruleId))
    .map((message) => `${message.line} ${message.ruleId ?? ''}`);
}

describe('Direction: ground folders import no domain', () => {
  it('rejects a ground file that imports a domain, browser code or the composition root', async () => {
    const code = [
      "import type { Liveblog } from '../liveblog/liveblog.types.js';",
      "import { EVENT_TYPES } from '../realtime/realtime.events.js';",
      "import { createServices } from '../services.js';",
      "import { liveTime } from '../client/live.time.js';",
      'export const all = [EVENT_TYPES, createServices, liveTime] as const;',
      'export type Page = Liveblog;',
    ].join('\n');
    expect(await direction('src/platform/platform.example.ts', code)).toEqual([
      '1 no-restricted-imports',
      '2 no-restricted-imports',
      '3 no-restricted-imports',
      '4 no-restricted-imports',
    ]);
    expect(await direction('src/storage/migrations/2099-01-01-0099-example.ts', code)).toHaveLength(
      4,
    );
  });

  it('accepts a ground file that imports ground folders and packages', async () => {
    const code = [
      "import { randomBytes } from 'node:crypto';",
      "import { Type } from 'typebox';",
      "import type { Db } from '../storage/storage.database.js';",
      "import { errors } from '../platform/platform.errors.js';",
      "import { plural } from '../lib/time.format.js';",
      "import type { Block } from '../blocks/blocks.schema.js';",
      "import { assertCan } from './access.policy.js';",
      'export const all = [randomBytes, Type, errors, plural, assertCan] as const;',
      'export type Both = [Db, Block];',
    ].join('\n');
    expect(await direction('src/access/access.example.ts', code)).toEqual([]);
  });

  it('knows every folder under src/: ground, browser code, or a domain that ground may not import', async () => {
    const folders = readdirSync(new URL('../src', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const folder of folders) {
      const code = `import { x } from '../${folder}/${folder}.example.js';\nexport const y = x;\n`;
      const found = await direction('src/lib/lib.example.ts', code);
      // A folder that fails here is missing from GROUND or DOMAINS in eslint.config.js.
      expect({ folder, found }).toEqual({
        folder,
        found: GROUND.includes(folder) ? [] : ['1 no-restricted-imports'],
      });
    }
  });
});

describe('Direction: views and routes import no repository', () => {
  it('rejects a view that imports a repository or the database', async () => {
    const code = [
      "import type { Comment } from './comment.repository.js';",
      "import type { Db } from '../storage/storage.database.js';",
      'export type Both = [Comment, Db];',
    ].join('\n');
    expect(await direction('src/comment/comment.example.view.tsx', code)).toEqual([
      '1 @typescript-eslint/no-restricted-imports',
      '2 @typescript-eslint/no-restricted-imports',
    ]);
  });

  it('keeps both checks on a view inside a ground folder', async () => {
    const code = [
      "import { createUpdateRepository } from '../update/update.repository.js';",
      'export const make = createUpdateRepository;',
    ].join('\n');
    expect(await direction('src/frame/frame.example.view.tsx', code)).toEqual([
      '1 no-restricted-imports',
      '1 @typescript-eslint/no-restricted-imports',
    ]);
  });

  it('rejects a route that imports a repository or uses app.database', async () => {
    const code = [
      "import type { FastifyInstance } from 'fastify';",
      "import { createSearchRepository } from './search.repository.js';",
      'export function routes(app: FastifyInstance): unknown {',
      '  return [createSearchRepository, app.database.db];',
      '}',
    ].join('\n');
    expect(await direction('src/search/search.example.routes.ts', code)).toEqual([
      '2 @typescript-eslint/no-restricted-imports',
      '4 no-restricted-properties',
    ]);
  });

  it('accepts a route that calls a service and renders a view', async () => {
    const code = [
      "import type { FastifyInstance } from 'fastify';",
      "import type { SearchService } from './search.service.js';",
      "import { renderSearchPage } from './search.view.js';",
      "import { Slug } from '../liveblog/liveblog.schema.js';",
      'export function routes(app: FastifyInstance, search: SearchService): unknown {',
      '  return [app.services, search, renderSearchPage, Slug];',
      '}',
    ].join('\n');
    expect(await direction('src/search/search.example.routes.ts', code)).toEqual([]);
  });

  it('exempts no route: the modules that once read the database are held to both rules', async () => {
    const code = [
      "import type { FastifyInstance } from 'fastify';",
      "import { createEventRepository } from './realtime.repository.js';",
      'export function routes(app: FastifyInstance): unknown {',
      '  return [createEventRepository, app.database.db];',
      '}',
    ].join('\n');
    for (const file of [
      'src/realtime/realtime.routes.ts',
      'src/reader/reader.routes.tsx',
      'src/reader/reader.feeds.routes.ts',
      'src/update/update.routes.ts',
    ]) {
      expect({ file, found: await direction(file, code) }).toEqual({
        file,
        found: ['2 @typescript-eslint/no-restricted-imports', '4 no-restricted-properties'],
      });
    }
  });
});

describe('Direction: browser code imports no server-only module', () => {
  it('rejects storage, repositories, services, platform and Node built-ins', async () => {
    const code = [
      "import type { Db } from '../storage/storage.database.js';",
      "import { createUpdateRepository } from '../update/update.repository.js';",
      "import type { CommentService } from '../comment/comment.service.js';",
      "import { errors } from '../platform/platform.errors.js';",
      "import { randomBytes } from 'node:crypto';",
      'export const all = [createUpdateRepository, errors, randomBytes] as const;',
      'export type Both = [Db, CommentService];',
    ].join('\n');
    expect(await direction('src/client/live.example.ts', code)).toEqual([
      '1 no-restricted-imports',
      '2 no-restricted-imports',
      '3 no-restricted-imports',
      '4 no-restricted-imports',
      '5 no-restricted-imports',
    ]);
  });

  it('accepts its own folder, lib, blocks and the shared event names', async () => {
    const code = [
      "import { plural } from '../lib/time.format.js';",
      "import type { Block } from '../blocks/blocks.schema.js';",
      "import { EVENT_TYPES } from '../realtime/realtime.events.js';",
      "import { readContext } from './live.context.js';",
      'export const all = [plural, EVENT_TYPES, readContext] as const;',
      'export type One = Block;',
    ].join('\n');
    expect(await direction('src/client/live.example.ts', code)).toEqual([]);
  });
});
