// What a request's update fields become before they are stored: one body (text or blocks),
// cleaned headline and sources, and the refusals that go with them.
import { AppError, errors } from '../platform/platform.errors.js';
import type { Actor } from '../access/access.policy.js';
import { blocksFromText, blocksToText, type Block } from '../blocks/blocks.schema.js';
import { normaliseDeep, normaliseLine, normaliseName } from '../lib/text.normalise.js';
import type { Liveblog } from '../liveblog/liveblog.types.js';
import type { DraftBody } from './update.schema.js';
import type { Contributor, NewUpdate, Source, Update } from './update.types.js';

export const noText = () =>
  errors.validation(
    [{ field: '/text', message: 'text or blocks with some visible text is required' }],
    { ar: 'نص التحديث مطلوب.', en: 'The update needs some text.' },
  );

const bothBodies = () =>
  errors.validation([{ field: '/blocks', message: 'send either text or blocks, not both' }], {
    ar: 'أرسل النص أو الكتل، لا كليهما.',
    en: 'Send either text or blocks, not both.',
  });

export const notYours = () =>
  new AppError(403, 'not_your_draft', {
    ar: 'لا يمكنك تعديل مسودة زميل.',
    en: "You cannot change a colleague's draft.",
  });

export const wrongState = (status: string) =>
  errors.conflict('wrong_state', {
    ar: `لا يمكن تنفيذ ذلك على تحديث حالته «${status}».`,
    en: `That cannot be done to an update whose status is "${status}".`,
  });

/** The body as blocks: from `text` or `blocks` (never both), or undefined when neither is sent. */
export function bodyOf(input: { text?: string; blocks?: Block[] }): Block[] | undefined {
  if (input.text !== undefined && input.blocks !== undefined) throw bothBodies();
  if (input.blocks !== undefined) return normaliseDeep(input.blocks);
  if (input.text !== undefined) return blocksFromText(input.text);
  return undefined;
}

export function cleanSources(sources: readonly Source[] | undefined): Source[] | undefined {
  return sources?.map((source) => ({
    name: normaliseName(source.name),
    kind: source.kind,
    ...(source.url !== undefined && { url: source.url }),
  }));
}

/** A byline as stored: trimmed and normalised, empty meaning none (null). */
export function cleanByline(byline: string | null | undefined): string | null | undefined {
  if (byline === undefined || byline === null) return byline;
  const cleaned = normaliseName(byline);
  return cleaned === '' ? null : cleaned;
}

export function cleanContributors(
  contributors: readonly Contributor[] | undefined,
): Contributor[] | undefined {
  return contributors
    ?.map((c) => ({
      name: normaliseName(c.name),
      ...(c.role !== undefined && normaliseName(c.role) !== '' && { role: normaliseName(c.role) }),
      ...(c.userId !== undefined && { userId: c.userId }),
    }))
    .filter((c) => c.name !== '');
}

export function cleanHeadline(headline: string | null | undefined): string | null | undefined {
  if (headline === undefined || headline === null) return headline;
  const cleaned = normaliseLine(headline);
  return cleaned === '' ? null : cleaned;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Who a revision row names. */
export function who(actor: Actor): { name: string; userId: number | null } {
  return { name: actor.name, userId: actor.kind === 'user' ? actor.id : null };
}

/** What the audit log keeps of an update, before and after a change. */
export function snapshot(update: Update) {
  return {
    headline: update.headline,
    text: blocksToText(update.blocks),
    sources: update.sources,
    keyEvent: update.keyEvent,
    pinned: update.pinned,
    breaking: update.breaking,
    byline: update.byline ?? null,
    contributors: update.contributors ?? [],
    status: update.status,
    verification: update.verification,
  };
}

/**
 * What a new update takes from the request, whatever its status. Its byline is only what the
 * request gives (`byline`, or `author` by its older name): never the name of the token or
 * account that sent it, which is kept as the author for the newsroom alone.
 */
export function newUpdateFields(
  actor: Actor,
  liveblog: Liveblog,
  input: DraftBody & { readonly author?: string },
  blocks: Block[],
): Omit<NewUpdate, 'status' | 'publishedAt'> {
  return {
    liveblogId: liveblog.id,
    headline: cleanHeadline(input.headline) ?? null,
    blocks,
    sources: cleanSources(input.sources) ?? [],
    keyEvent: input.keyEvent ?? false,
    pinned: input.pinned ?? false,
    breaking: input.breaking ?? false,
    authorName: actor.name,
    byline: cleanByline(input.byline !== undefined ? input.byline : input.author) ?? null,
    contributors: cleanContributors(input.contributors) ?? [],
    authorUserId: actor.kind === 'user' ? actor.id : null,
  };
}
