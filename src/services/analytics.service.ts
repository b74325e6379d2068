/**
 * The reports: outreach by any dimension, trends, A/B comparison, send-time heatmap, credits.
 * Every report first consumes what is new in the event stream (so it includes the caller's own
 * latest actions), then reads the rollups when they can answer the filters, and the send facts
 * otherwise. Every answer states its window, period, filters and source.
 */
import type { Clock } from '../clock.ts';
import {
  bucketsWithin,
  creditForecast,
  DEFAULT_WINDOW,
  OUTCOMES,
  outreachMetrics,
  rate,
  type Channel,
  type Dimension,
  type OutreachMetrics,
  type WindowDays,
} from '../domain/analytics.ts';
import { invalid, notFound, unprocessable } from '../domain/errors.ts';
import { twoProportionTest, type TwoProportionResult } from '../domain/stats.ts';
import type { FactFilters, KeyBy, OutreachRow, Period } from '../repositories/analytics.repository.ts';
import type { Store } from '../repositories/index.ts';
import type { AnalyticsIngestService } from './analytics-ingest.service.ts';

export const OUTREACH_GROUPS = [
  'none',
  'recruiter',
  'seat',
  'team',
  'campaign',
  'step',
  'template',
  'templateVersion',
  'seniority',
  'channel',
  'week',
  'month',
] as const;
export type OutreachGroup = (typeof OUTREACH_GROUPS)[number];
export const TREND_GROUPS = [
  'none',
  'recruiter',
  'seat',
  'team',
  'campaign',
  'step',
  'template',
  'templateVersion',
  'seniority',
  'channel',
] as const;
export type TrendGroup = (typeof TREND_GROUPS)[number];
export const CREDIT_GROUPS = ['seat', 'recruiter', 'team', 'none'] as const;
export type CreditGroup = (typeof CREDIT_GROUPS)[number];
export type Source = 'auto' | 'rollup' | 'raw';

/** The filters every outreach report takes. */
export interface ReportFilters {
  channel?: Channel | undefined;
  recruiterId?: string | undefined;
  seatId?: string | undefined;
  team?: string | undefined;
  campaignId?: string | undefined;
  step?: number | undefined;
  templateId?: string | undefined;
  templateVersion?: number | undefined;
  seniority?: string | undefined;
}

export interface ReportParams {
  from?: string | undefined;
  to?: string | undefined;
  windowDays?: WindowDays | undefined;
  filters: ReportFilters;
  source?: Source | undefined;
}

export interface ReportMeta {
  report: string;
  from: string;
  /** Exclusive. */
  to: string;
  windowDays: number;
  window: string;
  groupBy: string | null;
  filters: Record<string, unknown>;
  source: 'rollup' | 'raw' | 'ledger';
  /** Sends before this day have had their whole window: their figures will not change. */
  completeBefore: string;
  generatedAt: Date;
  /** Events consumed up to the moment of the report (false: the consumer is catching up). */
  current: boolean;
}

export interface OutreachRowView extends OutreachMetrics {
  key: string;
  label: string;
}

export interface OutreachReport {
  meta: ReportMeta;
  totals: OutreachMetrics;
  rows: OutreachRowView[];
}

const DAY = 86_400_000;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

function monthStart(day: string, monthsBack: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1)).toISOString().slice(0, 10);
}

/** Periods from `from` to `to` (exclusive), as the SQL names them. */
function periods(interval: 'week' | 'month', from: string, to: string): string[] {
  const out: string[] = [];
  if (interval === 'month') {
    let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
    while (d.toISOString().slice(0, 10) < to) {
      out.push(d.toISOString().slice(0, 7));
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    }
  } else {
    const f = new Date(`${from}T00:00:00Z`);
    let d = new Date(f.getTime() - ((f.getUTCDay() + 6) % 7) * DAY);
    while (d.toISOString().slice(0, 10) < to) {
      out.push(d.toISOString().slice(0, 10));
      d = new Date(d.getTime() + 7 * DAY);
    }
  }
  return out;
}

