/**
 * The analytics consumer's SQL: where it is in the event and ledger streams, the batches it reads,
 * the send facts it keeps, and the rollups it adds to. Only AnalyticsIngestService calls this, in
 * the transaction that also moves its position, so every row is consumed exactly once.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database.ts';
import {
  HEATMAP_COLUMNS,
  ROLLUP_COLUMNS,
  type Channel,
  type Contribution,
  type SendFact,
  type StreamEvent,
} from '../domain/analytics.ts';

/** xid8 values travel as decimal strings. */
export type Xid = string;

export interface ConsumerState {
  next_xid: Xid;
  waiting: Xid[];
  window_end: Xid | null;
  window_running: Xid[] | null;
  window_done: Xid[] | null;
  event_cursor_tx: Xid;
  event_cursor_id: number;
  ledger_cursor_tx: Xid;
  ledger_cursor_id: number;
  events_consumed: number;
  ledger_consumed: number;
  caught_up_at: Date | null;
}

/** The rows a window reads: its bounds, and the position in it. */
export interface WindowRead {
  next: Xid;
  end: Xid;
  running: Xid[];
  done: Xid[];
  cursorTx: Xid;
  cursorId: number;
  limit: number;
}

export interface SendContext {
  send_id: string;
  user_id: string | null;
  member_id: string | null;
  request_org_id: string | null;
  request_campaign_id: string | null;
  team: string | null;
  seniority: string | null;
  subject: string | null;
  campaign_step: number | null;
  template_id: string | null;
  template_version: number | null;
  weekday: number;
  hour: number;
}

interface FactRow {
  send_id: string;
  org_id: string | null;
  channel: Channel | null;
  sent_at: Date | null;
  sent_event_id: number | null;
  user_id: string | null;
  seat_id: string | null;
  team: string | null;
  campaign_id: string | null;
  step: number | null;
  template_id: string | null;
  template_version: number | null;
  seniority: string | null;
  member_id: string | null;
  subject: string | null;
  charged: boolean;
  local_weekday: number | null;
  local_hour: number | null;
  delivered_at: Date | null;
  opened_at: Date | null;
  clicked_at: Date | null;
  accepted_at: Date | null;
  declined_at: Date | null;
  replied_at: Date | null;
  expired_at: Date | null;
  refunded_at: Date | null;
  screened_at: Date | null;
}

function toFact(r: FactRow): SendFact {
  return {
    sendId: r.send_id,
    orgId: r.org_id,
    channel: r.channel,
    sentAt: r.sent_at,
    sentEventId: r.sent_event_id,
    userId: r.user_id,
    seatId: r.seat_id,
    team: r.team,
    campaignId: r.campaign_id,
    step: r.step,
    templateId: r.template_id,
    templateVersion: r.template_version,
    seniority: r.seniority,
    memberId: r.member_id,
    subject: r.subject,
    charged: r.charged,
    localWeekday: r.local_weekday,
    localHour: r.local_hour,
    deliveredAt: r.delivered_at,
    openedAt: r.opened_at,
    clickedAt: r.clicked_at,
    acceptedAt: r.accepted_at,
    declinedAt: r.declined_at,
    repliedAt: r.replied_at,
    expiredAt: r.expired_at,
    refundedAt: r.refunded_at,
    screenedAt: r.screened_at,
  };
}

/** `col = a.col + excluded.col, ...`: an upsert adds a batch's deltas to a row's counts. */
function addColumns(cols: readonly string[]): RawBuilder<unknown> {
  return sql.join(cols.map((c) => sql`${sql.ref(c)} = a.${sql.ref(c)} + excluded.${sql.ref(c)}`));
}

/**
 * One int[] parameter per column: column i of every row (unnest turns them back into rows). Sent
 * as array literals built here: node-pg's own array serialization costs more than the upsert.
 */
function columnArrays(rows: { v: number[] }[], cols: readonly string[]): RawBuilder<unknown> {
  return sql.join(cols.map((_, i) => sql`${intArray(rows.map((r) => r.v[i]!))}::int[]`));
}

/** An int[] literal. */
function intArray(xs: number[]): string {
  return `{${xs.join(',')}}`;
}

export class AnalyticsIngestRepository {
  constructor(private readonly db: Executor) {}

