// Reading the staff forms: the url-encoded body parser, what a form's fields mean for the
// services, and the message an error shows on the page.
import type { FastifyRequest } from 'fastify';
import { toAppError } from '../platform/platform.http.js';
import type { UiLocale } from '../lib/i18n.messages.js';
import { isDateStyle, type DateStyle } from '../lib/time.format.js';
import type { PatchLiveblogBody, ExplainerBody } from '../liveblog/liveblog.schema.js';
import { EXPLAINER_ROWS } from './newsroom.schema.js';

type Fields = Record<string, string | undefined>;

/** Form fields by name; a repeated name (the moderation checkboxes) becomes a list. */
export function parseForm(
  _request: FastifyRequest,
  body: string | Buffer,
  done: (error: Error | null, fields?: Record<string, string | string[]>) => void,
): void {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body as string)) {
    const before = fields[key];
    fields[key] =
      before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  done(null, fields);
}

/** The error's message in the page's language, with the fields it names; rethrows the unknown. */
export function messageOf(error: unknown, locale: UiLocale): string {
  const known = toAppError(error);
  if (!known) throw error;
  const details = known.details?.map((d) => `${d.field} ${d.message}`).join('، ') ?? '';
  return `${known.messages[locale]}${details ? ` (${details})` : ''}`;
}

export const localeField = (value: string | undefined): UiLocale => (value === 'en' ? 'en' : 'ar');

/** A DateStyle from the form fields, or undefined when they are not all there and valid. */
export function dateStyleFrom(body: Fields): DateStyle | undefined {
  const candidate = {
    months: body.months,
    digits: body.digits,
    clock: body.clock,
    hijri: body.hijri === '1',
  };
  return isDateStyle(candidate) ? candidate : undefined;
}

/** The page settings form as a change; unknown statuses and comment modes are left alone. */
export function pageChangesFrom(body: Fields): PatchLiveblogBody {
  const { status, commentMode } = body;
  const dateStyle = body.months === 'site' ? null : dateStyleFrom(body);
  return {
    ...(dateStyle !== undefined && { dateStyle }),
    ...((commentMode === 'pre' || commentMode === 'post') && { commentMode }),
    headline: body.headline ?? '',
    standfirst: body.standfirst ?? '',
    ...(status === 'scheduled' || status === 'live' || status === 'ended' || status === 'archived'
      ? { status }
      : {}),
    ...(body.timeZone ? { timeZone: body.timeZone } : {}),
  };
}

/** The explainer form's rows in their chosen order; empty rows are dropped. */
export function explainerFrom(body: Fields): ExplainerBody {
  const sections: { order: number; title: string; text: string; photoId: string }[] = [];
  for (let i = 0; i < EXPLAINER_ROWS; i++) {
    const title = (body[`title${i}`] ?? '').trim();
    const text = (body[`text${i}`] ?? '').trim();
    if (title === '' && text === '') continue;
    const photoId = body[`photo${i}`] ?? '';
    sections.push({ order: Number(body[`order${i}`] ?? i + 1) || i + 1, title, text, photoId });
  }
  sections.sort((a, b) => a.order - b.order);
  return {
    sections: sections.map(({ title, text, photoId }) => ({
      title,
      text,
      ...(/^[a-f0-9]{20}$/.test(photoId) && { photoId }),
    })),
  };
}
