/**
 * Send windows in the recipient's own time zone: when may a message go out, and exactly when should it.
 *
 * The rule an instant is judged by: on each local calendar day that is an allowed weekday and not a holiday,
 * the window OPENS at the first instant the recipient's wall clock reads `start` or later, and CLOSES at the
 * first instant after that at which it reads `end` or later. So every local day has at most one contiguous
 * opening, which settles the two daylight-saving edge cases:
 * - spring forward: a start inside the skipped hour (02:30 on a day New York jumps 02:00 -> 03:00) opens the
 *   window at the first real instant after the gap (03:00 EDT); a window lying wholly inside the gap does not
 *   open that day at all;
 * - fall back: a repeated wall time counts once. 01:30 means its first occurrence (EDT), and an opening that
 *   spans the repeated hour simply lasts an hour longer in real time; it never opens a second time.
 * Nothing here reads the clock: `now` is always an argument.
 */
import { DateTime, IANAZone } from 'luxon';
import type { FieldError } from './errors.ts';
import { DomainError } from './errors.ts';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface SendWindow {
  /** Local weekdays on which the window opens (ISO: 1 = Monday ... 7 = Sunday). */
  days: readonly Weekday[];
  startHour: number;
  startMinute: number;
  /** The end is exclusive; 24:00 means "until midnight". Windows that cross midnight are not supported. */
  endHour: number;
  endMinute: number;
  /** Local dates ('YYYY-MM-DD', in the recipient's zone) on which the window stays shut all day. */
  holidays: readonly string[];
  /** Zone used when the recipient's own zone is missing or unknown to the time-zone database. */
  timeZone: string;
}

/** Where and when a send was placed. */
export interface SendTime {
  at: Date;
  /** The zone the window was evaluated in: the recipient's, or the fallback when `fellBack`. */
  timeZone: string;
  /** True when the recipient's zone was missing or unknown and the window's fallback zone was used. */
  fellBack: boolean;
  /** End of the opening `at` lies in: a send not made by then has missed this window. */
  closesAt: Date;
}

export interface NextSendTimeOptions {
  /** Never place the send before this instant (e.g. when a sequence step's delay elapses). */
  notBefore?: Date;
  /**
   * Spread sends over the window by a hash of this key (use the recipient id) instead of all firing at
   * the moment the window opens. The same key always lands on the same offset; pass `${id}:${step}` to
   * vary it per step.
   */
  spreadKey?: string;
}

/** A planned send for one recipient of a dry run. */
export interface PlannedSend extends SendTime {
  id: string;
}

/**
 * Tuesday to Thursday, 08:00 to 11:00 local: the slot the seed documents and LinkedIn's own timing data
 * single out (Friday and Saturday do worst). The UTC fallback is used only for recipients without a valid zone.
 */
export const DEFAULT_SEND_WINDOW: Readonly<SendWindow> = Object.freeze({
  days: Object.freeze([2, 3, 4] as const),
  startHour: 8,
  startMinute: 0,
  endHour: 11,
  endMinute: 0,
  holidays: Object.freeze([] as string[]),
  timeZone: 'UTC',
});

/**
 * How many local days ahead `nextSendTime` looks before giving up. Two years covers any real calendar of
 * holidays; a window that cannot open within it is a configuration mistake, not something to wait for.
 */
export const SEND_WINDOW_SEARCH_DAYS = 731;

