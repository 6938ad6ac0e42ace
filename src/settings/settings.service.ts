// Site settings the newsroom controls: how dates are written (month names, digits, Hijri date,
// 12/24-hour clock; pages may override it), and whether admins and editors must use two-factor
// sign-in (the access kernel reads that one at every session check).
import type { Db } from '../storage/storage.database.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { DEFAULT_DATE_STYLE, isDateStyle, type DateStyle } from '../lib/time.format.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';
import {
  createTwoFactorRepository,
  TWO_FACTOR_REQUIRED_KEY,
} from '../access/access.twofactor.repository.js';
import { createSettingsRepository } from './settings.repository.js';
import { errors } from '../platform/platform.errors.js';
import {
  DEFAULT_SOURCE_PRESETS,
  presetsFromJson,
  presetsFromText,
  type SourcePreset,
} from './settings.sources.js';

const SOURCES_KEY = 'source_presets';

const KEY = 'date_style';
const repository = createSettingsRepository();

export async function siteDateStyle(db: Db): Promise<DateStyle> {
  const value = await repository.get(db, KEY);
  if (value === undefined) return DEFAULT_DATE_STYLE;
  try {
    const parsed = JSON.parse(value) as unknown;
    return isDateStyle(parsed) ? parsed : DEFAULT_DATE_STYLE;
  } catch {
    return DEFAULT_DATE_STYLE;
  }
}

export interface SettingsServiceDeps extends BaseDeps {
  /** Told after a change every reader page shows (the date style) commits; never throws. */
  readonly siteChanged?: () => void;
}

export function createSettingsService({ db, clock, siteChanged }: SettingsServiceDeps) {
  const twoFactor = createTwoFactorRepository();
  return {
    dateStyle: () => siteDateStyle(db),

    twoFactorRequired: () => twoFactor.required(db),

    /** The composer's agency and source presets (the seeded list until an admin edits it). */
    async sourcePresets(): Promise<readonly SourcePreset[]> {
      const value = await repository.get(db, SOURCES_KEY);
      if (value === undefined) return DEFAULT_SOURCE_PRESETS;
      try {
        return presetsFromJson(JSON.parse(value)) ?? DEFAULT_SOURCE_PRESETS;
      } catch {
        return DEFAULT_SOURCE_PRESETS;
      }
    },

    /** Admins: the whole list from the settings form's text, one preset a line. */
    async setSourcePresets(actor: Actor, text: string): Promise<void> {
      assertCan(actor, 'user.manage');
      const parsed = presetsFromText(text);
      if ('badLines' in parsed)
        throw errors.validation(
          parsed.badLines.map((line) => ({ field: `/sources/${line}`, message: 'line' })),
          {
            ar: `أسطر غير صالحة: ${parsed.badLines.join('، ')}. الصيغة: الاسم بالعربية | الاسم بالإنجليزية | النوع | العنوان`,
            en: `Lines not valid: ${parsed.badLines.join(', ')}. Format: Arabic name | English name | kind | address`,
          },
        );
      const before = await this.sourcePresets();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repository.put(trx, SOURCES_KEY, JSON.stringify(parsed.presets));
        await audit(
          trx,
          actor,
          {
            action: 'settings.source_presets',
            targetType: 'settings',
            targetId: SOURCES_KEY,
            before: before.length,
            after: parsed.presets.length,
          },
          now,
        );
      });
    },

    /** Everything on the site settings page. */
    async overview(): Promise<{ dateStyle: DateStyle; twoFactorRequired: boolean }> {
      const [dateStyle, twoFactorRequired] = await Promise.all([
        siteDateStyle(db),
        twoFactor.required(db),
      ]);
      return { dateStyle, twoFactorRequired };
    },

    /** Admins and editors without two-factor sign-in are sent to set it up (admins only). */
    async setTwoFactorRequired(actor: Actor, required: boolean): Promise<void> {
      assertCan(actor, 'user.manage');
      const before = await twoFactor.required(db);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repository.put(trx, TWO_FACTOR_REQUIRED_KEY, String(required));
        await audit(
          trx,
          actor,
          {
            action: 'settings.two_factor_required',
            targetType: 'settings',
            targetId: TWO_FACTOR_REQUIRED_KEY,
            before,
            after: required,
          },
          now,
        );
      });
    },

    async setDateStyle(actor: Actor, style: DateStyle): Promise<void> {
      assertCan(actor, 'user.manage');
      const before = await siteDateStyle(db);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await repository.put(trx, KEY, JSON.stringify(style));
        await audit(
          trx,
          actor,
          {
            action: 'settings.date_style',
            targetType: 'settings',
            targetId: KEY,
            before,
            after: style,
          },
          now,
        );
      });
      siteChanged?.();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
