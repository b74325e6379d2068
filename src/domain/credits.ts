/**
 * Credit rules: renewal dates, rollover caps, refund policies. Pure: the ledger service applies
 * them inside its transactions.
 *
 * Defaults come from the public figures in ../shared/domain.md: credits renew monthly on the
 * seat's anniversary day, a seat holds at most its rollover cap (4x the allotment by default), and
 * a credit comes back when the InMail is accepted, declined or replied to within 90 days
 * (`response-within-90-days`), or only when it is declined (`on-decline`, the seed's rule).
 */

export const LEDGER_KINDS = [
  'grant',
  'spend',
  'refund',
  'expire',
  'reserve',
  'release',
  'adjust',
  'transfer',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const REFUND_POLICIES = ['response-within-90-days', 'on-decline'] as const;
export type RefundPolicy = (typeof REFUND_POLICIES)[number];

export type ResponseKind = 'accepted' | 'declined' | 'replied';

function daysInMonthUtc(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/**
 * The renewal instant after `periodStart`: the anniversary day of the next month at 00:00 UTC,
 * clamped to the month's last day (a seat bought on the 31st renews on 30 April and 28 or 29
 * February, and on the 31st again where the month has one).
 *
 * @example
 * nextRenewal(new Date('2026-01-31T00:00:00Z'), 31) // 2026-02-28T00:00:00Z
 */
export function nextRenewal(periodStart: Date, anniversaryDay: number): Date {
  const y = periodStart.getUTCFullYear();
  const m = periodStart.getUTCMonth() + 1;
  const year = y + Math.floor(m / 12);
  const month0 = m % 12;
  return new Date(Date.UTC(year, month0, Math.min(anniversaryDay, daysInMonthUtc(year, month0))));
}

/**
 * The start of the period that contains `at` for a seat renewing on `anniversaryDay`: the latest
 * anniversary instant at or before `at`.
 *
 * @example
 * periodStartFor(new Date('2026-03-10T12:00:00Z'), 15) // 2026-02-15T00:00:00Z
 */
export function periodStartFor(at: Date, anniversaryDay: number): Date {
  const y = at.getUTCFullYear();
  const m0 = at.getUTCMonth();
  const thisMonth = new Date(Date.UTC(y, m0, Math.min(anniversaryDay, daysInMonthUtc(y, m0))));
  if (thisMonth.getTime() <= at.getTime()) return thisMonth;
  const py = m0 === 0 ? y - 1 : y;
  const pm0 = m0 === 0 ? 11 : m0 - 1;
  return new Date(Date.UTC(py, pm0, Math.min(anniversaryDay, daysInMonthUtc(py, pm0))));
}

/**
 * A renewal: the grant of the monthly allotment, then the expiry of whatever the seat would hold
 * above its rollover cap. Reserved credits (campaign budgets) count toward the cap, but only
 * available credits can expire.
 *
 * @example
 * renewal({ balance: 110, reserved: 0, allotment: 30, cap: 120 }) // { grant: 30, expire: 20 }
 */
export function renewal(s: { balance: number; reserved: number; allotment: number; cap: number }): {
  grant: number;
  expire: number;
} {
  const available = s.balance + s.allotment;
  const excess = Math.max(0, available + s.reserved - s.cap);
  return { grant: s.allotment, expire: Math.min(excess, available) };
}

/**
 * Whether a response refunds the credit spent on an InMail under the organization's policy. A
 * credit is refunded at most once (`alreadyRefunded`), and a free message never had one.
 *
 * @example
 * refundDue('response-within-90-days', { response: 'accepted', sentAt, respondedAt, windowDays: 90,
 *   charged: true, alreadyRefunded: false }) // true when within 90 days
 */
export function refundDue(
  policy: RefundPolicy,
  r: {
    response: ResponseKind;
    sentAt: Date;
    respondedAt: Date;
    windowDays: number;
    charged: boolean;
    alreadyRefunded: boolean;
  },
): boolean {
  if (!r.charged || r.alreadyRefunded) return false;
  if (policy === 'on-decline') return r.response === 'declined';
  return r.respondedAt.getTime() - r.sentAt.getTime() <= r.windowDays * 86_400_000;
}

/** Whether a seat may spend one more credit this period under its admin-set monthly limit. */
export function withinMonthlyLimit(monthlyLimit: number | null, spentThisPeriod: number): boolean {
  return monthlyLimit === null || spentThisPeriod < monthlyLimit;
}

/**
 * When a contact-frequency cap frees again: given the send times within the window (any order),
 * the cap and the window, the instant from which one more send is allowed; null when allowed now.
 *
 * @example
 * capFreesAt([t1, t2, t3], 3, 30 * 86_400_000) // t1 + 30 days, t1 being the oldest
 */
export function capFreesAt(sentAts: Date[], cap: number, windowMs: number): Date | null {
  if (sentAts.length < cap) return null;
  const sorted = sentAts.map((d) => d.getTime()).sort((a, b) => a - b);
  // Allowed again once only cap-1 remain inside the window.
  const oldestThatMustAge = sorted[sorted.length - cap]!;
  return new Date(oldestThatMustAge + windowMs);
}
