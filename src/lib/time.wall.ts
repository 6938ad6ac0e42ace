// Wall-clock times in a named zone: "2026-07-01T15:30" as read in Asia/Muscat is which instant,
// and the zone's offset as "GMT+4". Only Intl, so it runs in the browser bundle too.
import { cached } from './time.intl.js';

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  return cached(offsetFormats, timeZone, () => {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  });
}

/** The zone's wall clock at `ms`, read as if it were UTC (milliseconds since the epoch). */
function wallAsUtc(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of offsetFormat(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = p;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * The zone's offset from UTC at `at`, in minutes (Muscat: 240, New York in winter: -300).
 *
 * @throws RangeError for an unknown time zone.
 */
export function zoneOffsetMinutes(at: Date | number, timeZone: string): number {
  const ms = Math.floor(Number(at) / 1000) * 1000;
  return Math.round((wallAsUtc(ms, timeZone) - ms) / 60_000);
}

/** The offset as the newsroom writes it: "GMT+4", "GMT-5", "GMT+5:30", "GMT". */
export function formatGmtOffset(at: Date | number, timeZone: string): string {
  const minutes = zoneOffsetMinutes(at, timeZone);
  if (minutes === 0) return 'GMT';
  const sign = minutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `GMT${sign}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/**
 * The instant at which the zone's clocks read `wall` ("YYYY-MM-DDTHH:mm", what
 * `<input type="datetime-local">` gives). Across a change of the clocks it does what
 * calendars do: a time that happens twice (clocks back) is the earlier one; a time that
 * never happens (clocks forward) is moved on by the gap (02:30 becomes 03:30).
 * Returns null when `wall` is not such a time or the zone is unknown.
 */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const match = WALL.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23) return null;
  try {
    const before = asUtc - zoneOffsetMinutes(asUtc - DAY_MS, timeZone) * 60_000;
    const after = asUtc - zoneOffsetMinutes(asUtc + DAY_MS, timeZone) * 60_000;
    const fits = [before, after].filter((ms) => wallAsUtc(ms, timeZone) === asUtc);
    if (fits.length === 0) return new Date(before);
    return new Date(Math.min(...fits));
  } catch {
    return null;
  }
}
