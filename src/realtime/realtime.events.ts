// The names of live events, shared by the server and the browser client (no imports: the client
// bundle takes this file as it is).
export const EVENT_TYPES = [
  'update.published',
  'update.edited',
  'update.deleted',
  'update.pinned',
  'update.unpinned',
  'liveblog.updated',
  'liveblog.summary',
  'comment.approved',
  'comment.removed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
