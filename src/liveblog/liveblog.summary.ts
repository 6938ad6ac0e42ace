// The «what we know so far» box: editors replace it as a whole, every version is kept (its
// public history), and a change reaches open pages as a `liveblog.summary` event written in
// the same transaction, then purges the shared caches. Access is checked on each write's first
// line.
import { errors } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import type { PageChanged } from '../platform/platform.cache.js';
import type { Bus } from '../realtime/realtime.bus.js';
import { recordEvents, ringAfterCommit, withSeq } from '../realtime/realtime.record.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';
import { normaliseLine } from '../lib/text.normalise.js';
import type { DateStyle } from '../lib/time.format.js';
import { renderContext } from '../update/update.presenter.js';
import { liveblogBySlugOr404 } from './liveblog.lookup.js';
import { createSummaryRepository } from './liveblog.summary.repository.js';
import { renderSummaryHtml } from './liveblog.summary.view.js';
import type { Liveblog, SummaryVersion } from './liveblog.types.js';

/** Points in the box, at most; a summary is short by design. */
export const MAX_SUMMARY_POINTS = 12;
const HISTORY_SHOWN = 200;

export interface SummaryServiceDeps extends BaseDeps {
  readonly bus: Bus;
  readonly siteDateStyle: () => Promise<DateStyle>;
  readonly publicUrl?: string;
  readonly pageChanged?: PageChanged;
}

/** The text as stored: one clean line per point, blank lines dropped. */
export function summaryText(text: string): string {
  const points = text
    .split(/\r\n|\r|\n|\u2028/)
    .map((line) => normaliseLine(line).replace(/^[-•*·]\s*/, ''))
    .filter((line) => line !== '');
  if (points.length > MAX_SUMMARY_POINTS) {
    throw errors.validation(
      [{ field: '/text', message: `at most ${MAX_SUMMARY_POINTS} points (lines)` }],
      {
        ar: `الملخص ${MAX_SUMMARY_POINTS} نقطة على الأكثر، نقطة في كل سطر.`,
        en: `The summary has at most ${MAX_SUMMARY_POINTS} points, one a line.`,
      },
    );
  }
  return points.join('\n');
}

export interface SummaryResult {
  readonly liveblog: Liveblog;
  readonly summary: SummaryVersion | undefined;
}

export function createSummaryService(deps: SummaryServiceDeps) {
  const { db, bus, clock, publicUrl = '' } = deps;
  const summaries = createSummaryRepository();

  return {
    /** The box as readers see it now (undefined: never filled). */
    current: (liveblogId: number) => summaries.current(db, liveblogId),

    /** The box and every version before it, newest first (public). */
    async history(
      slug: string,
    ): Promise<{ liveblog: Liveblog; versions: SummaryVersion[]; dateStyle: DateStyle }> {
      const liveblog = await liveblogBySlugOr404(db, slug);
      const versions = await summaries.history(db, liveblog.id, HISTORY_SHOWN);
      return { liveblog, versions, dateStyle: liveblog.dateStyle ?? (await deps.siteDateStyle()) };
    },

    /** Replaces the box; an unchanged text writes nothing. */
    async set(actor: Actor, slug: string, given: string): Promise<SummaryResult> {
      assertCan(actor, 'liveblog.edit');
      const text = summaryText(given);
      const current = await liveblogBySlugOr404(db, slug);
      const before = await summaries.current(db, current.id);
      if ((before?.text ?? '') === text) return { liveblog: current, summary: before };
      const now = clock.now();
      const context = renderContext(
        current,
        now,
        publicUrl,
        current.dateStyle ?? (await deps.siteDateStyle()),
      );
      const editor = { name: actor.name, userId: actor.kind === 'user' ? actor.id : null };
      const result = await db.transaction().execute(async (trx) => {
        // The first statement writes (SQLite takes its lock there); the event follows in order.
        const summary = await summaries.insert(trx, current.id, text, editor, now);
        const page = await recordEvents(
          trx,
          current.id,
          [
            {
              type: 'liveblog.summary',
              updateId: null,
              data: () => ({ summaryHtml: renderSummaryHtml(summary, context) }),
            },
          ],
          now,
        );
        await audit(
          trx,
          actor,
          {
            action: 'liveblog.summary',
            targetType: 'liveblog',
            targetId: current.slug,
            before: { text: before?.text ?? '' },
            after: { text },
          },
          now,
        );
        return { liveblog: withSeq(current, page), summary };
      });
      await ringAfterCommit(bus, result.liveblog);
      deps.pageChanged?.({ liveblogId: current.id, slug: current.slug, updateIds: [] });
      return result;
    },
  };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
