/**
 * The reports' SQL. Two sources answer the same questions with the same definitions
 * (docs/analytics.md): the daily rollups (dashboards: a sum over at most days x keys rows, whatever
 * the number of events), and the send facts (any filter: a scan of the organization's sends in the
 * period). The property test checks both against a recomputation from the raw events.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.ts';
import {
  HISTOGRAM_EDGES_HOURS,
  OUTCOMES,
  rollupRanges,
  type Channel,
  type Dimension,
} from '../domain/analytics.ts';

export type Period = 'none' | 'week' | 'month';
/** What rows are keyed by besides the period: a dimension's key, the channel, or nothing. */
export type KeyBy = 'key' | 'channel' | 'none';

export interface OutreachRow {
  period: string;
  key: string;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  accepted: number;
  declined: number;
  replied: number;
  responded: number;
  screened: number;
  hist: number[];
}

/** Filters of the send facts (the raw source). */
export interface FactFilters {
  channel?: Channel | undefined;
  recruiterId?: string | undefined;
  seatId?: string | undefined;
  team?: string | undefined;
  campaignId?: string | undefined;
  step?: number | undefined;
  templateId?: string | undefined;
  templateVersion?: number | undefined;
  seniority?: string | undefined;
  subject?: string | undefined;
}

function periodOfDay(period: Period, day: RawBuilder<unknown>): RawBuilder<string> {
  if (period === 'week') return sql<string>`to_char(date_trunc('week', ${day}::timestamp), 'YYYY-MM-DD')`;
  if (period === 'month') return sql<string>`to_char(${day}, 'YYYY-MM')`;
  return sql<string>`''`;
}

/** A send fact's key in a dimension: the same strings as domain/analytics.ts dimensionKey. */
function factKey(dim: Dimension | 'all'): RawBuilder<string> {
  switch (dim) {
    case 'all':
      return sql`''`;
    case 'recruiter':
      return sql`coalesce(user_id::text, '')`;
    case 'seat':
      return sql`coalesce(seat_id::text, '')`;
    case 'team':
      return sql`coalesce(team, '')`;
    case 'campaign':
      return sql`coalesce(campaign_id::text, '')`;
    case 'step':
      return sql`CASE WHEN campaign_id IS NOT NULL AND step IS NOT NULL THEN campaign_id::text || ':' || step ELSE '' END`;
    case 'template':
      return sql`coalesce(template_id::text, '')`;
    case 'templateVersion':
      return sql`CASE WHEN template_id IS NOT NULL THEN template_id::text || ':' || coalesce(template_version::text, '') ELSE '' END`;
    case 'seniority':
      return sql`coalesce(seniority, '')`;
  }
}

/**
 * The rows of a rollup table that answer [from, to): month rows for its whole months, day rows for
 * the rest (see domain/analytics.ts rollupRanges). Each range is a range scan of the primary key.
 */
