// Site settings the newsroom controls: for now, how dates are written (month names, digits,
// Hijri date, 12/24-hour clock). Pages may override it.
import type { Db } from '../storage/storage.database.js';
import type { BaseDeps } from '../platform/platform.deps.js';
import { DEFAULT_DATE_STYLE, isDateStyle, type DateStyle } from '../lib/time.format.js';
import { assertCan, type Actor } from '../access/access.policy.js';
import { audit } from '../access/access.audit.js';

const KEY = 'date_style';

export async function siteDateStyle(db: Db): Promise<DateStyle> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (!row) return DEFAULT_DATE_STYLE;
  try {
    const parsed = JSON.parse(row.value) as unknown;
    return isDateStyle(parsed) ? parsed : DEFAULT_DATE_STYLE;
  } catch {
    return DEFAULT_DATE_STYLE;
  }
}

export function createSettingsService({ db, clock }: BaseDeps) {
  return {
    dateStyle: () => siteDateStyle(db),

    async setDateStyle(actor: Actor, style: DateStyle): Promise<void> {
      assertCan(actor, 'user.manage');
      const before = await siteDateStyle(db);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('settings')
          .values({ key: KEY, value: JSON.stringify(style) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(style) }))
          .execute();
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
