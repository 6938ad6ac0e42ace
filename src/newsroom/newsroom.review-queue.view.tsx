// The review queue: for publishers the submitted and scheduled updates (and their own drafts
// below); for reporters their own drafts and submissions.
import type { UiLocale } from '../lib/i18n.messages.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { Update } from '../update/update.types.js';
import { can, type Actor } from '../access/access.policy.js';
import { nm } from './newsroom.messages.js';
import { UpdateList } from './newsroom.update-row.view.js';

export function ReviewQueue({
  locale,
  actor,
  liveblog,
  drafts,
}: {
  locale: UiLocale;
  actor: Actor;
  liveblog: Liveblog;
  drafts: readonly Update[];
}) {
  const m = nm(locale);
  const publisher = can(actor, 'update.publish');
  const queue = drafts.filter((d) => d.status === 'submitted' || d.status === 'scheduled');
  const mine = drafts.filter(
    (d) => d.status === 'draft' || (!publisher && d.status === 'submitted'),
  );
  const shown = publisher ? queue : mine;
  const list = { locale, actor, liveblog };
  return (
    <section class="panel" aria-labelledby="queue-title">
      <h2 id="queue-title">{publisher ? m.queue : m.myDrafts}</h2>
      <UpdateList id="queue" updates={shown} {...list} />
      {shown.length === 0 ? <p>{m.noDrafts}</p> : null}
      {publisher && mine.length > 0 ? (
        <>
          <h3>{m.myDrafts}</h3>
          <UpdateList updates={mine} {...list} />
        </>
      ) : null}
    </section>
  );
}