function rollupRows(from: string, to: string, months: boolean): RawBuilder<boolean> {
  const r = rollupRanges(from, to, months);
  const parts: RawBuilder<boolean>[] = r.days.map(
    ([a, b]) => sql<boolean>`(grain = 'd' AND day >= ${a}::date AND day < ${b}::date)`,
  );
  if (r.months)
    parts.push(sql<boolean>`(grain = 'm' AND day >= ${r.months[0]}::date AND day < ${r.months[1]}::date)`);
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

/** `ARRAY[sum(hist_1h), ...]`: the histogram buckets within a window. */
function histogramSums(windowDays: number): RawBuilder<number[]> {
  const cols = HISTOGRAM_EDGES_HOURS.filter((e) => e <= windowDays * 24).map(
    (e) => sql`coalesce(sum(${sql.ref(`hist_${e}h`)}), 0)::int`,
  );
  return sql<number[]>`ARRAY[${sql.join(cols)}]::int[]`;
}

/** The histogram bucket of a first response, in SQL (domain/analytics.ts histogramBucket). */
function bucketOf(hours: RawBuilder<unknown>, windowDays: number): RawBuilder<number | null> {
  const whens = HISTOGRAM_EDGES_HOURS.map((e, i) => sql`WHEN ${hours} <= ${sql.lit(e)} THEN ${sql.lit(i)}`);
  return sql<number | null>`CASE WHEN ${hours} IS NULL OR ${hours} > ${sql.lit(windowDays * 24)} THEN NULL
    ${sql.join(whens, sql` `)} END`;
}

export class AnalyticsRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Outreach from the rollup: rows of one dimension (`dim`, with `keys` to keep only some), summed
   * per period and key; every outcome from its column for the report's window. Month rows answer
   * whole months unless the period is a week.
   */
  async outreachRollup(q: {
    orgId: string;
    dim: Dimension | 'all';
    keys: string[] | null;
    period: Period;
    keyBy: KeyBy;
    from: string;
    to: string;
    channel: Channel | null;
    windowDays: number;
  }): Promise<OutreachRow[]> {
    const key = q.keyBy === 'key' ? sql`key` : q.keyBy === 'channel' ? sql`channel` : sql`''`;
    const outcomes = OUTCOMES.map((o) => sql`sum(${sql.ref(`${o}_${q.windowDays}d`)})::int AS ${sql.ref(o)}`);
    const r = await sql<OutreachRow>`
      SELECT ${periodOfDay(q.period, sql`day`)} AS period, ${key} AS key, sum(sent)::int AS sent,
             ${sql.join(outcomes)}, ${histogramSums(q.windowDays)} AS hist
      FROM analytics_rollup
      WHERE org_id = ${q.orgId} AND dim = ${q.dim} AND ${rollupRows(q.from, q.to, q.period !== 'week')}
        AND (${q.channel}::text IS NULL OR channel = ${q.channel})
        AND (${q.keys}::text[] IS NULL OR key = ANY (${q.keys}::text[]))
      GROUP BY 1, 2`.execute(this.db);
    return r.rows;
  }

  /**
   * Outreach from the send facts, with any filters: one scan of the organization's sends in the
   * period (index on org_id, sent_at). An outcome counts when it came within the window, measured
   * in hours (a day is 24 hours here, also across a DST change).
   */
  async outreachRaw(q: {
    orgId: string;
    dim: Dimension | 'all';
    period: Period;
    keyBy: KeyBy;
    from: string;
    to: string;
    windowDays: number;
    filters: FactFilters;
    buckets: number;
  }): Promise<OutreachRow[]> {
    const w = sql`make_interval(hours => ${q.windowDays * 24}::int)`;
    const key = q.keyBy === 'key' ? factKey(q.dim) : q.keyBy === 'channel' ? sql`channel` : sql`''`;
    const within = (col: RawBuilder<unknown>) => sql`count(*) FILTER (WHERE ${col} <= sent_at + ${w})::int`;
    const bucketCounts = Array.from(
      { length: q.buckets },
      (_, i) => sql`count(*) FILTER (WHERE bucket = ${sql.lit(i)})::int`,
    );
    const r = await sql<OutreachRow>`
      SELECT ${periodOfDay(q.period, sql`day`)} AS period, key, count(*)::int AS sent,
             ${within(sql`delivered_at`)} AS delivered, ${within(sql`opened_at`)} AS opened,
             ${within(sql`clicked_at`)} AS clicked, ${within(sql`accepted_at`)} AS accepted,
             ${within(sql`declined_at`)} AS declined, ${within(sql`replied_at`)} AS replied,
             ${within(sql`responded_at`)} AS responded, ${within(sql`screened_at`)} AS screened,
             ARRAY[${sql.join(bucketCounts)}]::int[] AS hist
      FROM (
        SELECT s.*, ${key} AS key, (sent_at AT TIME ZONE 'UTC')::date AS day,
               least(accepted_at, declined_at, replied_at) AS responded_at,
               ${bucketOf(sql`(extract(epoch FROM (least(accepted_at, declined_at, replied_at) - sent_at)) / 3600)`, q.windowDays)} AS bucket
        FROM analytics_sends s
        WHERE ${this.factWhere(q.orgId, q.from, q.to, q.filters)}
      ) f
      GROUP BY 1, 2`.execute(this.db);
    return r.rows;
  }

  private factWhere(orgId: string, from: string, to: string, f: FactFilters): RawBuilder<boolean> {
    return sql<boolean>`org_id = ${orgId}
      AND sent_at >= (${from}::date)::timestamp AT TIME ZONE 'UTC' AND sent_at < (${to}::date)::timestamp AT TIME ZONE 'UTC'
      AND (${f.channel ?? null}::text IS NULL OR channel = ${f.channel ?? null})
      AND (${f.recruiterId ?? null}::uuid IS NULL OR user_id = ${f.recruiterId ?? null})
      AND (${f.seatId ?? null}::uuid IS NULL OR seat_id = ${f.seatId ?? null})
      AND (${f.team ?? null}::text IS NULL OR team = ${f.team ?? null})
      AND (${f.campaignId ?? null}::uuid IS NULL OR campaign_id = ${f.campaignId ?? null})
      AND (${f.step ?? null}::int IS NULL OR step = ${f.step ?? null})
      AND (${f.templateId ?? null}::uuid IS NULL OR template_id = ${f.templateId ?? null})
      AND (${f.templateVersion ?? null}::int IS NULL OR template_version = ${f.templateVersion ?? null})
      AND (${f.seniority ?? null}::text IS NULL OR seniority = ${f.seniority ?? null})
      AND (${f.subject ?? null}::text IS NULL OR subject = ${f.subject ?? null})
      AND sent_at IS NOT NULL`;
  }

  /** Sends and responses by the recipient's local weekday and hour, from the heatmap rollup. */
  async heatmapRollup(q: {
    orgId: string;
    from: string;
    to: string;
    channel: Channel | null;
    windowDays: number;
  }): Promise<{ weekday: number; hour: number; sent: number; responded: number }[]> {
    const r = await sql<{ weekday: number; hour: number; sent: number; responded: number }>`
      SELECT weekday::int, hour::int, sum(sent)::int AS sent,
             sum(${sql.ref(`responded_${q.windowDays}d`)})::int AS responded
      FROM analytics_heatmap
      WHERE org_id = ${q.orgId} AND ${rollupRows(q.from, q.to, true)}
        AND (${q.channel}::text IS NULL OR channel = ${q.channel})
      GROUP BY 1, 2`.execute(this.db);
    return r.rows;
  }

  async heatmapRaw(q: {
    orgId: string;
    from: string;
    to: string;
    windowDays: number;
    filters: FactFilters;
  }): Promise<{ weekday: number; hour: number; sent: number; responded: number }[]> {
    const r = await sql<{ weekday: number; hour: number; sent: number; responded: number }>`
      SELECT local_weekday::int AS weekday, local_hour::int AS hour, count(*)::int AS sent,
             count(*) FILTER (WHERE least(accepted_at, declined_at, replied_at)
                                    <= sent_at + make_interval(hours => ${q.windowDays * 24}::int))::int AS responded
      FROM analytics_sends
      WHERE ${this.factWhere(q.orgId, q.from, q.to, q.filters)} AND local_weekday IS NOT NULL
      GROUP BY 1, 2`.execute(this.db);
    return r.rows;
  }

  /** Ledger flows per seat (the pool: the nil uuid) and kind over a period, from the ledger rollup. */
  async ledgerFlows(
    orgId: string,
    from: string,
    to: string,
  ): Promise<{ seat_id: string; kind: string; amount: number; reserved_delta: number; entries: number }[]> {
    const r = await sql<{
      seat_id: string;
      kind: string;
      amount: number;
      reserved_delta: number;
      entries: number;
    }>`
      SELECT seat_id, kind, sum(amount)::int AS amount, sum(reserved_delta)::int AS reserved_delta,
             sum(entries)::int AS entries
      FROM analytics_ledger
      WHERE org_id = ${orgId} AND ${rollupRows(from, to, true)}
      GROUP BY 1, 2`.execute(this.db);
    return r.rows;
  }

  /** The organization's seats as they are now, with holder and team. */
  async seats(orgId: string): Promise<
    {
      id: string;
      user_id: string | null;
      holder_name: string | null;
      team: string | null;
      license_key: string;
      monthly_allotment: number;
      balance: number;
      reserved: number;
      renews_at: Date;
      revoked_at: Date | null;
      pending: number;
    }[]
  > {
    const r = await sql<{
      id: string;
      user_id: string | null;
      holder_name: string | null;
      team: string | null;
      license_key: string;
      monthly_allotment: number;
      balance: number;
      reserved: number;
      renews_at: Date;
      revoked_at: Date | null;
      pending: number;
    }>`
      SELECT s.id, s.user_id, CASE WHEN u.id IS NULL THEN NULL ELSE u.first_name || ' ' || u.last_name END AS holder_name,
             u.team, lt.key AS license_key, lt.monthly_allotment, s.balance, s.reserved, s.renews_at, s.revoked_at,
             coalesce(p.pending, 0)::int AS pending
      FROM seats s
      JOIN license_types lt ON lt.id = s.license_type_id
      LEFT JOIN users u ON u.id = s.user_id
      LEFT JOIN analytics_seat_pending p ON p.seat_id = s.id
      WHERE s.org_id = ${orgId}
      ORDER BY s.created_at, s.id`.execute(this.db);
    return r.rows;
  }

  async poolBalance(orgId: string): Promise<number> {
    const r = await sql<{
      balance: number;
    }>`SELECT balance FROM credit_pools WHERE org_id = ${orgId}`.execute(this.db);
    return r.rows[0]?.balance ?? 0;
  }

  /** Names for report labels: the organization's users, seats' holders and campaigns. */
  async userNames(orgId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const r = await sql<{ id: string; name: string }>`
      SELECT id, first_name || ' ' || last_name AS name FROM users
      WHERE org_id = ${orgId} AND id = ANY (${ids}::uuid[])`.execute(this.db);
    return new Map(r.rows.map((x) => [x.id, x.name]));
  }

  async seatLabels(orgId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const r = await sql<{ id: string; label: string }>`
      SELECT s.id, lt.name || coalesce(' (' || u.first_name || ' ' || u.last_name || ')', ' (unassigned)') AS label
      FROM seats s JOIN license_types lt ON lt.id = s.license_type_id LEFT JOIN users u ON u.id = s.user_id
      WHERE s.org_id = ${orgId} AND s.id = ANY (${ids}::uuid[])`.execute(this.db);
    return new Map(r.rows.map((x) => [x.id, x.label]));
  }

  async campaignNames(orgId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const r = await sql<{ id: string; name: string }>`
      SELECT id, name FROM campaigns WHERE org_id = ${orgId} AND id = ANY (${ids}::uuid[])`.execute(this.db);
    return new Map(r.rows.map((x) => [x.id, x.name]));
  }

  /** Sets a user's team label (null: none). */
  async setTeam(orgId: string, userId: string, team: string | null): Promise<boolean> {
    const r = await sql`UPDATE users SET team = ${team} WHERE org_id = ${orgId} AND id = ${userId}`.execute(
      this.db,
    );
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  async teams(orgId: string): Promise<{ team: string; users: number }[]> {
    const r = await sql<{ team: string; users: number }>`
      SELECT team, count(*)::int AS users FROM users WHERE org_id = ${orgId} AND team IS NOT NULL
      GROUP BY team ORDER BY team`.execute(this.db);
    return r.rows;
  }
}
