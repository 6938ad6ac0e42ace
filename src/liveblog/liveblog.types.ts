// What a live page is, as the rest of the code sees it.
import type { Block } from '../blocks/blocks.schema.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import type { DateStyle } from '../lib/time.format.js';

export const LIVEBLOG_STATUSES = ['scheduled', 'live', 'ended', 'archived'] as const;
export type LiveblogStatus = (typeof LIVEBLOG_STATUSES)[number];

export interface Liveblog {
  readonly id: number;
  readonly slug: string;
  readonly headline: string;
  readonly standfirst: string;
  readonly status: LiveblogStatus;
  readonly locale: UiLocale;
  readonly timeZone: string;
  readonly coverageStartAt: Date | null;
  readonly coverageEndAt: Date | null;
  readonly lastSeq: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly commentMode: 'pre' | 'post';
  /** Null: the site's setting. */
  readonly dateStyle: DateStyle | null;
  /** The same coverage in the other language, when the newsroom links one. */
  readonly translationSlug: string | null;
}

export interface ExplainerSection {
  readonly position: number;
  readonly title: string;
  readonly blocks: Block[];
}

/** One version of the «what we know so far» box: plain text, one point a line. */
export interface SummaryVersion {
  readonly id: number;
  readonly text: string;
  readonly points: readonly string[];
  readonly editorName: string;
  readonly at: Date;
}

export interface NewLiveblog {
  slug: string;
  headline: string;
  standfirst: string;
  status: LiveblogStatus;
  locale: UiLocale;
  timeZone: string;
  coverageStartAt: Date | null;
}

export interface LiveblogChanges {
  headline?: string;
  standfirst?: string;
  status?: LiveblogStatus;
  timeZone?: string;
  coverageStartAt?: Date | null;
  coverageEndAt?: Date | null;
  commentMode?: 'pre' | 'post';
  dateStyle?: DateStyle | null;
  translationSlug?: string | null;
}