  /**
   * A read-only look, without locks: is there anything to consume? (An open window; rows of
   * transactions that finished since the last window; or rows of waiting transactions.) Rows of
   * transactions still running are invisible, so any row found is final.
   */
  async hasWork(): Promise<boolean> {
    // Two statements, so the probes are planned with the actual positions: with the position as
    // a correlated value the planner guesses a third of the rows match and scans the tables.
    const st = (
      await sql<{ open: boolean; next_xid: Xid; waiting: Xid[] }>`
        SELECT window_end IS NOT NULL AS open, next_xid::text, waiting::text[] FROM analytics_consumer`.execute(
        this.db,
      )
    ).rows[0];
    if (!st) return false;
    if (st.open) return true;
    const r = await sql<{ work: boolean }>`
      SELECT coalesce((SELECT max(tx) FROM events) >= ${st.next_xid}::xid8, false)
          OR coalesce((SELECT max(tx) FROM ledger_entries) >= ${st.next_xid}::xid8, false)
          OR EXISTS (SELECT 1 FROM events WHERE tx = ANY (${st.waiting}::xid8[]))
          OR EXISTS (SELECT 1 FROM ledger_entries WHERE tx = ANY (${st.waiting}::xid8[])) AS work`.execute(
      this.db,
    );
    return r.rows[0]?.work ?? false;
  }

  /** The consumer's position, locked: one consumer at a time, in any process. */
  async lockState(): Promise<ConsumerState> {
    const r = await sql<ConsumerState>`
      SELECT next_xid::text, waiting::text[], window_end::text, window_running::text[], window_done::text[],
             event_cursor_tx::text, event_cursor_id, ledger_cursor_tx::text, ledger_cursor_id, events_consumed,
             ledger_consumed, caught_up_at
      FROM analytics_consumer FOR UPDATE`.execute(this.db);
    return r.rows[0]!;
  }

  async state(): Promise<ConsumerState> {
    const r = await sql<ConsumerState>`
      SELECT next_xid::text, waiting::text[], window_end::text, window_running::text[], window_done::text[],
             event_cursor_tx::text, event_cursor_id, ledger_cursor_tx::text, ledger_cursor_id, events_consumed,
             ledger_consumed, caught_up_at
      FROM analytics_consumer`.execute(this.db);
    return r.rows[0]!;
  }

  /**
   * The current snapshot: every transaction id below xmax has started; those in xip were still
   * running. Taken before this transaction writes anything, so its own id is not among them.
   */
  async snapshot(): Promise<{ xmax: Xid; xip: Xid[] }> {
    const r = await sql<{ xmax: Xid; xip: Xid[] }>`
      SELECT pg_snapshot_xmax(s)::text AS xmax, ARRAY(SELECT pg_snapshot_xip(s)::text) AS xip
      FROM pg_current_snapshot() AS s`.execute(this.db);
    return r.rows[0]!;
  }

  async saveState(s: ConsumerState): Promise<void> {
    await sql`
      UPDATE analytics_consumer SET
        next_xid = ${s.next_xid}::xid8, waiting = ${s.waiting}::xid8[], window_end = ${s.window_end}::xid8,
        window_running = ${s.window_running}::xid8[], window_done = ${s.window_done}::xid8[],
        event_cursor_tx = ${s.event_cursor_tx}::xid8, event_cursor_id = ${s.event_cursor_id},
        ledger_cursor_tx = ${s.ledger_cursor_tx}::xid8, ledger_cursor_id = ${s.ledger_cursor_id},
        events_consumed = ${s.events_consumed}, ledger_consumed = ${s.ledger_consumed},
        caught_up_at = ${s.caught_up_at}`.execute(this.db);
  }

