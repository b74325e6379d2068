/**
 * Outreach analytics: what each event means for a send, the windows a response is counted in,
 * and how one send contributes to the rollups. Pure functions: the event consumer applies them
 * to the events it reads, and the reports read their sums. docs/analytics.md defines every metric.
 *
 * A "send" is an InMail, a free message to a 1st-degree connection, or a connection request made
 * by a user of an organization. Its outcomes (delivered, opened, clicked, accepted, declined,
 * replied, screened) count in a report with window W when they happened within W days (W x 24
 * hours) of sending, and they count on the send's day: an answer on day 6 adds to the row of the
 * day the InMail was sent. Each outcome counts once per send, at its first occurrence.
 */

/** Response windows a report can use, in days (the rollups hold one count per window). */
export const WINDOWS = [1, 3, 7, 14, 30, 90] as const;
export type WindowDays = (typeof WINDOWS)[number];
export const DEFAULT_WINDOW: WindowDays = 7;

/**
 * Upper edges (hours) of the time-to-first-response histogram. Every window is an edge, so the
 * responses within a window are exactly the buckets up to it.
 */
export const HISTOGRAM_EDGES_HOURS = [
  1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 336, 504, 720, 1440, 2160,
] as const;

export const CHANNELS = ['inmail', 'message', 'connection_request'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Outcome counts of a report, in the order of the rollup arrays. */
export const OUTCOMES = [
  'delivered',
  'opened',
  'clicked',
  'accepted',
  'declined',
  'replied',
  'responded',
  'screened',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Dimensions a report groups by (each has its own rows in the daily rollup; 'all' has one). */
export const DIMENSIONS = [
  'recruiter',
  'seat',
  'team',
  'campaign',
  'step',
  'template',
  'templateVersion',
  'seniority',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_LATENCY = WINDOWS[WINDOWS.length - 1]! * DAY;

/** The index of a window in WINDOWS. */
export function windowIndex(days: number): number {
  const i = (WINDOWS as readonly number[]).indexOf(days);
  if (i < 0) throw new Error(`unsupported window ${days}`);
  return i;
}

/** The times a send's outcomes first happened; null when they did not (yet). */
export interface OutcomeTimes {
  deliveredAt: Date | null;
  openedAt: Date | null;
  clickedAt: Date | null;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  repliedAt: Date | null;
  expiredAt: Date | null;
  refundedAt: Date | null;
  screenedAt: Date | null;
}

/** One send as the analytics see it: dimensions fixed when it is consumed, and its outcomes. */
export interface SendFact extends OutcomeTimes {
  sendId: string;
  /** null while only outcomes of the send have been read (events can arrive out of order). */
  orgId: string | null;
  channel: Channel | null;
  sentAt: Date | null;
  sentEventId: number | null;
  userId: string | null;
  seatId: string | null;
  team: string | null;
  campaignId: string | null;
  step: number | null;
  templateId: string | null;
  templateVersion: number | null;
  seniority: string | null;
  memberId: string | null;
  subject: string | null;
  charged: boolean;
  /** ISO weekday (1 = Monday) and hour of the send in the recipient's time zone. */
  localWeekday: number | null;
  localHour: number | null;
}

export function emptyFact(sendId: string): SendFact {
  return {
    sendId,
    orgId: null,
    channel: null,
    sentAt: null,
    sentEventId: null,
    userId: null,
    seatId: null,
    team: null,
    campaignId: null,
    step: null,
    templateId: null,
    templateVersion: null,
    seniority: null,
    memberId: null,
    subject: null,
    charged: false,
    localWeekday: null,
    localHour: null,
    deliveredAt: null,
    openedAt: null,
    clickedAt: null,
    acceptedAt: null,
    declinedAt: null,
    repliedAt: null,
    expiredAt: null,
    refundedAt: null,
    screenedAt: null,
  };
}

/** The fields of an event the analytics read. */
export interface StreamEvent {
  id: number;
  type: string;
  occurredAt: Date;
  orgId: string | null;
  actorUserId: string | null;
  actorMemberId: string | null;
  seatId: string | null;
  recipientMemberId: string | null;
  inmailId: string | null;
  campaignId: string | null;
  data: Record<string, unknown>;
}

type OutcomeField = keyof OutcomeTimes;

/** What an event means for the analytics and the pipeline. */
export type EventMeaning =
  | { kind: 'send'; sendId: string; channel: Channel }
  | { kind: 'outcome'; sendId: string; field: OutcomeField; at: Date; request: boolean }
  | { kind: 'stage'; orgId: string; memberId: string; to: string; at: Date };

const OUTCOME_OF: Record<string, OutcomeField> = {
  'inmail.delivered': 'deliveredAt',
  'message.delivered': 'deliveredAt',
  'inmail.opened': 'openedAt',
  'message.opened': 'openedAt',
  'inmail.clicked': 'clickedAt',
  'message.clicked': 'clickedAt',
  'inmail.accepted': 'acceptedAt',
  'inmail.declined': 'declinedAt',
  'inmail.replied': 'repliedAt',
  'message.replied': 'repliedAt',
  'inmail.expired': 'expiredAt',
  'inmail.refunded': 'refundedAt',
};

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/**
 * Reads one event. Sends are `inmail.sent`, `message.sent` written by the send path (a message of
 * an ongoing conversation carries `data.author` and is not a send) and `connection.requested`
 * (whether its sender is an organization's user is decided with the database). A recipient's
 * conversation message counts as a reply to the InMail it belongs to.
 *
 * @example
 * classifyEvent({ type: 'inmail.accepted', inmailId: 'i1', occurredAt: t, ... })
 * // { kind: 'outcome', sendId: 'i1', field: 'acceptedAt', at: t, request: false }
 */
export function classifyEvent(e: StreamEvent): EventMeaning | null {
  const author = e.data.author;
  switch (e.type) {
    case 'inmail.sent':
      return e.inmailId ? { kind: 'send', sendId: e.inmailId, channel: 'inmail' } : null;
    case 'message.sent':
      if (!e.inmailId) return null;
      if (author === undefined) return { kind: 'send', sendId: e.inmailId, channel: 'message' };
      if (author === 'recipient')
        return { kind: 'outcome', sendId: e.inmailId, field: 'repliedAt', at: e.occurredAt, request: false };
      return null;
    case 'connection.requested': {
      const id = str(e.data.requestId);
      return id ? { kind: 'send', sendId: id, channel: 'connection_request' } : null;
    }
    case 'connection.accepted':
    case 'connection.ignored': {
      const id = str(e.data.requestId);
      if (!id) return null;
      const field = e.type === 'connection.accepted' ? 'acceptedAt' : 'declinedAt';
      return { kind: 'outcome', sendId: id, field, at: e.occurredAt, request: true };
    }
    case 'project.stage_changed': {
      const to = str(e.data.to);
      if (!e.orgId || !e.recipientMemberId || !to) return null;
      return { kind: 'stage', orgId: e.orgId, memberId: e.recipientMemberId, to, at: e.occurredAt };
    }
    default: {
      const field = OUTCOME_OF[e.type];
      return field && e.inmailId
        ? { kind: 'outcome', sendId: e.inmailId, field, at: e.occurredAt, request: false }
        : null;
    }
  }
}

/** Records an outcome: the first time it happened is kept. Returns whether the fact changed. */
export function applyOutcome(f: SendFact, field: OutcomeField, at: Date): boolean {
  const cur = f[field];
  if (cur !== null && cur.getTime() <= at.getTime()) return false;
  f[field] = at;
  return true;
}

/** The first response: accepted, declined or replied, whichever came first. */
export function firstResponse(f: OutcomeTimes): Date | null {
  let best: Date | null = null;
  for (const t of [f.acceptedAt, f.declinedAt, f.repliedAt]) {
    if (t && (!best || t.getTime() < best.getTime())) best = t;
  }
  return best;
}

/** Time from sending to `at` (never negative), or null. */
export function latency(sentAt: Date, at: Date | null): number | null {
  return at === null ? null : Math.max(0, at.getTime() - sentAt.getTime());
}

/**
 * The histogram bucket of a time to respond: the first edge it does not exceed (a response in
 * exactly 24 hours is in the bucket ending at 24). null beyond the largest window.
 *
 * @example
 * histogramBucket(30 * 60_000) // 0   (up to 1 hour)
 * histogramBucket(25 * 3_600_000) // 6 (24 to 48 hours)
 */
export function histogramBucket(ms: number): number | null {
  if (ms > MAX_LATENCY) return null;
  for (let i = 0; i < HISTOGRAM_EDGES_HOURS.length; i++) {
    if (ms <= HISTOGRAM_EDGES_HOURS[i]! * HOUR) return i;
  }
  return null;
}

/** How many histogram buckets lie within a window (all edges up to W x 24 hours). */
export function bucketsWithin(windowDays: number): number {
  return HISTOGRAM_EDGES_HOURS.filter((e) => e <= windowDays * 24).length;
}

/**
 * The median time to first response, in hours, from histogram counts (the buckets within the
 * window): the grouped median, interpolated linearly inside the bucket that holds the middle
 * response. null when there is no response.
 *
 * @example
 * groupedMedian([0, 0, 0, 0, 0, 2]) // 18: both responses in (12, 24] hours, half way
 */
export function groupedMedian(counts: readonly number[]): number | null {
  const n = counts.reduce((s, c) => s + c, 0);
  if (n === 0) return null;
  const half = n / 2;
  let cum = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0 && cum + c >= half) {
      const lo = i === 0 ? 0 : HISTOGRAM_EDGES_HOURS[i - 1]!;
      const hi = HISTOGRAM_EDGES_HOURS[i]!;
      return lo + ((hi - lo) * (half - cum)) / c;
    }
    cum += c;
  }
  return null;
}

/** numerator / denominator, or null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * A send's contribution to a rollup row: `sent`, then one count per window for every outcome in
 * OUTCOMES order, then the histogram. Flat, so contributions add and subtract element-wise.
 */
export const VECTOR_LENGTH = 1 + OUTCOMES.length * WINDOWS.length + HISTOGRAM_EDGES_HOURS.length;

export function outcomeOffset(outcome: Outcome): number {
  return 1 + OUTCOMES.indexOf(outcome) * WINDOWS.length;
}
export const HISTOGRAM_OFFSET = 1 + OUTCOMES.length * WINDOWS.length;

function outcomeTime(f: SendFact, o: Outcome): Date | null {
  switch (o) {
    case 'delivered':
      return f.deliveredAt;
    case 'opened':
      return f.openedAt;
    case 'clicked':
      return f.clickedAt;
    case 'accepted':
      return f.acceptedAt;
    case 'declined':
      return f.declinedAt;
    case 'replied':
      return f.repliedAt;
    case 'responded':
      return firstResponse(f);
    case 'screened':
      return f.screenedAt;
  }
}

/** The key of a send in a dimension ('' when it has none, e.g. no campaign). */
export function dimensionKey(f: SendFact, dim: Dimension | 'all'): string {
  switch (dim) {
    case 'all':
      return '';
    case 'recruiter':
      return f.userId ?? '';
    case 'seat':
      return f.seatId ?? '';
    case 'team':
      return f.team ?? '';
    case 'campaign':
      return f.campaignId ?? '';
    case 'step':
      return f.campaignId && f.step !== null ? `${f.campaignId}:${f.step}` : '';
    case 'template':
      return f.templateId ?? '';
    case 'templateVersion':
      return f.templateId ? `${f.templateId}:${f.templateVersion ?? ''}` : '';
    case 'seniority':
      return f.seniority ?? '';
  }
}

/** The UTC day of an instant, 'YYYY-MM-DD'. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The first day of the month of a day, 'YYYY-MM-01'. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Rollup rows come in two grains: per send day, and per send month (day = its first day). */
export type Grain = 'd' | 'm';

/**
 * The column names of a rollup row, in vector order: sent, `<outcome>_<W>d` for every outcome and
 * window, `hist_<E>h` for every histogram bucket.
 */
export const ROLLUP_COLUMNS: readonly string[] = [
  'sent',
  ...OUTCOMES.flatMap((o) => WINDOWS.map((w) => `${o}_${w}d`)),
  ...HISTOGRAM_EDGES_HOURS.map((e) => `hist_${e}h`),
];
export const HEATMAP_COLUMNS: readonly string[] = ['sent', ...WINDOWS.map((w) => `responded_${w}d`)];

/**
 * Which rows of the rollups answer a period [from, to) (days, `to` exclusive): month rows for the
 * whole months inside it, day rows for the rest. Without `months`, day rows only (a grouping by
 * week needs them).
 *
 * @example
 * rollupRanges('2026-01-20', '2026-04-10', true)
 * // { months: ['2026-02-01', '2026-04-01'], days: [['2026-01-20', '2026-02-01'], ['2026-04-01', '2026-04-10']] }
 */
export function rollupRanges(
  from: string,
  to: string,
  months: boolean,
): { months: [string, string] | null; days: [string, string][] } {
  const m1 = from.endsWith('-01') ? from : nextMonth(from);
  const m2 = monthOf(to);
  if (!months || m1 >= m2) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < m1) days.push([from, m1]);
  if (m2 < to) days.push([m2, to]);
  return { months: [m1, m2], days };
}

function nextMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Whether a fact describes a consumed send (its send event was read). */
export function isSent(f: SendFact): f is SendFact & { orgId: string; channel: Channel; sentAt: Date } {
  return f.sentAt !== null && f.orgId !== null && f.channel !== null;
}

/** The rollup vector of one send (in ROLLUP_COLUMNS order). */
export function sendVector(f: SendFact): number[] {
  const v = new Array<number>(VECTOR_LENGTH).fill(0);
  if (!isSent(f)) return v;
  v[0] = 1;
  for (const o of OUTCOMES) {
    const l = latency(f.sentAt, outcomeTime(f, o));
    if (l === null) continue;
    const base = outcomeOffset(o);
    WINDOWS.forEach((w, k) => {
      if (l <= w * DAY) v[base + k] = 1;
    });
  }
  const l = latency(f.sentAt, firstResponse(f));
  const b = l === null ? null : histogramBucket(l);
  if (b !== null) v[HISTOGRAM_OFFSET + b] = 1;
  return v;
}

/** The heatmap vector of one send (in HEATMAP_COLUMNS order): sent, then responded per window. */
export function heatmapVector(f: SendFact): number[] {
  const v = new Array<number>(1 + WINDOWS.length).fill(0);
  if (!isSent(f)) return v;
  v[0] = 1;
  const l = latency(f.sentAt, firstResponse(f));
  if (l !== null) WINDOWS.forEach((w, k) => (v[1 + k] = l <= w * DAY ? 1 : 0));
  return v;
}

