// The types of search's index: what a document holds, what a search asks for, what it finds.
import type { Generated } from 'kysely';
import type { UiLocale } from '../lib/i18n.messages.js';

export const SEARCH_KINDS = ['update', 'explainer'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The search_documents table as Kysely sees it (the FTS5 table is reached with raw SQL). */
export interface SearchDocumentTable {
  id: Generated<number>;
  kind: string;
  liveblogId: number;
  updateId: number | null;
  section: number | null;
  publishedAt: string;
  keyEvent: number;
  headline: string;
  body: string;
  indexedAt: string;
  /** PostgreSQL only. */
  document?: string;
}

/** One analysed word: its forms (surface form, stems, canonical name). */
export type WordForms = readonly string[];

export interface NewSearchDocument {
  readonly kind: SearchKind;
  readonly liveblogId: number;
  readonly updateId: number | null;
  /** Position of an explainer section; null for an update. */
  readonly section: number | null;
  readonly publishedAt: Date;
  readonly keyEvent: boolean;
  /** Original text, kept for display and highlighting. */
  readonly headline: string;
  readonly body: string;
  /** The analysed words of the headline and of the body (with the source names). */
  readonly headWords: readonly WordForms[];
  readonly bodyWords: readonly WordForms[];
}

export interface SearchFilters {
  readonly liveblogSlug?: string;
  readonly liveblogId?: number;
  /** Inclusive bounds on the publication time. */
  readonly from?: Date;
  readonly to?: Date;
  readonly keyEventsOnly?: boolean;
}

export interface SearchRequest {
  /** Each term is the list of forms that match it. */
  readonly terms: readonly WordForms[];
  /** `all`: every term must match; `any`: at least one. */
  readonly mode: 'all' | 'any';
  readonly filters: SearchFilters;
  readonly limit: number;
  /** Document ids to leave out (found by an earlier pass). */
  readonly exclude?: readonly number[];
}

export interface SearchMatch {
  readonly documentId: number;
  readonly kind: SearchKind;
  readonly liveblogId: number;
  readonly liveblogSlug: string;
  readonly liveblogHeadline: string;
  readonly liveblogLocale: UiLocale;
  readonly liveblogTimeZone: string;
  readonly updateId: number | null;
  readonly section: number | null;
  readonly publishedAt: Date;
  readonly keyEvent: boolean;
  readonly headline: string;
  readonly body: string;
  /** Higher is better; comparable only within one engine and one query. */
  readonly score: number;
}
