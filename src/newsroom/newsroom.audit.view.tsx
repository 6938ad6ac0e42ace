// The audit log (admins only): who did what to which thing, newest first.
import type { UiLocale } from '../lib/i18n.messages.js';
import { nm } from './newsroom.messages.js';

export interface AuditRow {
  readonly at: string;
  readonly actorName: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
}

export function AuditPage({ locale, rows }: { locale: UiLocale; rows: readonly AuditRow[] }) {
  const m = nm(locale);
  return (
    <>
      <h1>{m.audit}</h1>
      <table class="data-table stack-table">
        <thead>
          <tr>
            <th scope="col">{m.when}</th>
            <th scope="col">{m.who}</th>
            <th scope="col">{m.what}</th>
            <th scope="col">{m.target}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td data-label={m.when} dir="ltr">
                {row.at}
              </td>
              <td data-label={m.who}>
                <bdi>{row.actorName}</bdi>
              </td>
              <td data-label={m.what} dir="ltr">
                {row.action}
              </td>
              <td data-label={m.target} dir="ltr">
                {row.targetType} {row.targetId ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
