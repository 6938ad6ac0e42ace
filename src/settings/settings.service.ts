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

export function createSettingsService({ db, clock }: BaseDeps) {
  const twoFactor = createTwoFactorRepository();
  return {
    dateStyle: () => siteDateStyle(db),

    twoFactorRequired: () => twoFactor.required(db),

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
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
