// The runs of text.isolate.ts as Preact nodes, for the server's views: plain text as text (Preact
// escapes it), isolated runs in <bdi>, URLs and handles as links. Links found inside a link are
// left as text (an <a> cannot hold another).
import type { ComponentChildren } from 'preact';
import { isolateRuns, TEXT_LINK_REL, type Run, type TextDirection } from './text.isolate.js';

function RunView({ run, linked }: { run: Run; linked: boolean }): ComponentChildren {
  switch (run.kind) {
    case 'text':
      return run.text;
    case 'url':
    case 'handle':
      return linked && run.href ? (
        <a href={run.href} rel={TEXT_LINK_REL}>
          <bdi dir="ltr">{run.text}</bdi>
        </a>
      ) : (
        <bdi dir="ltr">{run.text}</bdi>
      );
    case 'latin':
      return <bdi dir="ltr">{run.text}</bdi>;
    case 'rtl':
      return <bdi dir="rtl">{run.text}</bdi>;
    case 'hashtag':
      return <bdi>{run.text}</bdi>;
  }
}

/** A piece of text with its URLs, handles, hashtags and other-direction runs isolated. */
export function IsolatedText({
  text,
  direction,
  linked = true,
}: {
  text: string;
  /** The direction of the paragraph the text sits in, when it is known. */
  direction?: TextDirection | undefined;
  /** False inside a link: runs are still isolated, but no link is made. */
  linked?: boolean;
}) {
  const runs = isolateRuns(text, direction);
  if (runs.length === 1 && runs[0]?.kind === 'text') return <>{text}</>;
  return (
    <>
      {runs.map((run, i) => (
        <RunView key={i} run={run} linked={linked} />
      ))}
    </>
  );
}