/** Whether a send's credit can still come back: charged, unanswered, not expired nor refunded. */
export function isPendingRefund(f: SendFact): boolean {
  return (
    isSent(f) &&
    f.channel === 'inmail' &&
    f.charged &&
    f.seatId !== null &&
    firstResponse(f) === null &&
    f.expiredAt === null &&
    f.refundedAt === null
  );
}

/** One rollup row a send contributes to. */
export type Contribution =
  | {
      table: 'rollup';
      key: string;
      orgId: string;
      dim: Dimension | 'all';
      grain: Grain;
      day: string;
      channel: Channel;
      dimKey: string;
      v: number[];
    }
  | {
      table: 'heatmap';
      key: string;
      orgId: string;
      grain: Grain;
      day: string;
      channel: Channel;
      weekday: number;
      hour: number;
      v: number[];
    }
  | { table: 'pending'; key: string; orgId: string; seatId: string; v: number[] };

/** Every rollup row a send contributes to (both grains), with its vector. */
export function contributions(f: SendFact): Contribution[] {
  if (!isSent(f)) return [];
  const out: Contribution[] = [];
  const v = sendVector(f);
  const h = f.localWeekday !== null && f.localHour !== null ? heatmapVector(f) : null;
  const sendDay = utcDay(f.sentAt);
  for (const [grain, day] of [
    ['d', sendDay],
    ['m', monthOf(sendDay)],
  ] as const) {
    for (const dim of ['all', ...DIMENSIONS] as const) {
      const dimKey = dimensionKey(f, dim);
      out.push({
        table: 'rollup',
        key: `r|${f.orgId}|${dim}|${grain}|${day}|${f.channel}|${dimKey}`,
        orgId: f.orgId,
        dim,
        grain,
        day,
        channel: f.channel,
        dimKey,
        v,
      });
    }
    if (h) {
      out.push({
        table: 'heatmap',
        key: `h|${f.orgId}|${grain}|${day}|${f.channel}|${f.localWeekday}|${f.localHour}`,
        orgId: f.orgId,
        grain,
        day,
        channel: f.channel,
        weekday: f.localWeekday!,
        hour: f.localHour!,
        v: h,
      });
    }
  }
  if (f.seatId !== null) {
    out.push({
      table: 'pending',
      key: `p|${f.seatId}`,
      orgId: f.orgId,
      seatId: f.seatId,
      v: [isPendingRefund(f) ? 1 : 0],
    });
  }
  return out;
}

