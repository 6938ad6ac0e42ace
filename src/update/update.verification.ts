// Trust on an update: its verification state and its corrections ledger. What a PATCH asks for
// becomes stored changes here (with the refusals that go with them); the rows come back as
// domain values; the API's shape of both is here too.
import { AppError, errors } from '../platform/platform.errors.js';
import { normaliseLine } from '../lib/text.normalise.js';
import type { UpdateRow } from '../storage/storage.schema.js';
import {
  VERIFICATION_STATES,
  type Correction,
  type Update,
  type UpdateChanges,
  type Verification,
} from './update.types.js';

interface StoredCorrection {
  readonly at: string;
  readonly note: string;
  readonly revision: number;
}

/** The ledger as stored: a JSON array; anything unreadable counts as empty. */
export function storedCorrections(json: string | null | undefined): StoredCorrection[] {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as StoredCorrection[]) : [];
  } catch {
    return [];
  }
}

function isVerification(value: string | null): value is Verification {
  return (VERIFICATION_STATES as readonly (string | null)[]).includes(value);
}

export function trustFromRow(row: UpdateRow) {
  return {
    verification: isVerification(row.verification) ? row.verification : null,
    verificationAt: row.verificationAt === null ? null : new Date(row.verificationAt),
    verificationNote: row.verificationNote,
    corrections: storedCorrections(row.corrections).map((c): Correction => ({
      at: new Date(c.at),
      note: c.note,
      revision: c.revision,
    })),
  };
}

/** What a PATCH may say about trust. */
export interface TrustPatch {
  readonly verification?: Verification;
  readonly verificationNote?: string;
  readonly correction?: { readonly note: string };
}

export interface TrustPlan {
  readonly changes: Pick<UpdateChanges, 'verification' | 'verificationNote'>;
  /** The public note of a correction, when the edit is one. */
  readonly correction: string | undefined;
}

export const retractionNeedsNote = () =>
  errors.validation(
    [{ field: '/verificationNote', message: 'a retracted update needs a public note' }],
    {
      ar: 'السحب يحتاج إلى ملاحظة علنية تشرح سببه.',
      en: 'A retraction needs a public note saying why.',
    },
  );

export const correctionNeedsChange = () =>
  errors.validation(
    [{ field: '/correction', message: 'a correction must change the headline, text or sources' }],
    {
      ar: 'التصحيح يجب أن يغيّر العنوان أو النص أو المصادر.',
      en: 'A correction must change the headline, text or sources.',
    },
  );

const noteWithoutState = () =>
  errors.validation([{ field: '/verificationNote', message: 'set a verification state first' }], {
    ar: 'حدّد حالة التحقق أولًا.',
    en: 'Set a verification state first.',
  });

export const retractedStays = () =>
  new AppError(409, 'retracted_stays', {
    ar: 'التحديث المسحوب يبقى ظاهرًا للقراء ولا يُحذف.',
    en: 'A retracted update stays on the page; it cannot be deleted.',
  });

function cleanNote(note: string | undefined): string | null | undefined {
  if (note === undefined) return undefined;
  const cleaned = normaliseLine(note);
  return cleaned === '' ? null : cleaned;
}

/**
 * What the patch changes about trust, compared with the update as it stands. A retracted update
 * must say why; a note needs a state; a correction needs a change of content (`contentChanged`).
 */
export function trustPlan(current: Update, patch: TrustPatch, contentChanged: boolean): TrustPlan {
  const changes: TrustPlan['changes'] = {};
  const state = patch.verification ?? current.verification;
  const note = cleanNote(patch.verificationNote);
  if (note !== undefined && state === null) throw noteWithoutState();
  if (patch.verification !== undefined && patch.verification !== current.verification)
    changes.verification = patch.verification;
  if (note !== undefined && note !== current.verificationNote) changes.verificationNote = note;
  const finalNote = note === undefined ? current.verificationNote : note;
  if (state === 'retracted' && !finalNote) throw retractionNeedsNote();
  const correction = patch.correction === undefined ? undefined : cleanNote(patch.correction.note);
  if (patch.correction !== undefined && !correction) throw correctionNeedsChange();
  if (correction && !contentChanged) throw correctionNeedsChange();
  return { changes, correction: correction ?? undefined };
}

/** Whether the plan moves the verification state (readers' badge and its time change). */
export function movesVerification(plan: TrustPlan): boolean {
  return plan.changes.verification !== undefined || plan.changes.verificationNote !== undefined;
}

/** The trust fields of an update in the JSON API. */
export function presentTrust(update: Update) {
  return {
    verification: update.verification,
    verificationAt: update.verificationAt?.toISOString() ?? null,
    verificationNote: update.verificationNote,
    corrections: update.corrections.map((c) => ({
      at: c.at.toISOString(),
      note: c.note,
      revision: c.revision,
    })),
  };
}