  /**
   * The next events of a window, in (tx, id) order: rows of waiting transactions that finished
   * (all below next_xid), then rows of the window's range without its running transactions. Two
   * index range scans on (tx, id), each stopping after `limit` rows.
   */
  async eventBatch(w: WindowRead): Promise<(StreamEvent & { tx: Xid })[]> {
    const r = await sql<{
      tx: Xid;
      id: number;
      type: string;
      occurred_at: Date;
      org_id: string | null;
      actor_user_id: string | null;
      actor_member_id: string | null;
      seat_id: string | null;
      recipient_member_id: string | null;
      inmail_id: string | null;
      campaign_id: string | null;
      data: Record<string, unknown>;
    }>`
      SELECT tx::text, id, type, occurred_at, org_id, actor_user_id, actor_member_id, seat_id, recipient_member_id,
             inmail_id, campaign_id, data
      FROM (
        (SELECT * FROM events
         WHERE tx = ANY (${w.done}::xid8[]) AND (tx, id) > (${w.cursorTx}::xid8, ${w.cursorId}::bigint)
         ORDER BY tx, id LIMIT ${w.limit})
        UNION ALL
        (SELECT * FROM events
         WHERE tx >= ${w.next}::xid8 AND tx < ${w.end}::xid8 AND NOT (tx = ANY (${w.running}::xid8[]))
           AND (tx, id) > (${w.cursorTx}::xid8, ${w.cursorId}::bigint)
         ORDER BY tx, id LIMIT ${w.limit})
      ) b
      ORDER BY tx, id LIMIT ${w.limit}`.execute(this.db);
    return r.rows.map((e) => ({
      tx: e.tx,
      id: e.id,
      type: e.type,
      occurredAt: e.occurred_at,
      orgId: e.org_id,
      actorUserId: e.actor_user_id,
      actorMemberId: e.actor_member_id,
      seatId: e.seat_id,
      recipientMemberId: e.recipient_member_id,
      inmailId: e.inmail_id,
      campaignId: e.campaign_id,
      data: e.data ?? {},
    }));
  }

  /**
   * The next ledger entries of a window, summed into the ledger rollup (per day and per month) in
   * the same statement. Returns how many were read and the position after them.
   */
  async consumeLedger(w: WindowRead): Promise<{ n: number; lastTx: Xid | null; lastId: number | null }> {
    const r = await sql<{ n: number; last_tx: Xid | null; last_id: number | null }>`
      WITH b AS (
        (SELECT tx, id, org_id, seat_id, kind, amount, reserved_delta, created_at FROM ledger_entries
         WHERE tx = ANY (${w.done}::xid8[]) AND (tx, id) > (${w.cursorTx}::xid8, ${w.cursorId}::bigint)
         ORDER BY tx, id LIMIT ${w.limit})
        UNION ALL
        (SELECT tx, id, org_id, seat_id, kind, amount, reserved_delta, created_at FROM ledger_entries
         WHERE tx >= ${w.next}::xid8 AND tx < ${w.end}::xid8 AND NOT (tx = ANY (${w.running}::xid8[]))
           AND (tx, id) > (${w.cursorTx}::xid8, ${w.cursorId}::bigint)
         ORDER BY tx, id LIMIT ${w.limit})
        ORDER BY tx, id LIMIT ${w.limit}
      ), ins AS (
        INSERT INTO analytics_ledger AS a (org_id, seat_id, grain, day, kind, amount, reserved_delta, entries)
        SELECT org_id, coalesce(seat_id, '00000000-0000-0000-0000-000000000000'::uuid), g.grain,
               CASE WHEN g.grain = 'd' THEN (created_at AT TIME ZONE 'UTC')::date
                    ELSE date_trunc('month', created_at AT TIME ZONE 'UTC')::date END,
               kind, sum(amount), sum(reserved_delta), count(*)
        FROM b CROSS JOIN (VALUES ('d'::"char"), ('m'::"char")) AS g(grain)
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT (org_id, grain, day, seat_id, kind) DO UPDATE SET
          amount = a.amount + excluded.amount,
          reserved_delta = a.reserved_delta + excluded.reserved_delta,
          entries = a.entries + excluded.entries
      ), last AS (
        SELECT tx, id FROM b ORDER BY tx DESC, id DESC LIMIT 1
      )
      SELECT (SELECT count(*) FROM b)::int AS n, (SELECT tx::text FROM last) AS last_tx,
             (SELECT id FROM last) AS last_id`.execute(this.db);
    const row = r.rows[0]!;
    return { n: row.n, lastTx: row.last_tx, lastId: row.last_id };
  }

  async loadFacts(ids: string[]): Promise<SendFact[]> {
    if (ids.length === 0) return [];
    const r = await sql<FactRow>`SELECT * FROM analytics_sends WHERE send_id = ANY (${ids}::uuid[])`.execute(
      this.db,
    );
    return r.rows.map(toFact);
  }

