// The live page's browser client: small, framework-free, progressive (the page is complete
// without it). It follows the page's event stream with its own reconnect loop (a browser
// EventSource gives up for good after one non-200 reply, such as a 503 during a deploy),
// falls back to polling when the stream keeps failing, and applies events without ever
// making the page jump: new updates wait hidden until the reader is at the top.
//
// This entry runs the enhancements every page has, and on the first page of a live blog that is
// live wires the parts that follow it, each in its own module and each given the one live context
// (live.context.ts).
import { catchUp } from './live.catchup.js';
import { bindCommentToken } from './live.comment-token.js';
import { bindCommentWait } from './live.comment-wait.js';
import { scrollToFocus } from './live.focus.js';
import { openLivePage, pageLocale } from './live.context.js';
import { enhanceEmbeds } from './live.embeds.js';
import { offerFollow } from './live.follow.js';
import { bindContentsLinks } from './live.liveblog.js';
import { bindReveal } from './live.pending.js';
import { enhanceSharing } from './live.sharing.js';
import { connect } from './live.stream.js';
import { fullTimeOnLongPress, keepTimesCurrent, readerTimeOnHover } from './live.time.js';
import { reportHeight } from './live.widget.js';

export function startLiveClient(): void {
  const locale = pageLocale();
  enhanceSharing(locale);
  readerTimeOnHover(locale);
  keepTimesCurrent(locale);
  fullTimeOnLongPress();
  enhanceEmbeds(locale);
  reportHeight();
  bindCommentToken();
  bindCommentWait(locale);
  scrollToFocus();
  catchUp(locale);
  offerFollow();
  const live = openLivePage(locale);
  if (!live) return;
  bindContentsLinks();
  bindReveal(live);
  connect(live);
}

startLiveClient();
