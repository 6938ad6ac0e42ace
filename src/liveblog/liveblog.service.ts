// Live pages: create, change, explain. Every method checks access on its first line.
import { errors, things } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import type { Bus } from '../realtime/realtime.bus.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { isUniqueViolation, type Db } from '../storage/storage.database.js';
import { audit } from '../access/access.audit.js';
import { recordEvents, ringAfterCommit, withSeq } from '../realtime/realtime.record.js';
import { blocksFromText, type Block } from '../blocks/blocks.schema.js';
import type { MediaResolver } from '../media/media.resolver.js';
import type { PageChanged } from '../platform/platform.cache.js';
import {
  type ExplainerSection,
  type Liveblog,
  type LiveblogChanges,
  type LiveblogStatus,
} from './liveblog.types.js';
import { createLiveblogRepository } from './liveblog.repository.js';
import {
  SLUG_PATTERN,
  type CreateLiveblogBody,
  type ExplainerBody,
  type PatchLiveblogBody,
} from './liveblog.schema.js';
import { renderExplainerHtml } from './liveblog.view.js';
import { normaliseLine } from '../lib/text.normalise.js';

/** The headline as stored: one clean line, never empty. */
function headlineOf(value: string): string {
  const headline = normaliseLine(value);
  if (headline === '') throw errors.validation([{ field: '/headline', message: 'is empty' }]);
  return headline;
}