/**
 * Accumulates the change of a send's contributions (after minus before) into `deltas`, keyed by
 * rollup row. Rows whose delta is all zeros are left out by the caller.
 */
export function addDelta(deltas: Map<string, Contribution>, before: SendFact | null, after: SendFact): void {
  const apply = (list: Contribution[], sign: 1 | -1) => {
    for (const c of list) {
      let d = deltas.get(c.key);
      if (!d) {
        d = { ...c, v: new Array<number>(c.v.length).fill(0) };
        deltas.set(c.key, d);
      }
      for (let i = 0; i < c.v.length; i++) d.v[i]! += sign * c.v[i]!;
    }
  };
  if (before) apply(contributions(before), -1);
  apply(contributions(after), 1);
}

/** Metrics of one report row, from its sums. */
export interface OutreachMetrics {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  accepted: number;
  declined: number;
  replied: number;
  responded: number;
  noResponse: number;
  responseRate: number | null;
  acceptanceRate: number | null;
  medianHoursToFirstResponse: number | null;
  screened: number;
  screenConversion: number | null;
}

/** Sums of a report row for one window: sent, each outcome, and the histogram within it. */
export interface OutreachSums {
  sent: number;
  outcomes: Record<Outcome, number>;
  histogram: number[];
}

export function outreachMetrics(s: OutreachSums): OutreachMetrics {
  const o = s.outcomes;
  return {
    sent: s.sent,
    delivered: o.delivered,
    opened: o.opened,
    clicked: o.clicked,
    accepted: o.accepted,
    declined: o.declined,
    replied: o.replied,
    responded: o.responded,
    noResponse: s.sent - o.responded,
    responseRate: rate(o.responded, s.sent),
    acceptanceRate: rate(o.accepted, s.sent),
    medianHoursToFirstResponse: groupedMedian(s.histogram),
    screened: o.screened,
    screenConversion: rate(o.screened, s.sent),
  };
}

