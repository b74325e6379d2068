/**
 * The dashboard's arithmetic, kept out of the components so it can be tested without a browser:
 * the period in the address bar, the funnel, the best send-time slots, the A/B verdict, and how
 * rates and durations read.
 */
import type { AbTestReport, HeatCell, OutreachMetrics } from '../../../api/types.ts';

/** The response windows the dashboard offers (the API takes 1, 3, 7, 14, 30 and 90). */
export const WINDOW_CHOICES = [7, 30] as const;
export type WindowChoice = (typeof WINDOW_CHOICES)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A UTC calendar day as YYYY-MM-DD. */
export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const dayFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** A YYYY-MM-DD day as people read it ("Mar 15, 2026"), the same day in every time zone. */
export function formatDay(day: string): string {
  return dayFmt.format(new Date(`${day}T00:00:00Z`));
}

/**
 * A day `n` days after `day` (before, for a negative n).
 *
 * @example
 * addDays('2026-02-28', 1) // '2026-03-01'
 */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

function isDay(s: string | null): s is string {
  return s !== null && DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && addDays(s, 0) === s;
}

export interface Period {
  /** First day counted. */
  from: string;
  /** Last day counted (inclusive, as people read a range). */
  through: string;
  /** The API's `to`: the day after `through` (exclusive). */
  to: string;
  windowDays: WindowChoice;
}

/**
 * The dashboard's period from the address bar: `from` and `through` (inclusive) days and the
 * response window. Anything missing or malformed falls back to the API's own default, the 90 days
 * up to today with a 7-day window; a range given backwards is put the right way round.
 */
export function readPeriod(params: URLSearchParams, today: Date): Period {
  const t = dayOf(today);
  let through = params.get('through');
  let from = params.get('from');
  if (!isDay(through)) through = t;
  if (!isDay(from)) from = addDays(through, -89);
  if (from > through) [from, through] = [through, from];
  const w = Number(params.get('window'));
  const windowDays: WindowChoice = (WINDOW_CHOICES as readonly number[]).includes(w)
    ? (w as WindowChoice)
    : 7;
  return { from, through, to: addDays(through, 1), windowDays };
}

/** The query string every windowed report takes for this period. */
export function periodQuery(p: Period): { from: string; to: string; windowDays: number } {
  return { from: p.from, to: p.to, windowDays: p.windowDays };
}

/** "40%", "33.3%" or "—" for a rate the API could not compute (nothing sent). */
export function pct(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const r = Math.round(rate * 100 * 10 ** digits) / 10 ** digits;
  return `${Number.isInteger(r) ? r : r.toFixed(digits)}%`;
}

/**
 * A time to first response for people: minutes under an hour, hours under two days, then days.
 *
 * @example
 * formatHours(0.5)  // '30 min'
 * formatHours(5.25) // '5.3 h'
 * formatHours(90)   // '3.8 days'
 */
export function formatHours(h: number | null | undefined): string {
  if (h === null || h === undefined || !Number.isFinite(h)) return '—';
  if (h < 1) return `${Math.max(1, Math.round(h * 60))} min`;
  if (h < 48) return `${Math.round(h * 10) / 10} h`;
  return `${Math.round((h / 24) * 10) / 10} days`;
}

export interface FunnelStep {
  key: 'sent' | 'opened' | 'positive' | 'screened';
  label: string;
  count: number;
  /** Share of the sends (null when nothing was sent). */
  ofSent: number | null;
}

/**
 * The outreach funnel: sent -> opened -> accepted or replied -> moved to screening. "Accepted or
 * replied" is every response but a decline (a declined InMail closes its conversation, so it is
 * never also a reply; an InMail accepted and then replied to is one response). Steps are shares
 * of the sends, not of the step before: opens are only known where the recipient's client reports
 * them, so a later step can be larger than "opened".
 */
export function funnel(t: OutreachMetrics): FunnelStep[] {
  const share = (n: number) => (t.sent > 0 ? n / t.sent : null);
  const positive = Math.max(0, t.responded - t.declined);
  return [
    { key: 'sent', label: 'Sent', count: t.sent, ofSent: share(t.sent) },
    { key: 'opened', label: 'Opened', count: t.opened, ofSent: share(t.opened) },
    { key: 'positive', label: 'Accepted or replied', count: positive, ofSent: share(positive) },
    { key: 'screened', label: 'Moved to screening', count: t.screened, ofSent: share(t.screened) },
  ];
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Tuesday 09:00" for an ISO weekday (1 = Monday) and an hour. */
export function slotLabel(weekday: number, hour: number): string {
  return `${WEEKDAYS[weekday - 1] ?? `Day ${weekday}`} ${String(hour).padStart(2, '0')}:00`;
}

/**
 * The best hours to send: the highest response rates among the slots with at least `minSent`
 * sends (a slot with one lucky send says little), ties broken by more sends, then by time.
 */
export function bestSlots(cells: HeatCell[], minSent = 3, n = 3): HeatCell[] {
  return cells
    .filter((c) => c.sent >= minSent && c.responseRate !== null)
    .sort(
      (a, b) =>
        (b.responseRate ?? 0) - (a.responseRate ?? 0) ||
        b.sent - a.sent ||
        a.weekday - b.weekday ||
        a.hour - b.hour,
    )
    .slice(0, n);
}

/**
 * A heatmap cell's shade, 0 (nothing sent) to 5 (the best response rate): rates are bucketed by
 * fifths of the highest rate in the map so a month of low rates still shows where they are best.
 */
export function heatLevel(cell: HeatCell, maxRate: number): number {
  if (cell.sent === 0 || cell.responseRate === null) return 0;
  if (maxRate <= 0) return 1;
  return Math.min(5, 1 + Math.floor((cell.responseRate / maxRate) * 4.999));
}

/** Percentage points with a sign: "+5.2 pts". */
export function points(diff: number): string {
  const v = Math.round(diff * 1000) / 10;
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)} pts`;
}

/** A p-value as people read it. */
export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

/** The A/B result in one sentence. */
export function describeAb(r: AbTestReport): string {
  const t = r.test;
  if (t.status === 'not_enough_data') {
    return `Not enough data to compare${t.reason ? `: ${t.reason}` : '.'}`;
  }
  if (t.difference === null || t.pValue === null) return 'No result.';
  const level = Math.round((t.confidenceInterval?.level ?? r.meta.level) * 100);
  const ci = t.confidenceInterval
    ? ` (${level}% confidence interval ${points(t.confidenceInterval.low)} to ${points(t.confidenceInterval.high)})`
    : '';
  const verdict = t.significant
    ? `a significant difference at the ${level}% level`
    : `no significant difference at the ${level}% level`;
  return `B’s response rate is ${points(t.difference)} against A’s${ci}; p = ${formatP(t.pValue)}: ${verdict}.`;
}