/** The window spec is malformed (400); `errors` lists every problem, by field. */
export class InvalidSendWindowError extends DomainError {
  override name = 'InvalidSendWindowError';
  constructor(readonly errors: FieldError[]) {
    super(
      'invalid',
      'invalid_send_window',
      `invalid send window: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      { fields: errors },
    );
  }
}

/** The window is well formed but never opens within {@link SEND_WINDOW_SEARCH_DAYS} days of the start (422). */
export class SendWindowUnreachableError extends DomainError {
  override name = 'SendWindowUnreachableError';
  constructor(
    readonly from: Date,
    readonly timeZone: string,
  ) {
    super(
      'unprocessable',
      'send_window_unreachable',
      `the send window does not open within ${SEND_WINDOW_SEARCH_DAYS} days after ${from.toISOString()} in ${timeZone}`,
      { extra: { from: from.toISOString(), timeZone } },
    );
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether the time-zone database knows this zone name.
 * @example
 * isValidTimeZone('Asia/Kolkata'); // true
 * isValidTimeZone('Mars/Olympus_Mons'); // false
 */
export function isValidTimeZone(name: string | null | undefined): name is string {
  // IANAZone.create caches the instance (and its validity) per name; isValidZone would build a formatter each call.
  return typeof name === 'string' && name !== '' && IANAZone.create(name).isValid;
}

/**
 * A local calendar date as a day number (days since 1970-01-01), or null if the text is not a real 'YYYY-MM-DD'.
 * @example
 * parseLocalDate('1970-01-02'); // 1
 * parseLocalDate('2024-02-30'); // null
 */
export function parseLocalDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const date = DateTime.fromObject(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
    { zone: 'utc' },
  );
  return date.isValid ? Math.floor(date.toMillis() / DAY_MS) : null;
}

/**
 * The 'YYYY-MM-DD' text of a day number (the inverse of {@link parseLocalDate}).
 * @example
 * formatLocalDate(19792); // '2024-03-10'
 */
export function formatLocalDate(day: number): string {
  return DateTime.fromMillis(day * DAY_MS, { zone: 'utc' }).toISODate() ?? '';
}

/**
 * ISO weekday of a day number.
 * @example
 * weekdayOf(0); // 4 (1970-01-01 was a Thursday)
 */
export function weekdayOf(day: number): Weekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** A wall-clock reading: the local day number and the milliseconds since local midnight. */
export interface WallClock {
  day: number;
  msOfDay: number;
}

function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`unknown time zone: ${timeZone}`);
  return zone;
}

function wallMs(zone: IANAZone, t: number): number {
  return t + zone.offset(t) * MINUTE_MS;
}

/**
 * What the wall clock in `timeZone` reads at `instant`.
 * @example
 * wallClockOf(new Date('2024-03-10T07:30:00Z'), 'America/New_York'); // { day: 19792, msOfDay: 3.5 * 3_600_000 }
 */
export function wallClockOf(instant: Date | number, timeZone: string): WallClock {
  const w = wallMs(zoneOf(timeZone), +instant);
  const day = Math.floor(w / DAY_MS);
  return { day, msOfDay: w - day * DAY_MS };
}

/**
 * The first instant at which the wall clock in `zone` reads `wall` or later (wall = local time as epoch ms).
 * Luxon's own local-to-instant conversion guesses the offset from the real current date, so an ambiguous
 * 01:30 resolves to EDT in summer and EST in winter; here only Luxon's offset table is used and the rule is fixed:
 * first occurrence in an overlap, first instant after the gap when the time is skipped.
 */
function firstInstantAtOrAfter(zone: IANAZone, wall: number): number {
  // Every instant whose wall time is `wall` is `wall - o` for an offset o in force near it; offsets are sampled
  // two days either side so that any transition close to `wall` contributes both of its offsets.
  const offsets = new Set<number>();
  for (const probe of [wall - 2 * DAY_MS, wall - DAY_MS, wall, wall + DAY_MS, wall + 2 * DAY_MS]) {
    offsets.add(zone.offset(probe));
  }
  let exact = Infinity;
  let below = -Infinity;
  let above = Infinity;
  for (const o of offsets) {
    const t = wall - o * MINUTE_MS;
    const w = wallMs(zone, t);
    if (w === wall) exact = Math.min(exact, t);
    else if (w < wall) below = Math.max(below, t);
    else above = Math.min(above, t);
  }
  if (exact !== Infinity) return exact;
  if (!(below < above) || !Number.isFinite(below) || !Number.isFinite(above)) {
    throw new Error(`cannot resolve local time ${new Date(wall).toISOString()} in ${zone.name}`);
  }
  // The wall time falls in a gap: the clock jumps over it between `below` and `above`, and is monotonic there.
  let lo = below;
  let hi = above;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMs(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The instant a local date and time denote in a zone. A time skipped by a spring-forward gap becomes the first
 * instant after the gap; a time repeated by a fall-back overlap means its first occurrence.
 * @example
 * instantOfWallClock({ day: parseLocalDate('2024-03-10')!, msOfDay: 2.5 * 3_600_000 }, 'America/New_York');
 * // 2024-03-10T07:00:00.000Z (03:00 EDT: 02:30 does not exist that day)
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): Date {
  return new Date(firstInstantAtOrAfter(zoneOf(timeZone), wall.day * DAY_MS + wall.msOfDay));
}

function isInteger(n: unknown, min: number, max: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

function hhmm(h: number, m: number): string {
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Every problem with a window spec, by field; an empty list means the window is usable.
 * @example
 * validateSendWindow({ ...DEFAULT_SEND_WINDOW, days: [], holidays: ['2024-13-01'] });
 * // [{ field: 'days', ... }, { field: 'holidays.0', ... }]
 */
export function validateSendWindow(window: SendWindow): FieldError[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(window.days) || window.days.length === 0) {
    errors.push({ field: 'days', message: 'pick at least one weekday' });
  } else {
    window.days.forEach((d, i) => {
      if (!isInteger(d, 1, 7))
        errors.push({ field: `days.${i}`, message: 'must be 1 (Monday) to 7 (Sunday)' });
    });
  }
  const startOk = isInteger(window.startHour, 0, 23) && isInteger(window.startMinute, 0, 59);
  if (!isInteger(window.startHour, 0, 23)) errors.push({ field: 'startHour', message: 'must be 0 to 23' });
  if (!isInteger(window.startMinute, 0, 59))
    errors.push({ field: 'startMinute', message: 'must be 0 to 59' });
  let endOk = isInteger(window.endHour, 0, 24) && isInteger(window.endMinute, 0, 59);
  if (!isInteger(window.endHour, 0, 24)) errors.push({ field: 'endHour', message: 'must be 0 to 24' });
  if (!isInteger(window.endMinute, 0, 59)) errors.push({ field: 'endMinute', message: 'must be 0 to 59' });
  if (endOk && window.endHour === 24 && window.endMinute !== 0) {
    errors.push({ field: 'endMinute', message: 'must be 0 when the end hour is 24' });
    endOk = false;
  }
  if (startOk && endOk) {
    const start = window.startHour * 60 + window.startMinute;
    const end = window.endHour * 60 + window.endMinute;
    if (end <= start) {
      errors.push({
        field: 'endHour',
        message: `end ${hhmm(window.endHour, window.endMinute)} must be after start ${hhmm(window.startHour, window.startMinute)} (windows cannot cross midnight)`,
      });
    }
  }
  if (!Array.isArray(window.holidays)) {
    errors.push({ field: 'holidays', message: "must be a list of 'YYYY-MM-DD' dates" });
  } else {
    window.holidays.forEach((h, i) => {
      if (typeof h !== 'string' || parseLocalDate(h) === null) {
        errors.push({ field: `holidays.${i}`, message: `not a real 'YYYY-MM-DD' date: ${String(h)}` });
      }
    });
  }
  if (!isValidTimeZone(window.timeZone)) {
    errors.push({ field: 'timeZone', message: `unknown IANA time zone: ${String(window.timeZone)}` });
  }
  return errors;
}

interface CompiledWindow {
  days: boolean[];
  holidays: Set<number>;
  startMin: number;
  endMin: number;
  fallbackZone: string;
}

// A campaign evaluates one window for thousands of recipients: validate and compile it once per
// window object, not once per call (validation parses every holiday).
const compiled = new WeakMap<SendWindow, CompiledWindow>();

function compile(window: SendWindow): CompiledWindow {
  let c = compiled.get(window);
  if (!c) {
    c = compileUncached(window);
    compiled.set(window, c);
  }
  return c;
}

function compileUncached(window: SendWindow): CompiledWindow {
  const errors = validateSendWindow(window);
  if (errors.length > 0) throw new InvalidSendWindowError(errors);
  const days = new Array<boolean>(8).fill(false);
  for (const d of window.days) days[d] = true;
  return {
    days,
    holidays: new Set(window.holidays.map((h) => parseLocalDate(h) ?? NaN)),
    startMin: window.startHour * 60 + window.startMinute,
    endMin: window.endHour * 60 + window.endMinute,
    fallbackZone: window.timeZone,
  };
}

interface ResolvedZone {
  zone: IANAZone;
  name: string;
  fellBack: boolean;
}

function resolveZone(requested: string | null | undefined, fallback: string): ResolvedZone {
  if (isValidTimeZone(requested))
    return { zone: IANAZone.create(requested), name: requested, fellBack: false };
  return { zone: IANAZone.create(fallback), name: fallback, fellBack: true };
}

interface Opening {
  start: number;
  end: number;
}

function openingOn(w: CompiledWindow, zone: IANAZone, day: number): Opening | null {
  if (!w.days[weekdayOf(day)] || w.holidays.has(day)) return null;
  const start = firstInstantAtOrAfter(zone, day * DAY_MS + w.startMin * MINUTE_MS);
  // An end of 24:00 is the next day's midnight, which the same search finds (even if midnight is skipped).
  const end = firstInstantAtOrAfter(zone, day * DAY_MS + w.endMin * MINUTE_MS);
  return end > start ? { start, end } : null;
}

/** The earliest opening that is still open at or after `t0`, clipped to start no earlier than `t0`. */
function findOpening(w: CompiledWindow, rz: ResolvedZone, t0: number): Opening {
  const firstDay = Math.floor(wallMs(rz.zone, t0) / DAY_MS);
  // Start one day early: in a zone whose clock falls back across midnight, `t0` can still belong to the
  // previous local day's opening.
  for (let day = firstDay - 1; day <= firstDay + SEND_WINDOW_SEARCH_DAYS; day++) {
    const o = openingOn(w, rz.zone, day);
    if (o && o.end > t0) return { start: Math.max(o.start, t0), end: o.end };
  }
  throw new SendWindowUnreachableError(new Date(t0), rz.name);
}

/**
 * A number in [0, 1) from a key: FNV-1a, then murmur3's finalizer so that near-identical ids ("cand-1",
 * "cand-2") land far apart instead of next to each other.
 */
function spreadFraction(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

function place(o: Opening, rz: ResolvedZone, spreadKey: string | undefined): SendTime {
  let at = o.start;
  if (spreadKey !== undefined) {
    // Whole seconds: fine enough for 10,000 recipients in a 3-hour window, and always strictly before the close.
    const seconds = Math.floor((o.end - o.start) / 1000);
    at = o.start + Math.floor(spreadFraction(spreadKey) * seconds) * 1000;
  }
  return { at: new Date(at), timeZone: rz.name, fellBack: rz.fellBack, closesAt: new Date(o.end) };
}

function startOf(now: Date, notBefore: Date | undefined): number {
  const t = +now;
  if (!Number.isFinite(t)) throw new RangeError('now is not a valid date');
  if (notBefore === undefined) return t;
  const nb = +notBefore;
  if (!Number.isFinite(nb)) throw new RangeError('notBefore is not a valid date');
  return Math.max(t, nb);
}

/**
 * The earliest instant at or after max(now, notBefore) that lies inside the window in the recipient's zone
 * (`now` itself when it already does). With `spreadKey` the send lands at a fixed pseudo-random point of that
 * opening instead: of the whole opening when it is still ahead, of what is left of it when `now` is inside.
 * An unknown zone falls back to `window.timeZone` and says so in `fellBack`. Store the result: recomputing a spread
 * send while inside the window spreads over a shrinking remainder, so the target would keep sliding later.
 * Throws InvalidSendWindowError for a malformed window and SendWindowUnreachableError when it never opens
 * within SEND_WINDOW_SEARCH_DAYS.
 * @example
 * // Monday 2024-06-03 12:00 UTC is 21:00 in Tokyo: the next opening is Tuesday 08:00 JST.
 * nextSendTime(new Date('2024-06-03T12:00:00Z'), 'Asia/Tokyo', DEFAULT_SEND_WINDOW);
 * // { at: 2024-06-03T23:00:00.000Z, timeZone: 'Asia/Tokyo', fellBack: false, closesAt: 2024-06-04T02:00:00.000Z }
 */
export function nextSendTime(
  now: Date,
  timeZone: string | null | undefined,
  window: SendWindow,
  opts: NextSendTimeOptions = {},
): SendTime {
  const w = compile(window);
  const rz = resolveZone(timeZone, w.fallbackZone);
  return place(findOpening(w, rz, startOf(now, opts.notBefore)), rz, opts.spreadKey);
}

/**
 * Send times for many recipients at once (a campaign's dry run), spread by recipient id unless
 * `spread: false`. The result keeps the input order; each zone's opening is computed once.
 * @example
 * planSendTimes(new Date('2024-06-03T12:00:00Z'), [{ id: 'c1', timeZone: 'Europe/Berlin' }], DEFAULT_SEND_WINDOW);
 * // [{ id: 'c1', at: (a point in Tuesday 08:00-11:00 CEST), timeZone: 'Europe/Berlin', fellBack: false, closesAt: ... }]
 */
export function planSendTimes(
  now: Date,
  recipients: readonly { id: string; timeZone: string | null | undefined }[],
  window: SendWindow,
  opts: { notBefore?: Date; spread?: boolean } = {},
): PlannedSend[] {
  const w = compile(window);
  const t0 = startOf(now, opts.notBefore);
  const perZone = new Map<string, { rz: ResolvedZone; opening: Opening }>();
  return recipients.map((r) => {
    const key = r.timeZone ?? '';
    let entry = perZone.get(key);
    if (!entry) {
      const rz = resolveZone(r.timeZone, w.fallbackZone);
      entry = { rz, opening: findOpening(w, rz, t0) };
      perZone.set(key, entry);
    }
    return { id: r.id, ...place(entry.opening, entry.rz, opts.spread === false ? undefined : r.id) };
  });
}

/**
 * Whether `instant` lies inside the window in the zone (falling back like `nextSendTime` for an unknown zone).
 * @example
 * isInsideWindow(new Date('2024-06-04T06:30:00Z'), 'Europe/Berlin', DEFAULT_SEND_WINDOW); // true (Tue 08:30 CEST)
 */
export function isInsideWindow(
  instant: Date,
  timeZone: string | null | undefined,
  window: SendWindow,
): boolean {
  const w = compile(window);
  const rz = resolveZone(timeZone, w.fallbackZone);
  const t = +instant;
  if (!Number.isFinite(t)) throw new RangeError('instant is not a valid date');
  const day = Math.floor(wallMs(rz.zone, t) / DAY_MS);
  for (const d of [day - 1, day]) {
    const o = openingOn(w, rz.zone, d);
    if (o && o.start <= t && t < o.end) return true;
  }
  return false;
}