  /**
   * What the send events do not carry, for a batch of sends: the sender's team, the recipient's
   * seniority and the weekday and hour of sending in the recipient's own time zone (members.time_zone,
   * checked once per distinct zone), the InMail's subject, campaign step and template; for a
   * connection request, the organization user who sent it and its campaign.
   */
  async sendContext(
    sends: { sendId: string; channel: Channel; userId: string | null; memberId: string | null; at: Date }[],
  ): Promise<SendContext[]> {
    if (sends.length === 0) return [];
    const col = <T>(f: (x: (typeof sends)[number]) => T) => sends.map(f);
    const r = await sql<SendContext>`
      WITH s AS (
        SELECT * FROM unnest(${col((x) => x.sendId)}::uuid[], ${col((x) => x.channel)}::text[],
          ${col((x) => x.userId)}::uuid[], ${col((x) => x.memberId)}::uuid[], ${col((x) => x.at)}::timestamptz[])
          AS s(send_id, channel, user_id, member_id, at)
      ), c AS (
        SELECT s.send_id, s.channel, s.at, coalesce(s.user_id, cu.id) AS user_id,
               coalesce(s.member_id, cr.to_member_id) AS member_id,
               cu.org_id AS request_org_id, cr.campaign_id AS request_campaign_id
        FROM s
        LEFT JOIN connection_requests cr ON s.channel = 'connection_request' AND cr.id = s.send_id
        LEFT JOIN members fm ON fm.id = cr.from_member_id
        LEFT JOIN users cu ON cu.account_id = fm.account_id
      ), z AS (
        SELECT tz, analytics_safe_tz(tz) AS safe
        FROM (SELECT DISTINCT m.time_zone AS tz FROM c JOIN members m ON m.id = c.member_id) d
      )
      SELECT c.send_id, c.user_id, c.member_id, c.request_org_id, c.request_campaign_id, u.team, m.seniority,
             i.subject, i.campaign_step, i.template_id, i.template_version,
             extract(isodow FROM c.at AT TIME ZONE coalesce(z.safe, 'UTC'))::int AS weekday,
             extract(hour FROM c.at AT TIME ZONE coalesce(z.safe, 'UTC'))::int AS hour
      FROM c
      LEFT JOIN users u ON u.id = c.user_id
      LEFT JOIN members m ON m.id = c.member_id
      LEFT JOIN z ON z.tz = m.time_zone
      LEFT JOIN inmails i ON c.channel <> 'connection_request' AND i.id = c.send_id`.execute(this.db);
    return r.rows;
  }

  /**
   * For moves into screening: the organization's latest send to the member at or before the move
   * and at most `maxDays` before it (ties by the later send event).
   */
  async latestSends(
    q: { orgId: string; memberId: string; at: Date }[],
    maxDays: number,
  ): Promise<{ i: number; send_id: string }[]> {
    if (q.length === 0) return [];
    const r = await sql<{ i: number; send_id: string }>`
      SELECT (q.i - 1)::int AS i, s.send_id
      FROM unnest(${q.map((x) => x.orgId)}::uuid[], ${q.map((x) => x.memberId)}::uuid[],
                  ${q.map((x) => x.at)}::timestamptz[]) WITH ORDINALITY AS q(org_id, member_id, at, i)
      CROSS JOIN LATERAL (
        SELECT send_id FROM analytics_sends s
        WHERE s.org_id = q.org_id AND s.member_id = q.member_id AND s.sent_at <= q.at
          AND s.sent_at >= q.at - make_interval(hours => ${maxDays * 24}::int)
        ORDER BY s.sent_at DESC, s.sent_event_id DESC LIMIT 1
      ) s`.execute(this.db);
    return r.rows;
  }

