// Comment events: an approved comment appears in the list, a removed one goes, the count follows.
import { plural } from '../lib/time.format.js';
import type { LivePage } from './live.context.js';
import { byId, fromServerHtml } from './live.dom.js';

export interface CommentEventData {
  id: number;
  count: number;
  html: string;
}

function commentsCount(live: LivePage, count: number): void {
  const label = document.querySelector('.comments-count');
  if (label)
    label.textContent = `(${plural(live.locale, count, live.m.commentsCount, live.digits)})`;
  document.querySelector('.no-comments')?.remove();
}

export function commentApproved(live: LivePage, data: CommentEventData): void {
  const list = byId('comment-list');
  if (!list || list.querySelector(`[data-comment-id="${data.id}"]`)) return;
  const item = fromServerHtml(data.html);
  if (!item) return;
  if (list.dataset.order === 'oldest') list.appendChild(item);
  else list.prepend(item);
  commentsCount(live, data.count);
}

export function commentRemoved(live: LivePage, data: { id: number; count: number }): void {
  byId('comment-list')?.querySelector(`[data-comment-id="${data.id}"]`)?.remove();
  commentsCount(live, data.count);
}