/** Which filter narrows to one key of which dimension. */
function dimensionFilters(f: ReportFilters): { dim: Dimension; key: string }[] {
  const out: { dim: Dimension; key: string }[] = [];
  if (f.recruiterId) out.push({ dim: 'recruiter', key: f.recruiterId });
  if (f.seatId) out.push({ dim: 'seat', key: f.seatId });
  if (f.team) out.push({ dim: 'team', key: f.team });
  if (f.campaignId && f.step !== undefined) out.push({ dim: 'step', key: `${f.campaignId}:${f.step}` });
  else if (f.campaignId) out.push({ dim: 'campaign', key: f.campaignId });
  if (f.templateId && f.templateVersion !== undefined)
    out.push({ dim: 'templateVersion', key: `${f.templateId}:${f.templateVersion}` });
  else if (f.templateId) out.push({ dim: 'template', key: f.templateId });
  if (f.seniority) out.push({ dim: 'seniority', key: f.seniority });
  return out;
}

function isDimension(g: string): g is Dimension {
  return [
    'recruiter',
    'seat',
    'team',
    'campaign',
    'step',
    'template',
    'templateVersion',
    'seniority',
  ].includes(g);
}

const CHANNEL_LABELS: Record<string, string> = {
  inmail: 'InMail',
  message: 'Free message',
  connection_request: 'Connection request',
};

export interface AbVariant {
  kind: 'template' | 'subject';
  templateId?: string;
  templateVersion?: number;
  subject?: string;
}

