// Trust as readers see it, inside the one update renderer (update.view.tsx) so it travels in
// every live event: the verification badge with the time it last changed, the public note, the
// correction lines («تصحيح 14:20: …»); and the page's list of corrections.
import { renderToString } from 'preact-render-to-string';
import { formatClock, formatUpdateTime, toIsoString } from '../lib/time.format.js';
import {
  VERIFICATION_STATES,
  type Correction,
  type PublishedUpdate,
  type Update,
  type Verification,
} from './update.types.js';
import { trm } from './update.trust.messages.js';
import type { UpdateContext } from './update.view.js';

/** The article's extra classes: its state, and struck through when retracted. */
export function trustClasses(update: Update): string[] {
  if (update.verification === null) return [];
  return [`update-${update.verification}`];
}

function Clock({ date, context }: { date: Date; context: UpdateContext }) {
  const { timeZone, locale, dateStyle } = context;
  return (
    <time dateTime={toIsoString(date)} title={formatUpdateTime(date, timeZone, locale, dateStyle)}>
      {formatClock(date, timeZone, locale, dateStyle)}
    </time>
  );
}

export function VerificationBadge({ update, context }: { update: Update; context: UpdateContext }) {
  if (update.verification === null) return null;
  const m = trm(context.locale);
  return (
    <span
      class={`badge badge-verification verification-${update.verification}`}
      data-verification={update.verification}
    >
      <span class="visually-hidden">{m.verificationLabel}: </span>
      {m.verification[update.verification]}
      {update.verificationAt ? (
        <>
          {' · '}
          <Clock date={update.verificationAt} context={context} />
        </>
      ) : null}
    </span>
  );
}

export function CorrectionLine({
  correction,
  context,
}: {
  correction: Correction;
  context: UpdateContext;
}) {
  return (
    <>
      <strong>
        {trm(context.locale).correction} <Clock date={correction.at} context={context} />:
      </strong>{' '}
      <bdi>{correction.note}</bdi>
    </>
  );
}

/** Under the body: the state's public note, then every correction, oldest first. */
export function TrustNotes({ update, context }: { update: Update; context: UpdateContext }) {
  const m = trm(context.locale);
  const note = update.verification !== null ? update.verificationNote : null;
  if (!note && update.corrections.length === 0) return null;
  return (
    <div class="update-trust">
      {note && update.verification ? (
        <p class={`verification-note verification-${update.verification}`}>
          <strong>{m.verification[update.verification]}:</strong> <bdi>{note}</bdi>
        </p>
      ) : null}
      {update.corrections.map((correction) => (
        <p key={correction.revision} class="update-correction">
          <CorrectionLine correction={correction} context={context} />
        </p>
      ))}
    </div>
  );
}

export interface PageCorrection {
  readonly update: PublishedUpdate;
  readonly correction: Correction;
  /** Where the update is: an anchor on this page or its permalink. */
  readonly href: string;
}

/** Every correction of a page's updates, newest first. */
export function pageCorrections(
  updates: readonly PublishedUpdate[],
  hrefOf: (update: PublishedUpdate) => string,
): PageCorrection[] {
  return updates
    .flatMap((update) =>
      update.corrections.map((correction) => ({ update, correction, href: hrefOf(update) })),
    )
    .sort((a, b) => b.correction.at.getTime() - a.correction.at.getTime());
}

export function CorrectionItem({
  item,
  context,
}: {
  item: PageCorrection;
  context: UpdateContext;
}) {
  const { update, correction } = item;
  return (
    <li data-correction={`${update.id}-${correction.revision}`}>
      <a href={item.href}>
        <CorrectionLine correction={correction} context={context} />
      </a>
    </li>
  );
}

/** The page's corrections ledger; hidden (but present for live events) while empty. */
export function CorrectionsList({
  items,
  context,
}: {
  items: readonly PageCorrection[];
  context: UpdateContext;
}) {
  const m = trm(context.locale);
  return (
    <section
      class="corrections"
      id="corrections"
      aria-labelledby="corrections-title"
      hidden={items.length === 0}
    >
      <h2 id="corrections-title">{m.corrections}</h2>
      <ol id="corrections-list">
        {items.map((item) => (
          <CorrectionItem
            key={`${item.update.id}-${item.correction.revision}`}
            item={item}
            context={context}
          />
        ))}
      </ol>
    </section>
  );
}

/** The newest correction of an update as a list item, for the live event that adds it. */
export function renderCorrectionItemHtml(
  update: PublishedUpdate,
  context: UpdateContext,
  href: string,
): string | undefined {
  const correction = update.corrections.at(-1);
  if (!correction) return undefined;
  return renderToString(<CorrectionItem item={{ update, correction, href }} context={context} />);
}

/** Links that show one verification state (a plain URL: works without JavaScript). */
export function VerificationFilter({
  path,
  context,
  active,
}: {
  /** The live page's path, without a query. */
  path: string;
  context: UpdateContext;
  active: Verification | undefined;
}) {
  const m = trm(context.locale);
  return (
    <nav class="verification-filter" aria-label={m.filterLabel}>
      {active ? (
        <p class="verification-filter-notice" role="status">
          {m.filteredTo(m.verification[active])} <a href={path}>{m.showAll}</a>
        </p>
      ) : null}
      <ul>
        <li>
          <a href={path} aria-current={active === undefined ? 'page' : undefined}>
            {m.filterAll}
          </a>
        </li>
        {VERIFICATION_STATES.map((state) => (
          <li key={state}>
            <a
              href={`${path}?verification=${state}`}
              aria-current={active === state ? 'page' : undefined}
              class={`verification-${state}`}
            >
              {m.verification[state]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
