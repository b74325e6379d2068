/**
 * Send-time advice learned from an organization's own response data. Until it has enough responses
 * the advice is the default window (Tuesday–Thursday 08:00–11:00 in the recipient's zone, see
 * send-window.ts); from then on it is the recipient-local weekday/hour slots where the
 * organization's InMails were answered most often. Pure: the caller supplies the counts.
 *
 * The model is deliberately simple and explainable:
 * - every InMail counts in the slot (local ISO weekday, local hour) of its recipient when it was
 *   sent; it "responded" when it was accepted, declined or replied to within the response window;
 * - a slot's rate is smoothed towards the organization's overall rate (an additive prior worth
 *   `priorWeight` InMails), so one lucky send does not make a slot the best;
 * - only slots with at least `minSentPerSlot` sends and a smoothed rate above the overall rate are
 *   candidates; the best `topSlots` of them are the learned window.
 */
import type { SendTime, Weekday } from './send-window.ts';
import { instantOfWallClock, isValidTimeZone, wallClockOf, weekdayOf } from './send-window.ts';

export interface SlotStat {
  /** Recipient-local ISO weekday (1 = Monday). */
  weekday: Weekday;
  /** Recipient-local hour, 0–23. */
  hour: number;
  sent: number;
  responded: number;
}

export interface RankedSlot extends SlotStat {
  /** Smoothed response rate of the slot, 0..1. */
  rate: number;
}

export interface LearnOptions {
  /** Responses the organization needs before advice is learned instead of the default. */
  minResponses?: number;
  minSentPerSlot?: number;
  priorWeight?: number;
  topSlots?: number;
}

export const LEARN_DEFAULTS: Required<LearnOptions> = {
  minResponses: 50,
  minSentPerSlot: 5,
  priorWeight: 10,
  topSlots: 8,
};

export interface LearnedSlots {
  sent: number;
  responses: number;
  overallRate: number;
  /** Best first. */
  slots: RankedSlot[];
}

/**
 * Adds up per-slot counts (several rows may name the same slot).
 *
 * @example
 * mergeSlotStats([{ weekday: 2, hour: 9, sent: 1, responded: 1 }, { weekday: 2, hour: 9, sent: 2, responded: 0 }]);
 * // [{ weekday: 2, hour: 9, sent: 3, responded: 1 }]
 */
export function mergeSlotStats(stats: readonly SlotStat[]): SlotStat[] {
  const byKey = new Map<number, SlotStat>();
  for (const s of stats) {
    const key = s.weekday * 100 + s.hour;
    const cur = byKey.get(key);
    if (cur) {
      cur.sent += s.sent;
      cur.responded += s.responded;
    } else {
      byKey.set(key, { ...s });
    }
  }
  return [...byKey.values()];
}

/**
 * The learned best slots, or null while the organization has fewer than `minResponses` responses
 * (or no slot stands out from the average).
 *
 * @example
 * learnSendSlots(stats); // { sent: 400, responses: 96, overallRate: 0.24, slots: [{ weekday: 3, hour: 14, rate: 0.41, ... }, ...] }
 */
export function learnSendSlots(stats: readonly SlotStat[], options: LearnOptions = {}): LearnedSlots | null {
  const opts = { ...LEARN_DEFAULTS, ...options };
  const merged = mergeSlotStats(stats);
  const sent = merged.reduce((n, s) => n + s.sent, 0);
  const responses = merged.reduce((n, s) => n + s.responded, 0);
  if (responses < opts.minResponses || sent === 0) return null;
  const overallRate = responses / sent;
  const ranked = merged
    .filter((s) => s.sent >= opts.minSentPerSlot)
    .map((s) => ({
      ...s,
      rate: (s.responded + opts.priorWeight * overallRate) / (s.sent + opts.priorWeight),
    }))
    .filter((s) => s.rate > overallRate)
    .sort((a, b) => b.rate - a.rate || b.sent - a.sent || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, opts.topSlots);
  if (ranked.length === 0) return null;
  return { sent, responses, overallRate, slots: ranked };
}

const HOUR_MS = 3_600_000;

/** How far ahead nextSlotTime looks: every slot of a week recurs within it. */
const SEARCH_HOURS = 8 * 24;

/**
 * The earliest instant at or after `now` that lies in one of the slots, in the recipient's zone
 * (`fallbackZone` when that zone is missing or unknown). `closesAt` is the end of the run of
 * consecutive chosen hours the send falls in. Throws a RangeError when `slots` is empty.
 *
 * @example
 * // Monday 2026-03-02 12:00 UTC; best slot Wednesday 14:00 in Berlin:
 * nextSlotTime(new Date('2026-03-02T12:00:00Z'), 'Europe/Berlin', [{ weekday: 3, hour: 14 }]);
 * // { at: 2026-03-04T13:00:00.000Z, timeZone: 'Europe/Berlin', fellBack: false, closesAt: 2026-03-04T14:00:00.000Z }
 */
export function nextSlotTime(
  now: Date,
  timeZone: string | null | undefined,
  slots: readonly { weekday: Weekday; hour: number }[],
  fallbackZone = 'UTC',
): SendTime {
  if (slots.length === 0) throw new RangeError('no slots to place the send in');
  const fellBack = !isValidTimeZone(timeZone);
  const zone = fellBack ? fallbackZone : (timeZone as string);
  const chosen = new Set(slots.map((s) => s.weekday * 100 + s.hour));
  const wc = wallClockOf(now, zone);
  const firstHour = Math.floor(wc.msOfDay / HOUR_MS);
  const slotAt = (i: number) => {
    const h = firstHour + i;
    const day = wc.day + Math.floor(h / 24);
    const hour = h % 24;
    return { day, hour, key: weekdayOf(day) * 100 + hour };
  };
  const startOf = (s: { day: number; hour: number }) =>
    instantOfWallClock({ day: s.day, msOfDay: s.hour * HOUR_MS }, zone);
  for (let i = 0; i <= SEARCH_HOURS; i++) {
    const s = slotAt(i);
    if (!chosen.has(s.key)) continue;
    let j = i + 1;
    while (j - i < 24 * 7 && chosen.has(slotAt(j).key)) j++;
    const end = slotAt(j);
    const start = startOf(s);
    const at = start < now ? now : start;
    return { at: new Date(at), timeZone: zone, fellBack, closesAt: startOf(end) };
  }
  // Unreachable: every weekday/hour recurs within a week.
  throw new RangeError('no slot within a week');
}
