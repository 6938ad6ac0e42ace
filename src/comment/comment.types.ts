// What a reader comment is, as the rest of the code (the view included) sees it.

/** Ghost-style explicit states: pending → approved | hidden (rejected) | spam | deleted. */
export const COMMENT_STATUSES = ['pending', 'approved', 'hidden', 'spam', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export interface Comment {
  readonly id: number;
  readonly liveblogId: number;
  readonly name: string;
  readonly text: string;
  readonly status: CommentStatus;
  readonly heldReason: string | null;
  readonly addressKey: string;
  readonly cookieKey: string | null;
  readonly createdAt: Date;
}
