// What every reader page handler shares: the page frame (the site, the assets, the way back
// after the consent form; nothing that differs between readers, so shared caches keep one copy)
// and a live page as a whole document. Built once by reader.routes.tsx and handed to its area plugins.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { t } from '../lib/i18n.messages.js';
import { blocksToText } from '../blocks/blocks.schema.js';
import type { Assets } from '../platform/platform.assets.js';
import { renderDocument, type PageFrame } from '../frame/frame.view.js';
import { DEFAULT_VIEW, LivePage, type LivePageModel } from '../liveblog/liveblog.view.js';
import { streamHref } from '../liveblog/liveblog.controls.view.js';
import { readerText } from '../lib/i18n.reader.messages.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import type { PublishedUpdate } from '../update/update.types.js';
import { updateUrlPath } from '../update/update.paths.js';
import { firstImageUrl, liveBlogPosting, scriptJson } from './reader.feeds.presenter.js';
import { LivePageHead } from './reader.view.js';

export const HtmlOut = Type.String({ description: 'An HTML page' });

/** A path on this site to return to; anything else becomes the front page. */
export function safeBack(value: string | undefined): string {
  return value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value.slice(0, 500) : '/';
}

function firstSentence(update: PublishedUpdate): string {
  const text = blocksToText(update.blocks).replace(/\s+/g, ' ').trim();
  const end = text.search(/[.!؟?。]\s/);
  const sentence = end > 0 ? text.slice(0, end + 1) : text;
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

export type FramePart = Omit<PageFrame, 'siteName' | 'assets' | 'path'>;

export interface ReaderPages {
  /** The frame of a reader page: what every page has, plus the page's own part. */
  frame(request: FastifyRequest, partial: FramePart): PageFrame;
  /** A numbered live page, or (with `focus`) the permalink of one update, as HTML. */
  livePage(request: FastifyRequest, model: LivePageModel, focus?: PublishedUpdate): string;
}

export function createReaderPages({
  siteName,
  publicUrl,
  assets,
}: {
  readonly siteName: string;
  readonly publicUrl: string;
  readonly assets: Assets;
}): ReaderPages {
  function frame(request: FastifyRequest, partial: FramePart): PageFrame {
    return {
      siteName,
      assets,
      path: safeBack(request.url),
      ...partial,
    };
  }

  function livePage(
    request: FastifyRequest,
    model: LivePageModel,
    focus?: PublishedUpdate,
  ): string {
    const { liveblog } = model;
    const view = model.view ?? DEFAULT_VIEW;
    const canonicalPath = focus
      ? updateUrlPath(liveblog.slug, focus.id)
      : streamHref(liveblog.slug, view, model.page);
    const canonicalUrl = `${publicUrl}${canonicalPath}`;
    const title = focus?.headline ?? liveblog.headline;
    const description = focus ? firstSentence(focus) : liveblog.standfirst;
    const image =
      (focus && firstImageUrl(focus, publicUrl)) ??
      model.updates.map((u) => firstImageUrl(u, publicUrl)).find((url) => url !== undefined) ??
      `${publicUrl}/logo.png`;
    // A page filtered by verification is a still list: new updates are not all in that state.
    const live = liveblog.status === 'live' && model.verification === undefined;
    // Where new updates belong on this page: the top of the first page, newest first; the end
    // of the last page, oldest first. Other pages do not follow the stream.
    const follows = live && (view.oldestFirst ? model.page === model.pageCount : model.page === 1);
    const structuredData = scriptJson(
      liveBlogPosting({
        liveblog,
        updates: model.updates,
        // Each update's anchor is on this very page (page N of the coverage).
        canonicalUrl,
        publicUrl,
        siteName,
        lastUpdatedAt: model.lastUpdatedAt,
      }),
    );
    return renderDocument(
      frame(request, {
        locale: liveblog.locale,
        title: `${title}${model.page > 1 ? ` — ${t(liveblog.locale).pageOf(model.page, model.pageCount)}` : ''} | ${siteName}`,
        description,
        canonicalUrl,
        scripts:
          live || (model.page === 1 && !model.verification) || focus ? [assets.url('live.js')] : [],
        head: (
          <>
            <LivePageHead
              model={{
                liveblog,
                siteName,
                publicUrl,
                title,
                description,
                canonicalUrl,
                image,
                structuredData,
              }}
            />
            <link
              rel="alternate"
              type="text/html"
              title={readerText(liveblog.locale).litePage}
              href={`${publicUrl}${liveblogPath(liveblog.slug)}/lite`}
            />
          </>
        ),
        bodyData: {
          liveblog: liveblog.slug,
          'last-event-id': liveblog.lastSeq,
          page: model.page,
          locale: liveblog.locale,
          'time-zone': liveblog.timeZone,
          status: liveblog.status,
          digits: model.context.dateStyle.digits,
          follow: follows ? 1 : 0,
          filter: view.keyEventsOnly ? 'key' : 'all',
          sort: view.oldestFirst ? 'oldest' : 'newest',
          ...(focus && { focus: focus.id }),
          // Loaded only when the reader asks to follow the page (src/client/live.push.ts).
          'push-module': assets.url('live-push.js'),
        },
      }),
      <LivePage model={model} />,
    );
  }

  return { frame, livePage };
}
