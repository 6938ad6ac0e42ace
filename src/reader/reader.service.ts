// What readers see: the front page and the pages of a live page; and what machines read: the
// feeds and the sitemaps. Reading needs no account.
import { errors, things } from '../platform/platform.errors.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { type Liveblog } from '../liveblog/liveblog.types.js';
import { createLiveblogRepository } from '../liveblog/liveblog.repository.js';
import { liveblogBySlugOr404 } from '../liveblog/liveblog.lookup.js';
import { DEFAULT_VIEW, type LivePageModel, type StreamView } from '../liveblog/liveblog.view.js';
import { isVisible, type PublishedUpdate } from '../update/update.types.js';
import { createUpdateRepository } from '../update/update.repository.js';
import { permalinkPath, updateAnchor } from '../update/update.paths.js';
import { renderContext } from '../update/update.presenter.js';
import type { DateStyle } from '../lib/time.format.js';
import type { CommentService } from '../comment/comment.service.js';
import type { SummaryService } from '../liveblog/liveblog.summary.js';
import { pageCorrections } from '../update/update.trust.view.js';
import { createVersionMemo } from '../platform/platform.page-cache.js';

export const UPDATES_PER_PAGE = 20;
const KEY_EVENTS_SHOWN = 30;
const CORRECTED_SHOWN = 50;
/** Updates in a feed, of a page or of the site. */
const FEED_SIZE = 50;
/** How long a page's version is trusted before the database is asked again (a lost doorbell). */
const VERSION_TTL_MS = 1_000;
/** Google News wants articles from the last two days only. */
const NEWS_WINDOW_MS = 2 * 24 * 3600 * 1000;

export interface ReaderServiceDeps extends BaseDeps {
  /** The site's date style, for pages that do not set their own. */
  readonly siteDateStyle: () => Promise<DateStyle>;
  /** The address readers use, for absolute links (sharing). */
  readonly publicUrl?: string;
  /** The comments shown under the first page. */
  readonly comments: Pick<CommentService, 'section'>;
  /** The «what we know so far» box at the top of the first page. */
  readonly summaries: Pick<SummaryService, 'current'>;
}

/** What a cached copy of a live page's reader responses must match to be served. */
export interface PageVersion {
  readonly liveblogId: number;
  /** The newest event, the page's own last change and the date style it is shown in. */
  readonly version: string;
}