export class AnalyticsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly ingest: AnalyticsIngestService,
    private readonly opts: { catchUpBatches: number } = { catchUpBatches: 20 },
  ) {}

  private async fresh(): Promise<boolean> {
    return (await this.ingest.catchUp(this.opts.catchUpBatches)).current;
  }

  private range(p: ReportParams, defaultDays: number): { from: string; to: string } {
    const today = this.clock.now().toISOString().slice(0, 10);
    const to = p.to ?? addDays(today, 1);
    const from = p.from ?? addDays(to, -defaultDays);
    if (from >= to) {
      throw invalid('invalid_period', '`from` must be before `to`', [
        { field: 'from', message: 'must be before to' },
      ]);
    }
    if (Date.parse(to) - Date.parse(from) > 3 * 366 * DAY) {
      throw invalid('period_too_long', 'A report covers at most three years', [
        { field: 'from', message: 'at most three years before to' },
      ]);
    }
    return { from, to };
  }

  private meta(
    report: string,
    range: { from: string; to: string },
    windowDays: number,
    groupBy: string | null,
    filters: object,
    source: ReportMeta['source'],
    current: boolean,
  ): ReportMeta {
    const now = this.clock.now();
    return {
      report,
      from: range.from,
      to: range.to,
      windowDays,
      window: `an outcome counts when it came within ${windowDays} day(s) (${windowDays * 24} hours) of sending; a response is an acceptance, a decline or a reply`,
      groupBy,
      filters: { ...filters },
      source,
      completeBefore: new Date(now.getTime() - windowDays * DAY).toISOString().slice(0, 10),
      generatedAt: now,
      current,
    };
  }

  /**
   * Reads outreach sums for a grouping: from the rollup when the filters allow (none besides the
   * channel, or one that is on the grouped dimension or narrows a grouping by period/channel),
   * else from the send facts.
   */
  private async outreachRows(
    orgId: string,
    q: {
      period: Period;
      group: Dimension | 'channel' | 'none';
      from: string;
      to: string;
      windowDays: WindowDays;
      filters: ReportFilters & { subject?: string | undefined };
      source: Source;
    },
  ): Promise<{ rows: OutreachRow[]; source: 'rollup' | 'raw' }> {
    const r = this.store.repos.analytics;
    const dims = dimensionFilters(q.filters);
    const keyBy: KeyBy = q.group === 'none' ? 'none' : q.group === 'channel' ? 'channel' : 'key';
    let plan: { dim: Dimension | 'all'; keys: string[] | null } | null = null;
    if (!q.filters.subject) {
      if (dims.length === 0) plan = { dim: isDimension(q.group) ? q.group : 'all', keys: null };
      else if (dims.length === 1 && (!isDimension(q.group) || q.group === dims[0]!.dim))
        plan = { dim: dims[0]!.dim, keys: [dims[0]!.key] };
    }
    if (q.source === 'rollup' && !plan) {
      throw unprocessable(
        'rollup_unavailable',
        'The rollups answer at most one filter besides the channel, on the grouped dimension; use source=raw or auto',
      );
    }
    const buckets = bucketsWithin(q.windowDays);
    if (plan && q.source !== 'raw') {
      const rows = await r.outreachRollup({
        orgId,
        dim: plan.dim,
        keys: plan.keys,
        period: q.period,
        keyBy,
        from: q.from,
        to: q.to,
        channel: q.filters.channel ?? null,
        windowDays: q.windowDays,
      });
      return { rows, source: 'rollup' };
    }
    const rows = await r.outreachRaw({
      orgId,
      dim: isDimension(q.group) ? q.group : 'all',
      period: q.period,
      keyBy,
      from: q.from,
      to: q.to,
      windowDays: q.windowDays,
      filters: q.filters as FactFilters,
      buckets,
    });
    return { rows, source: 'raw' };
  }

  private static metrics(rows: OutreachRow[]): OutreachMetrics {
    const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<
      (typeof OUTCOMES)[number],
      number
    >;
    let sent = 0;
    let histogram: number[] = [];
    for (const x of rows) {
      sent += x.sent;
      for (const o of OUTCOMES) outcomes[o] += x[o];
      histogram = x.hist.map((c, i) => c + (histogram[i] ?? 0));
    }
    return outreachMetrics({ sent, outcomes, histogram });
  }

  /** Labels of keys of a grouping, for display. */
  private async labels(orgId: string, group: string, keys: string[]): Promise<Map<string, string>> {
    const r = this.store.repos.analytics;
    const ids = keys.filter((k) => k !== '');
    const out = new Map<string, string>();
    if (group === 'recruiter') {
      const names = await r.userNames(orgId, ids);
      for (const k of ids) out.set(k, names.get(k) ?? k);
    } else if (group === 'seat') {
      const names = await r.seatLabels(orgId, ids);
      for (const k of ids) out.set(k, names.get(k) ?? k);
    } else if (group === 'campaign' || group === 'step') {
      const campaigns = [...new Set(ids.map((k) => k.split(':')[0]!))];
      const names = await r.campaignNames(orgId, campaigns);
      for (const k of ids) {
        const [c, step] = k.split(':');
        const name = names.get(c!) ?? c!;
        out.set(k, group === 'step' ? `${name}, step ${Number(step) + 1}` : name);
      }
    } else if (group === 'templateVersion') {
      for (const k of ids) {
        const [t, v] = k.split(':');
        out.set(k, v ? `${t} v${v}` : `${t} (no version)`);
      }
    } else if (group === 'channel') {
      for (const k of ids) out.set(k, CHANNEL_LABELS[k] ?? k);
    } else if (group === 'week') {
      for (const k of ids) out.set(k, `Week of ${k}`);
    } else {
      for (const k of ids) out.set(k, k);
    }
    const none: Record<string, string> = {
      none: 'All',
      recruiter: '(unknown recruiter)',
      seat: '(no seat)',
      team: '(no team)',
      campaign: '(no campaign)',
      step: '(not in a sequence)',
      template: '(no template)',
      templateVersion: '(no template)',
      seniority: '(unknown)',
    };
    if (keys.includes('')) out.set('', none[group] ?? '');
    return out;
  }

  /**
   * Sent, delivered, opened, clicked, accepted, declined, replied, no response, response and
   * acceptance rates, median time to first response and InMail -> screen conversion, grouped.
   */
  async outreach(orgId: string, groupBy: OutreachGroup, p: ReportParams): Promise<OutreachReport> {
    const current = await this.fresh();
    const windowDays = p.windowDays ?? DEFAULT_WINDOW;
    const range = this.range(p, 90);
    const period: Period = groupBy === 'week' || groupBy === 'month' ? groupBy : 'none';
    const group = groupBy === 'week' || groupBy === 'month' ? 'none' : groupBy;
    const { rows, source } = await this.outreachRows(orgId, {
      period,
      group,
      ...range,
      windowDays,
      filters: p.filters,
      source: p.source ?? 'auto',
    });
    const keyOf = (x: OutreachRow) => (period === 'none' ? x.key : x.period);
    const byKey = new Map<string, OutreachRow[]>();
    for (const x of rows) byKey.set(keyOf(x), [...(byKey.get(keyOf(x)) ?? []), x]);
    if (period !== 'none') {
      for (const k of periods(period, range.from, range.to)) if (!byKey.has(k)) byKey.set(k, []);
    }
    const labels = await this.labels(orgId, groupBy, [...byKey.keys()]);
    const out: OutreachRowView[] = [...byKey.entries()].map(([key, list]) => ({
      key,
      label: labels.get(key) ?? key,
      ...AnalyticsService.metrics(list),
    }));
    if (period === 'none') out.sort((a, b) => b.sent - a.sent || a.key.localeCompare(b.key));
    else out.sort((a, b) => a.key.localeCompare(b.key));
    return {
      meta: this.meta('outreach', range, windowDays, groupBy, p.filters, source, current),
      totals: AnalyticsService.metrics(rows),
      rows: out,
    };
  }

  /** Response rate (and the other rates) per week or month, one line per group. */
  async trends(orgId: string, interval: 'week' | 'month', groupBy: TrendGroup, p: ReportParams) {
    const current = await this.fresh();
    const windowDays = p.windowDays ?? DEFAULT_WINDOW;
    const today = this.clock.now().toISOString().slice(0, 10);
    const range = this.range(
      {
        ...p,
        from: p.from ?? (interval === 'month' ? monthStart(today, 5) : undefined),
        to: p.to ?? (interval === 'month' ? monthStart(today, -1) : undefined),
      },
      12 * 7,
    );
    const { rows, source } = await this.outreachRows(orgId, {
      period: interval,
      group: groupBy,
      ...range,
      windowDays,
      filters: p.filters,
      source: p.source ?? 'auto',
    });
    const all = periods(interval, range.from, range.to);
    const keys = [...new Set(rows.map((x) => x.key))].sort();
    if (keys.length === 0) keys.push('');
    const labels = await this.labels(orgId, groupBy, keys);
    const series = keys.map((key) => ({
      key,
      label: labels.get(key) ?? key,
      points: all.map((period) => {
        const m = AnalyticsService.metrics(rows.filter((x) => x.key === key && x.period === period));
        return {
          period,
          sent: m.sent,
          responded: m.responded,
          responseRate: m.responseRate,
          accepted: m.accepted,
          acceptanceRate: m.acceptanceRate,
          screened: m.screened,
          screenConversion: m.screenConversion,
        };
      }),
    }));
    return {
      meta: { ...this.meta('trends', range, windowDays, groupBy, p.filters, source, current), interval },
      series,
    };
  }

  /**
   * Two templates (or versions) or two subject lines compared on response rate: a two-proportion
   * z-test, with "not enough data" below `minSample` sends per variant.
   */
  async abTest(
    orgId: string,
    a: AbVariant,
    b: AbVariant,
    p: ReportParams & { level?: number | undefined; minSample?: number | undefined },
  ): Promise<{
    meta: ReportMeta & { level: number; minSample: number };
    a: { variant: AbVariant; label: string; sent: number; responded: number; responseRate: number | null };
    b: { variant: AbVariant; label: string; sent: number; responded: number; responseRate: number | null };
    test: TwoProportionResult & { minSample: number };
  }> {
    const current = await this.fresh();
    const windowDays = p.windowDays ?? DEFAULT_WINDOW;
    const range = this.range(p, 90);
    const level = p.level ?? 0.95;
    const minSample = p.minSample ?? 30;
    const sources = new Set<'rollup' | 'raw'>();
    const arm = async (v: AbVariant) => {
      const filters: ReportFilters & { subject?: string } =
        v.kind === 'subject'
          ? { ...p.filters, subject: v.subject }
          : { ...p.filters, templateId: v.templateId, templateVersion: v.templateVersion };
      const { rows, source } = await this.outreachRows(orgId, {
        period: 'none',
        group: 'none',
        ...range,
        windowDays,
        filters,
        source: p.source ?? 'auto',
      });
      sources.add(source);
      const m = AnalyticsService.metrics(rows);
      const label =
        v.kind === 'subject'
          ? `Subject "${v.subject}"`
          : `Template ${v.templateId}${v.templateVersion !== undefined ? ` v${v.templateVersion}` : ''}`;
      return { variant: v, label, sent: m.sent, responded: m.responded, responseRate: m.responseRate };
    };
    const ra = await arm(a);
    const rb = await arm(b);
    const test = twoProportionTest(
      { x: ra.responded, n: ra.sent },
      { x: rb.responded, n: rb.sent },
      { level, minSample },
    );
    return {
      meta: {
        ...this.meta(
          'ab-test',
          range,
          windowDays,
          null,
          p.filters,
          sources.has('raw') ? 'raw' : 'rollup',
          current,
        ),
        level,
        minSample,
      },
      a: ra,
      b: rb,
      test: { ...test, minSample },
    };
  }

  /** Response rate by weekday and hour of sending, in each recipient's own time zone. */
  async heatmap(orgId: string, p: ReportParams) {
    const current = await this.fresh();
    const windowDays = p.windowDays ?? DEFAULT_WINDOW;
    const range = this.range(p, 90);
    const r = this.store.repos.analytics;
    const { channel, ...rest } = p.filters;
    const filtered = Object.values(rest).some((v) => v !== undefined);
    if (p.source === 'rollup' && filtered) {
      throw unprocessable(
        'rollup_unavailable',
        'The heatmap rollup answers the channel filter only; use source=raw',
      );
    }
    const useRaw = p.source === 'raw' || filtered;
    const rows = useRaw
      ? await r.heatmapRaw({ orgId, ...range, windowDays, filters: p.filters as FactFilters })
      : await r.heatmapRollup({
          orgId,
          ...range,
          channel: channel ?? null,
          windowDays,
        });
    const at = new Map(rows.map((x) => [`${x.weekday}:${x.hour}`, x]));
    const cells = [];
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const x = at.get(`${weekday}:${hour}`);
        const sent = x?.sent ?? 0;
        const responded = x?.responded ?? 0;
        cells.push({ weekday, hour, sent, responded, responseRate: rate(responded, sent) });
      }
    }
    return {
      meta: this.meta(
        'heatmap',
        range,
        windowDays,
        'weekday,hour',
        p.filters,
        useRaw ? 'raw' : 'rollup',
        current,
      ),
      cells,
    };
  }

  /**
   * Credits per seat (or recruiter, team, organization): granted, spent, refunded, expired,
   * reserved and released in the period; balance, reserved and pending refunds now; and whether
   * the seat runs out before its next renewal at the pace of the last 28 days.
   */
  async credits(
    orgId: string,
    groupBy: CreditGroup,
    p: { from?: string | undefined; to?: string | undefined; seatIds?: string[] | null },
  ) {
    const current = await this.fresh();
    const range = this.range({ ...p, filters: {} }, 30);
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const paceDays = 28;
    const r = this.store.repos.analytics;
    const [flows, pace, seats, pool] = await Promise.all([
      r.ledgerFlows(orgId, range.from, range.to),
      r.ledgerFlows(orgId, addDays(today, 1 - paceDays), addDays(today, 1)),
      r.seats(orgId),
      r.poolBalance(orgId),
    ]);
    const visible = seats.filter((s) => !p.seatIds || p.seatIds.includes(s.id));
    const sum = (
      list: typeof flows,
      seatId: string,
      kind: string,
      f: 'amount' | 'reserved_delta' | 'entries',
    ) => list.filter((x) => x.seat_id === seatId && x.kind === kind).reduce((s, x) => s + x[f], 0);
    const seatRows = visible.map((s) => {
      const spent = sum(flows, s.id, 'spend', 'entries');
      const refunded = sum(flows, s.id, 'refund', 'amount');
      const netSpent = sum(pace, s.id, 'spend', 'entries') - sum(pace, s.id, 'refund', 'amount');
      const forecast = creditForecast({
        balance: s.balance,
        netSpent,
        paceDays,
        now,
        renewsAt: s.revoked_at ? null : s.renews_at,
      });
      return {
        seatId: s.id,
        userId: s.user_id,
        holder: s.holder_name,
        team: s.team,
        licenseType: s.license_key,
        monthlyAllotment: s.monthly_allotment,
        granted: sum(flows, s.id, 'grant', 'amount'),
        spent,
        refunded,
        expired: 0 - sum(flows, s.id, 'expire', 'amount'),
        adjusted: sum(flows, s.id, 'adjust', 'amount'),
        transferredIn: sum(flows, s.id, 'transfer', 'amount'),
        reservedInPeriod: sum(flows, s.id, 'reserve', 'reserved_delta'),
        releasedInPeriod: 0 - sum(flows, s.id, 'release', 'reserved_delta'),
        netUsed: spent - refunded,
        balance: s.balance,
        reserved: s.reserved,
        pendingRefunds: s.pending,
        renewsAt: s.revoked_at ? null : s.renews_at,
        pacePerDay: forecast.pacePerDay,
        runsOutAt: forecast.runsOutAt,
        runsOutBeforeRenewal: forecast.runsOutBeforeRenewal,
        projectedBalanceAtRenewal: forecast.projectedBalanceAtRenewal,
      };
    });
    type SeatRow = (typeof seatRows)[number];
    const keyOf = (s: SeatRow) =>
      groupBy === 'seat'
        ? s.seatId
        : groupBy === 'recruiter'
          ? (s.userId ?? '')
          : groupBy === 'team'
            ? (s.team ?? '')
            : '';
    const groups = new Map<string, SeatRow[]>();
    for (const s of seatRows) groups.set(keyOf(s), [...(groups.get(keyOf(s)) ?? []), s]);
    const total = (list: SeatRow[], key: string, label: string) => {
      const add = (f: keyof SeatRow) => list.reduce((n, s) => n + (s[f] as number), 0);
      const renewals = list.map((s) => s.renewsAt).filter((d): d is Date => d !== null);
      return {
        key,
        label,
        seats: list.length,
        granted: add('granted'),
        spent: add('spent'),
        refunded: add('refunded'),
        expired: add('expired'),
        adjusted: add('adjusted'),
        transferredIn: add('transferredIn'),
        reservedInPeriod: add('reservedInPeriod'),
        releasedInPeriod: add('releasedInPeriod'),
        netUsed: add('netUsed'),
        balance: add('balance'),
        reserved: add('reserved'),
        pendingRefunds: add('pendingRefunds'),
        pacePerDay: add('pacePerDay'),
        nextRenewalAt: renewals.length ? new Date(Math.min(...renewals.map((d) => d.getTime()))) : null,
        seatsRunningOut: list.filter((s) => s.runsOutBeforeRenewal).length,
      };
    };
    const labelOf = (key: string, list: SeatRow[]) => {
      if (groupBy === 'none') return 'All seats';
      const s = list[0]!;
      if (groupBy === 'seat') return `${s.licenseType} (${s.holder ?? 'unassigned'})`;
      if (groupBy === 'recruiter') return s.holder ?? '(unassigned)';
      return key || '(no team)';
    };
    const rows = [...groups.entries()].map(([key, list]) => total(list, key, labelOf(key, list)));
    rows.sort((x, y) => y.spent - x.spent || x.key.localeCompare(y.key));
    return {
      meta: {
        report: 'credits',
        from: range.from,
        to: range.to,
        windowDays: null,
        window:
          'credit flows are summed over the period; balance, reserved and pending refunds are as of now; the forecast uses the net credits used per day over the last 28 days',
        groupBy,
        filters: {},
        source: 'ledger' as const,
        generatedAt: now,
        current,
      },
      totals: total(seatRows, '', 'All seats'),
      pool: { balance: p.seatIds ? null : pool },
      seats: seatRows,
      rows,
    };
  }

  /** Sets a user's team label (reports group by it from the sends that follow). */
  async setTeam(
    orgId: string,
    actorUserId: string,
    userId: string,
    team: string | null,
  ): Promise<{ userId: string; team: string | null }> {
    return this.store.tx(async (r) => {
      if (!(await r.analytics.setTeam(orgId, userId, team))) throw notFound('user');
      await r.events.append({
        type: 'user.updated',
        occurredAt: this.clock.now(),
        orgId,
        actorUserId,
        data: { userId, team },
      });
      return { userId, team };
    });
  }

  async teams(orgId: string) {
    return { items: await this.store.repos.analytics.teams(orgId) };
  }
}