  async saveFacts(facts: SendFact[]): Promise<void> {
    if (facts.length === 0) return;
    const col = <T>(fn: (f: SendFact) => T) => facts.map(fn);
    await sql`
      INSERT INTO analytics_sends AS a (send_id, org_id, channel, sent_at, sent_event_id, user_id, seat_id, team,
        campaign_id, step, template_id, template_version, seniority, member_id, subject, charged, local_weekday,
        local_hour, delivered_at, opened_at, clicked_at, accepted_at, declined_at, replied_at, expired_at, refunded_at,
        screened_at)
      SELECT * FROM unnest(${col((f) => f.sendId)}::uuid[], ${col((f) => f.orgId)}::uuid[],
        ${col((f) => f.channel)}::text[], ${col((f) => f.sentAt)}::timestamptz[], ${col((f) => f.sentEventId)}::bigint[],
        ${col((f) => f.userId)}::uuid[], ${col((f) => f.seatId)}::uuid[], ${col((f) => f.team)}::text[],
        ${col((f) => f.campaignId)}::uuid[], ${col((f) => f.step)}::int[], ${col((f) => f.templateId)}::uuid[],
        ${col((f) => f.templateVersion)}::int[], ${col((f) => f.seniority)}::text[], ${col((f) => f.memberId)}::uuid[],
        ${col((f) => f.subject)}::text[], ${col((f) => f.charged)}::boolean[], ${col((f) => f.localWeekday)}::smallint[],
        ${col((f) => f.localHour)}::smallint[], ${col((f) => f.deliveredAt)}::timestamptz[],
        ${col((f) => f.openedAt)}::timestamptz[], ${col((f) => f.clickedAt)}::timestamptz[],
        ${col((f) => f.acceptedAt)}::timestamptz[], ${col((f) => f.declinedAt)}::timestamptz[],
        ${col((f) => f.repliedAt)}::timestamptz[], ${col((f) => f.expiredAt)}::timestamptz[],
        ${col((f) => f.refundedAt)}::timestamptz[], ${col((f) => f.screenedAt)}::timestamptz[])
      ON CONFLICT (send_id) DO UPDATE SET
        org_id = excluded.org_id, channel = excluded.channel, sent_at = excluded.sent_at,
        sent_event_id = excluded.sent_event_id, user_id = excluded.user_id, seat_id = excluded.seat_id,
        team = excluded.team, campaign_id = excluded.campaign_id, step = excluded.step,
        template_id = excluded.template_id, template_version = excluded.template_version,
        seniority = excluded.seniority, member_id = excluded.member_id, subject = excluded.subject,
        charged = excluded.charged, local_weekday = excluded.local_weekday, local_hour = excluded.local_hour,
        delivered_at = excluded.delivered_at, opened_at = excluded.opened_at, clicked_at = excluded.clicked_at,
        accepted_at = excluded.accepted_at, declined_at = excluded.declined_at, replied_at = excluded.replied_at,
        expired_at = excluded.expired_at, refunded_at = excluded.refunded_at,
        screened_at = excluded.screened_at`.execute(this.db);
  }

  /**
   * Adds a batch's deltas to the rollup: one upsert for all rows, the counts travelling as one
   * int[] per column.
   */
  async addRollup(rows: Extract<Contribution, { table: 'rollup' }>[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO analytics_rollup AS a (org_id, dim, grain, day, channel, key, ${sql.join(ROLLUP_COLUMNS.map((c) => sql.ref(c)))})
      SELECT * FROM unnest(${rows.map((r) => r.orgId)}::uuid[], ${rows.map((r) => r.dim)}::text[],
        ${rows.map((r) => r.grain)}::"char"[], ${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.channel)}::text[],
        ${rows.map((r) => r.dimKey)}::text[], ${columnArrays(rows, ROLLUP_COLUMNS)})
      ON CONFLICT (org_id, dim, grain, day, channel, key) DO UPDATE SET ${addColumns(ROLLUP_COLUMNS)}`.execute(
      this.db,
    );
  }

  async addHeatmap(rows: Extract<Contribution, { table: 'heatmap' }>[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO analytics_heatmap AS a (org_id, grain, day, channel, weekday, hour, ${sql.join(HEATMAP_COLUMNS.map((c) => sql.ref(c)))})
      SELECT * FROM unnest(${rows.map((r) => r.orgId)}::uuid[], ${rows.map((r) => r.grain)}::"char"[],
        ${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.channel)}::text[], ${rows.map((r) => r.weekday)}::smallint[],
        ${rows.map((r) => r.hour)}::smallint[], ${columnArrays(rows, HEATMAP_COLUMNS)})
      ON CONFLICT (org_id, grain, day, channel, weekday, hour) DO UPDATE SET ${addColumns(HEATMAP_COLUMNS)}`.execute(
      this.db,
    );
  }

  async addPending(rows: Extract<Contribution, { table: 'pending' }>[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO analytics_seat_pending AS a (seat_id, org_id, pending)
      SELECT * FROM unnest(${rows.map((c) => c.seatId)}::uuid[], ${rows.map((c) => c.orgId)}::uuid[],
                           ${rows.map((c) => c.v[0]!)}::int[])
      ON CONFLICT (seat_id) DO UPDATE SET pending = a.pending + excluded.pending`.execute(this.db);
  }
}