export function createReaderService({
  db,
  clock,
  siteDateStyle,
  publicUrl = '',
  comments,
  summaries,
}: ReaderServiceDeps) {
  const liveblogs = createLiveblogRepository();
  const updates = createUpdateRepository();

  const liveblogBySlug = (slug: string) => liveblogBySlugOr404(db, slug);
  const versions = createVersionMemo(async (slug: string): Promise<PageVersion> => {
    const liveblog = await liveblogBySlug(slug);
    const dateStyle = liveblog.dateStyle ?? (await siteDateStyle());
    const version = [liveblog.lastSeq, liveblog.updatedAt.getTime(), JSON.stringify(dateStyle)];
    return { liveblogId: liveblog.id, version: version.join(' ') };
  }, VERSION_TTL_MS);
  /** The whole stream, newest first: the view that carries the pinned post and the comments. */
  const isWholeStream = (view: StreamView) =>
    !view.keyEventsOnly && !view.oldestFirst && view.verification === undefined;

  async function livePage(
    slug: string,
    page: number,
    view: StreamView = DEFAULT_VIEW,
  ): Promise<LivePageModel> {
    // The page row (with its newest event number) is read first: whatever is published after
    // this read reaches the reader as an event, so nothing falls between render and connect.
    const liveblog = await liveblogBySlug(slug);
    const total = await updates.countPublished(db, liveblog.id, view);
    const pageCount = Math.max(1, Math.ceil(total / UPDATES_PER_PAGE));
    if (page > pageCount) throw errors.notFound(things.page);
    const first = page === 1;
    const whole = isWholeStream(view);
    const [explainer, shown, keyEvents, pinned, lastUpdatedAt, summary, corrected] =
      await Promise.all([
        liveblogs.explainer(db, liveblog.id),
        updates.listPublished(
          db,
          liveblog.id,
          (page - 1) * UPDATES_PER_PAGE,
          UPDATES_PER_PAGE,
          view,
        ),
        updates.keyEvents(db, liveblog.id, KEY_EVENTS_SHOWN),
        first && whole ? updates.pinned(db, liveblog.id) : Promise.resolve(undefined),
        updates.lastActivityAt(db, liveblog.id),
        first ? summaries.current(liveblog.id) : Promise.resolve(undefined),
        updates.corrected(db, liveblog.id, CORRECTED_SHOWN),
      ]);
    const onThisPage = new Set(shown.map((u) => u.id));
    const hrefOf = (update: PublishedUpdate) =>
      onThisPage.has(update.id) ? `#${updateAnchor(update.id)}` : permalinkPath(slug, update.id);
    return {
      summary,
      corrections: pageCorrections(corrected, hrefOf),
      ...(view.verification && { verification: view.verification }),
      liveblog,
      explainer,
      keyEvents: keyEvents.map((update: PublishedUpdate) => ({
        update,
        href: onThisPage.has(update.id)
          ? `#${updateAnchor(update.id)}`
          : permalinkPath(slug, update.id),
      })),
      pinned,
      updates: shown,
      view,
      page,
      pageCount,
      total,
      lastUpdatedAt,
      context: renderContext(
        liveblog,
        clock.now(),
        publicUrl,
        liveblog.dateStyle ?? (await siteDateStyle()),
      ),
    };
  }

  return {
    frontPage: () => liveblogs.listForFrontPage(db, 50),

    livePage,

    /**
     * The version of a live page's reader responses, or 404: every event moves it. Asked of the
     * database at most once a second per page; `pageRang` makes the next ask go to it at once.
     */
    pageVersion: (slug: string): Promise<PageVersion> => versions.get(slug),

    /** A page's doorbell rang (a change here or on another node): read its version again. */
    pageRang(liveblogId: number): void {
      versions.forget((known) => known.liveblogId === liveblogId);
    },

    /** Something every page shows changed (the site's date style): read every version again. */
    siteChanged(): void {
      versions.forget(() => true);
    },

    /**
     * A numbered page as a reader opens it, in the reader's view of the stream; the first page
     * of the whole stream, newest first, also carries the comments.
     */
    async livePageWithComments(
      slug: string,
      page: number,
      order: 'newest' | 'oldest',
      view: StreamView = DEFAULT_VIEW,
    ) {
      const model = await livePage(slug, page, view);
      const withComments = page === 1 && isWholeStream(view);
      return { model, comments: withComments ? await comments.section(slug, order) : undefined };
    },

    /** The numbered page that holds an update, so a permalink keeps working as the page grows. */
    async permalink(
      slug: string,
      id: number,
    ): Promise<{ model: LivePageModel; update: PublishedUpdate }> {
      const liveblog = await liveblogBySlug(slug);
      const update = await updates.findById(db, liveblog.id, id);
      if (!update || !isVisible(update)) throw errors.notFound(things.update);
      const newer = await updates.countNewerThan(db, update);
      const model = await livePage(slug, Math.floor(newer / UPDATES_PER_PAGE) + 1);
      return { model, update };
    },

    /** A page's newest published updates, for its feeds. */
    async pageFeed(slug: string): Promise<{ liveblog: Liveblog; updates: PublishedUpdate[] }> {
      const liveblog = await liveblogBySlug(slug);
      return { liveblog, updates: await updates.listPublished(db, liveblog.id, 0, FEED_SIZE) };
    },

    /** The newest updates across pages, each with its page; `now` for a feed with none. */
    async siteFeed(): Promise<{
      items: { update: PublishedUpdate; liveblog: Liveblog }[];
      now: Date;
    }> {
      const list = await updates.latestAcross(db, FEED_SIZE);
      const pages = new Map<number, Liveblog>();
      for (const update of list) {
        if (!pages.has(update.liveblogId)) {
          const liveblog = await liveblogs.findById(db, update.liveblogId);
          if (liveblog) pages.set(liveblog.id, liveblog);
        }
      }
      const items = list.flatMap((update) => {
        const liveblog = pages.get(update.liveblogId);
        return liveblog ? [{ update, liveblog }] : [];
      });
      return { items, now: clock.now() };
    },

    /** Every page a crawler should know about. */
    sitemap: () => liveblogs.listForFrontPage(db, 5000),

    /** The pages whose coverage started, or that changed, in the news window. */
    async newsSitemap(): Promise<Liveblog[]> {
      const since = clock.now().getTime() - NEWS_WINDOW_MS;
      return (await liveblogs.listForFrontPage(db, 1000)).filter(
        (liveblog) =>
          (liveblog.coverageStartAt ?? liveblog.createdAt).getTime() >= since ||
          liveblog.updatedAt.getTime() >= since,
      );
    },
  };
}

export type ReaderService = ReturnType<typeof createReaderService>;
