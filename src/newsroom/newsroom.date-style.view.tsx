// The date-style fields, shared by the site settings page and a live page's settings.
import type { UiLocale } from '../lib/i18n.messages.js';
import { DEFAULT_DATE_STYLE, type DateStyle } from '../lib/time.format.js';
import { nm } from './newsroom.messages.js';

/** The date-style fields; with `allowSite`, an extra choice follows the site's setting. */
export function DateStyleFields({
  locale,
  style,
  allowSite,
}: {
  locale: UiLocale;
  style: DateStyle | null;
  allowSite: boolean;
}) {
  const m = nm(locale);
  const current = style ?? DEFAULT_DATE_STYLE;
  return (
    <fieldset class="explainer-edit">
      <legend>{m.dateFormat}</legend>
      <label>
        {m.monthNames}
        <select name="months">
          {allowSite ? (
            <option value="site" selected={style === null}>
              {m.followSite}
            </option>
          ) : null}
          {(
            [
              ['gulf', m.monthsGulf],
              ['levant', m.monthsLevant],
              ['maghreb', m.monthsMaghreb],
              ['both', m.monthsBoth],
            ] as const
          ).map(([value, label]) => (
            <option key={value} value={value} selected={style !== null && current.months === value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {m.digits}
        <select name="digits">
          <option value="latn" selected={current.digits === 'latn'}>
            {m.digitsLatn}
          </option>
          <option value="arab" selected={current.digits === 'arab'}>
            {m.digitsArab}
          </option>
        </select>
      </label>
      <label>
        {m.clock}
        <select name="clock">
          <option value="24" selected={current.clock === '24'}>
            {m.clock24}
          </option>
          <option value="12" selected={current.clock === '12'}>
            {m.clock12}
          </option>
        </select>
      </label>
      <label>
        <input type="checkbox" name="hijri" value="1" checked={current.hijri} /> {m.hijri}
      </label>
    </fieldset>
  );
}
