/**
 * Business-day arithmetic in a given time zone: Monday to Friday on the local calendar, minus holidays.
 * Delays between sequence steps are counted this way in the recipient's zone, so a follow-up "3 business days
 * later" never lands on their weekend or public holiday.
 */
import {
  instantOfWallClock,
  isValidTimeZone,
  parseLocalDate,
  wallClockOf,
  weekdayOf,
} from './send-window.ts';

function zoneOrUtc(timeZone: string): string {
  // Same fallback as the send window: a candidate with a broken zone should still progress, counted in UTC.
  return isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

function holidayDays(holidays: readonly string[]): Set<number> {
  const days = new Set<number>();
  for (const h of holidays) {
    const day = parseLocalDate(h);
    if (day === null) throw new RangeError(`holiday is not a real 'YYYY-MM-DD' date: ${h}`);
    days.add(day);
  }
  return days;
}

function isBusinessDayNumber(day: number, holidays: Set<number>): boolean {
  return weekdayOf(day) <= 5 && !holidays.has(day);
}

/**
 * Whether the local date of `instant` in the zone is a business day (Monday to Friday, not a holiday).
 * @example
 * isBusinessDay(new Date('2024-06-08T12:00:00Z'), 'Europe/Berlin', []); // false (a Saturday)
 */
export function isBusinessDay(instant: Date, timeZone: string, holidays: readonly string[] = []): boolean {
  return isBusinessDayNumber(wallClockOf(instant, zoneOrUtc(timeZone)).day, holidayDays(holidays));
}

/**
 * Moves `n` business days forward (or back, for negative `n`) on the local calendar, keeping the local time of
 * day; `n = 0` returns the instant unchanged. Starting on a weekend counts from there: Saturday + 1 is Monday.
 * When the time of day does not exist on the target date (spring forward) the result is the first instant after
 * the gap; when it occurs twice (fall back) it is the first occurrence. An unknown zone counts in UTC.
 * @example
 * // Friday 09:00 in New York + 1 business day = Monday 09:00.
 * addBusinessDays(new Date('2024-06-07T13:00:00Z'), 1, 'America/New_York', []); // 2024-06-10T13:00:00.000Z
 */
export function addBusinessDays(
  instant: Date,
  n: number,
  timeZone: string,
  holidays: readonly string[] = [],
): Date {
  if (!Number.isInteger(n)) throw new RangeError(`business days must be an integer, got ${n}`);
  if (!Number.isFinite(+instant)) throw new RangeError('instant is not a valid date');
  if (n === 0) return new Date(+instant);
  const zone = zoneOrUtc(timeZone);
  const hol = holidayDays(holidays);
  const wall = wallClockOf(instant, zone);
  const step = n > 0 ? 1 : -1;
  let day = wall.day;
  // Terminates: at most |n| business days plus every weekend and holiday in between.
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isBusinessDayNumber(day, hol)) left--;
  }
  // A local date can be skipped outright (Pacific/Apia jumped over Friday 2011-12-30): land on the next real one.
  while (wallClockOf(instantOfWallClock({ day, msOfDay: 0 }, zone), zone).day !== day) {
    day += step;
    while (!isBusinessDayNumber(day, hol)) day += step;
  }
  return instantOfWallClock({ day, msOfDay: wall.msOfDay }, zone);
}

/**
 * Business days from `from` to `to`, counted on local dates: forward, the business days in (from, to]; backward,
 * minus those in [to, from). Time of day is ignored. It inverts addBusinessDays:
 * `businessDaysBetween(x, addBusinessDays(x, n, tz, h), tz, h) === n` for every integer n.
 * @example
 * // Friday to the next Monday: one business day (the Monday).
 * businessDaysBetween(new Date('2024-06-07T13:00:00Z'), new Date('2024-06-10T13:00:00Z'), 'America/New_York', []); // 1
 */
export function businessDaysBetween(
  from: Date,
  to: Date,
  timeZone: string,
  holidays: readonly string[] = [],
): number {
  if (!Number.isFinite(+from) || !Number.isFinite(+to))
    throw new RangeError('from and to must be valid dates');
  const zone = zoneOrUtc(timeZone);
  const hol = holidayDays(holidays);
  const a = wallClockOf(from, zone).day;
  const b = wallClockOf(to, zone).day;
  let count = 0;
  if (b >= a) {
    for (let d = a + 1; d <= b; d++) if (isBusinessDayNumber(d, hol)) count++;
    return count;
  }
  for (let d = b; d < a; d++) if (isBusinessDayNumber(d, hol)) count++;
  return -count;
}