export interface LiveblogWithExplainer {
  readonly liveblog: Liveblog;
  readonly explainer: ExplainerSection[];
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function checkTimeZone(value: string | undefined): void {
  if (value !== undefined && !isTimeZone(value)) {
    throw errors.validation([
      { field: '/timeZone', message: 'must be an IANA time zone such as Asia/Muscat' },
    ]);
  }
}

const SLUG = new RegExp(SLUG_PATTERN);

/** The API's schema says the same; forms and the command line come here too. */
function checkSlug(slug: string): void {
  if (slug.length < 2 || slug.length > 80 || !SLUG.test(slug)) {
    throw errors.validation(
      [{ field: '/slug', message: 'must be 2 to 80 lower-case Latin letters, digits and hyphens' }],
      {
        ar: 'يتكوّن المعرّف (slug) من 2 إلى 80 حرفًا لاتينيًا صغيرًا أو رقمًا، بينها شرطات مفردة.',
        en: 'The slug is 2 to 80 lower-case Latin letters or digits, with single hyphens between.',
      },
    );
  }
}

const slugTaken = () =>
  errors.conflict('slug_taken', {
    ar: 'هذا المعرّف (slug) مستخدم لصفحة أخرى.',
    en: 'This slug is already used by another live page.',
  });

/** The live event that tells open pages their header or explainer changed. */
function liveblogUpdatedData(liveblog: Liveblog, explainer: readonly ExplainerSection[]) {
  return {
    headline: liveblog.headline,
    standfirst: liveblog.standfirst,
    status: liveblog.status,
    explainerHtml: renderExplainerHtml(liveblog, explainer),
  };
}

/** Keeps the search index in step with the explainer, inside the writing transaction. */
export interface ExplainerIndexer {
  indexExplainer(
    trx: Db,
    liveblog: Liveblog,
    explainer: readonly ExplainerSection[],
  ): Promise<void>;
}

export interface LiveblogServiceDeps extends BaseDeps {
  readonly bus: Bus;
  readonly media: MediaResolver;
  readonly indexer: ExplainerIndexer;
  /** Told after a change readers can see commits (shared caches purge what showed it). */
  readonly pageChanged?: PageChanged;
}

export function createLiveblogService(deps: LiveblogServiceDeps) {
  const { db, bus, clock, media, indexer } = deps;
  const liveblogs = createLiveblogRepository();

  /** After the commit: the doorbell for open pages, then the shared caches. */
  async function changed(liveblog: Liveblog): Promise<void> {
    await ringAfterCommit(bus, liveblog);
    deps.pageChanged?.({ liveblogId: liveblog.id, slug: liveblog.slug, updateIds: [] });
  }

  async function bySlug(slug: string): Promise<Liveblog> {
    const liveblog = await liveblogs.findBySlug(db, slug);
    if (!liveblog) throw errors.notFound(things.liveblog);
    return liveblog;
  }

  return {
    bySlug,

    async get(slug: string): Promise<LiveblogWithExplainer> {
      const liveblog = await bySlug(slug);
      return { liveblog, explainer: await liveblogs.explainer(db, liveblog.id) };
    },

    async create(actor: Actor, input: CreateLiveblogBody): Promise<LiveblogWithExplainer> {
      assertCan(actor, 'liveblog.create');
      checkSlug(input.slug);
      checkTimeZone(input.timeZone);
      const now = clock.now();
      const status: LiveblogStatus = input.status ?? 'live';
      try {
        const liveblog = await db.transaction().execute(async (trx) => {
          const created = await liveblogs.insert(
            trx,
            {
              slug: input.slug,
              headline: headlineOf(input.headline),
              standfirst: normaliseLine(input.standfirst ?? ''),
              status,
              locale: input.locale ?? 'ar',
              timeZone: input.timeZone ?? 'UTC',
              coverageStartAt: status === 'live' ? now : null,
            },
            now,
          );
          await audit(
            trx,
            actor,
            {
              action: 'liveblog.create',
              targetType: 'liveblog',
              targetId: created.slug,
              after: { headline: created.headline },
            },
            now,
          );
          return created;
        });
        return { liveblog, explainer: [] };
      } catch (error) {
        if (isUniqueViolation(error)) throw slugTaken();
        throw error;
      }
    },

    async change(
      actor: Actor,
      slug: string,
      patch: PatchLiveblogBody,
    ): Promise<LiveblogWithExplainer> {
      assertCan(actor, 'liveblog.edit');
      checkTimeZone(patch.timeZone);
      const current = await bySlug(slug);
      if (typeof patch.translation === 'string') {
        const other = await liveblogs.findBySlug(db, patch.translation);
        if (!other || other.locale === current.locale || other.id === current.id) {
          throw errors.validation([
            { field: '/translation', message: 'must be a live page in the other language' },
          ]);
        }
      }
      const now = clock.now();
      const changes: LiveblogChanges = {
        ...(patch.headline !== undefined && { headline: headlineOf(patch.headline) }),
        ...(patch.standfirst !== undefined && { standfirst: normaliseLine(patch.standfirst) }),
        ...(patch.status !== undefined && { status: patch.status }),
        ...(patch.timeZone !== undefined && { timeZone: patch.timeZone }),
        ...(patch.commentMode !== undefined && { commentMode: patch.commentMode }),
        ...(patch.translation !== undefined && { translationSlug: patch.translation }),
        ...(patch.dateStyle !== undefined && { dateStyle: patch.dateStyle }),
        ...(patch.coverageStartAt !== undefined && {
          coverageStartAt: patch.coverageStartAt === null ? null : new Date(patch.coverageStartAt),
        }),
        ...(patch.coverageEndAt !== undefined && {
          coverageEndAt: patch.coverageEndAt === null ? null : new Date(patch.coverageEndAt),
        }),
      };
      // Going live starts the coverage; ending it closes it, unless the newsroom set the times.
      if (
        patch.status === 'live' &&
        current.coverageStartAt === null &&
        changes.coverageStartAt === undefined
      ) {
        changes.coverageStartAt = now;
      }
      if (
        patch.status === 'ended' &&
        current.coverageEndAt === null &&
        changes.coverageEndAt === undefined
      ) {
        changes.coverageEndAt = now;
      }
      const result = await db.transaction().execute(async (trx) => {
        await liveblogs.update(trx, current.id, changes, now);
        // A translation link goes both ways: the other page points back, its old partner lets go.
        if (patch.translation !== undefined) {
          if (current.translationSlug && current.translationSlug !== patch.translation) {
            const old = await liveblogs.findBySlug(trx, current.translationSlug);
            if (old?.translationSlug === current.slug)
              await liveblogs.update(trx, old.id, { translationSlug: null }, now);
          }
          if (patch.translation !== null) {
            const other = await liveblogs.findBySlug(trx, patch.translation);
            if (other)
              await liveblogs.update(trx, other.id, { translationSlug: current.slug }, now);
          }
        }
        await audit(
          trx,
          actor,
          {
            action: 'liveblog.change',
            targetType: 'liveblog',
            targetId: current.slug,
            before: {
              headline: current.headline,
              standfirst: current.standfirst,
              status: current.status,
              timeZone: current.timeZone,
            },
            after: patch,
          },
          now,
        );
        const explainer = await liveblogs.explainer(trx, current.id);
        const changed: Liveblog = { ...current, ...changes };
        const liveblog = withSeq(
          changed,
          await recordEvents(
            trx,
            current.id,
            [
              {
                type: 'liveblog.updated',
                updateId: null,
                data: () => liveblogUpdatedData(changed, explainer),
              },
            ],
            now,
          ),
        );
        return { liveblog, explainer };
      });
      await changed(result.liveblog);
      return result;
    },

    async replaceExplainer(
      actor: Actor,
      slug: string,
      body: ExplainerBody,
    ): Promise<LiveblogWithExplainer> {
      assertCan(actor, 'liveblog.edit');
      const current = await bySlug(slug);
      const sections: { title: string; blocks: Block[] }[] = [];
      for (const section of body.sections) {
        const text = blocksFromText(section.text);
        const photo = section.photoId
          ? await media.resolve([{ type: 'image', photoId: section.photoId }])
          : [];
        sections.push({ title: normaliseLine(section.title), blocks: [...text, ...photo] });
      }
      const empty = sections.findIndex(
        (section) => section.title === '' || section.blocks.length === 0,
      );
      if (empty !== -1) {
        throw errors.validation([
          { field: `/sections/${empty}`, message: 'needs a title and some text' },
        ]);
      }
      const now = clock.now();
      const result = await db.transaction().execute(async (trx) => {
        // The event bump comes first: the first statement of a write transaction writes.
        const liveblog = withSeq(
          current,
          await recordEvents(
            trx,
            current.id,
            [
              {
                type: 'liveblog.updated',
                updateId: null,
                data: () =>
                  liveblogUpdatedData(
                    current,
                    sections.map((s, position) => ({ ...s, position })),
                  ),
              },
            ],
            now,
          ),
        );
        await liveblogs.replaceExplainer(trx, current.id, sections);
        await audit(
          trx,
          actor,
          {
            action: 'liveblog.explainer',
            targetType: 'liveblog',
            targetId: current.slug,
            after: body.sections,
          },
          now,
        );
        const explainer = await liveblogs.explainer(trx, current.id);
        await indexer.indexExplainer(trx, liveblog, explainer);
        return { liveblog, explainer };
      });
      await changed(result.liveblog);
      return result;
    },

    async frontPage(limit = 50): Promise<Liveblog[]> {
      return liveblogs.listForFrontPage(db, limit);
    },
  };
}

export type LiveblogService = ReturnType<typeof createLiveblogService>;