/**
 * Whether a credit forecast says the seat runs out before its next renewal, at the pace of the
 * last `paceDays` days (credits spent minus credits refunded, per day).
 *
 * @example
 * creditForecast({ balance: 10, netSpent: 28, paceDays: 28, now, renewsAt: in20Days })
 * // { pacePerDay: 1, runsOutAt: now + 10 days, runsOutBeforeRenewal: true, balanceAtRenewal: 0 }
 */
export function creditForecast(p: {
  balance: number;
  netSpent: number;
  paceDays: number;
  now: Date;
  renewsAt: Date | null;
}): {
  pacePerDay: number;
  runsOutAt: Date | null;
  runsOutBeforeRenewal: boolean;
  projectedBalanceAtRenewal: number | null;
} {
  const pace = Math.max(0, p.netSpent) / p.paceDays;
  const runsOutAt = pace > 0 ? new Date(p.now.getTime() + (p.balance / pace) * DAY) : null;
  const daysLeft = p.renewsAt ? Math.max(0, (p.renewsAt.getTime() - p.now.getTime()) / DAY) : null;
  return {
    pacePerDay: pace,
    runsOutAt,
    runsOutBeforeRenewal:
      runsOutAt !== null && p.renewsAt !== null && runsOutAt.getTime() < p.renewsAt.getTime(),
    projectedBalanceAtRenewal: daysLeft === null ? null : Math.max(0, p.balance - pace * daysLeft),
  };
}
