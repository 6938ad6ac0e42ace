// The "follow breaking news" control of a live page. Hidden in the HTML: the live client shows
// it only where the browser can receive pushes, and loads the code that subscribes
// (src/client/live.push.ts) only when the reader presses it. Its messages ride along as data
// attributes, so that code carries no strings of its own.
import { directionOf } from '../lib/i18n.messages.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import { liveblogPath } from '../liveblog/liveblog.presenter.js';
import { pm } from './push.messages.js';

export function FollowControl({ liveblog }: { liveblog: Liveblog }) {
  if (liveblog.status !== 'live' && liveblog.status !== 'scheduled') return null;
  const m = pm(liveblog.locale);
  return (
    <div
      class="push-follow"
      data-push-follow=""
      dir={directionOf(liveblog.locale)}
      data-label-follow={m.follow}
      data-label-unfollow={m.unfollow}
      data-msg-following={m.following}
      data-msg-stopped={m.stopped}
      data-msg-consent={m.needsConsent}
      data-msg-denied={m.denied}
      data-msg-failed={m.failed}
      hidden
    >
      <button type="button" class="push-follow-button" aria-pressed="false">
        {m.follow}
      </button>
      <span class="push-follow-hint">{m.followHint}</span>
      <span class="push-follow-status" role="status" />
      <a
        class="push-follow-consent"
        href={`/consent?back=${encodeURIComponent(liveblogPath(liveblog.slug))}`}
        hidden
      >
        {m.consentLink}
      </a>
    </div>
  );
}
