// The staff stream's event names and who may see each one. No imports: the desk's browser
// bundle shares this file. Readers never get any of these (see docs/realtime.md#the-staff-stream).

export const DESK_EVENT_TYPES = [
  'draft.submitted',
  'draft.returned',
  'draft.deleted',
  'update.published',
  'update.scheduled',
  'update.edited',
  'update.deleted',
  'comments.queue',
] as const;

export type DeskEventType = (typeof DESK_EVENT_TYPES)[number];

/**
 * Who gets an event: `desk`, everyone who writes on the desk (published changes); `review`,
 * editors and admins, and the update's author (drafts and scheduled updates); `moderation`,
 * those who moderate comments.
 */
export type DeskAudience = 'desk' | 'review' | 'moderation';

/** What every desk event carries (more fields per type). */
export interface DeskEventData {
  readonly id: number;
  readonly type: DeskEventType;
  readonly liveblogId: number | null;
  readonly slug: string | null;
  readonly audience: DeskAudience;
  /** The person whose change it is (a name to show), and their account id when a person. */
  readonly by: { readonly id: number | null; readonly name: string };
  readonly updateId?: number;
  /** For drafts and scheduled updates: whose update it is (they see it as `review`). */
  readonly authorId?: number | null;
  readonly headline?: string | null;
  /** For `comments.queue`: the comment concerned, what happened, and the held counts. */
  readonly commentId?: number;
  readonly commentIds?: readonly number[];
  readonly change?: 'held' | 'moderated' | 'restored';
  readonly pending?: number;
  readonly pendingAll?: number;
}

/** One person on the desk: where they are, and which update (if any) they have open. */
export interface PresenceEntry {
  readonly userId: number;
  readonly name: string;
  readonly liveblogId: number | null;
  readonly updateId: number | null;
}
