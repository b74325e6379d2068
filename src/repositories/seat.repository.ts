import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface SeatRow {
  id: string;
  org_id: string;
  user_id: string | null;
  license_type_id: string;
  license_key: string;
  license_name: string;
  monthly_allotment: number;
  rollover_cap: number;
  monthly_limit: number | null;
  anniversary_day: number;
  period_started_at: Date;
  renews_at: Date;
  balance: number;
  reserved: number;
  created_at: Date;
  revoked_at: Date | null;
  holder_first_name: string | null;
  holder_last_name: string | null;
}

const SELECT = sql`
  SELECT s.id, s.org_id, s.user_id, s.license_type_id, lt.key AS license_key, lt.name AS license_name,
         lt.monthly_allotment, lt.rollover_cap, s.monthly_limit, s.anniversary_day, s.period_started_at,
         s.renews_at, s.balance, s.reserved, s.created_at, s.revoked_at,
         u.first_name AS holder_first_name, u.last_name AS holder_last_name
  FROM seats s
  JOIN license_types lt ON lt.id = s.license_type_id
  LEFT JOIN users u ON u.id = s.user_id`;

export class SeatRepository {
  constructor(private readonly db: Executor) {}

  async create(s: {
    orgId: string;
    userId: string | null;
    licenseTypeId: string;
    monthlyLimit: number | null;
    anniversaryDay: number;
    periodStartedAt: Date;
    renewsAt: Date;
    createdAt: Date;
  }): Promise<string> {
    const r = await sql<{ id: string }>`
      INSERT INTO seats (org_id, user_id, license_type_id, monthly_limit, anniversary_day, period_started_at,
                         renews_at, created_at)
      VALUES (${s.orgId}, ${s.userId}, ${s.licenseTypeId}, ${s.monthlyLimit}, ${s.anniversaryDay},
              ${s.periodStartedAt}, ${s.renewsAt}, ${s.createdAt})
      RETURNING id`.execute(this.db);
    return r.rows[0]!.id;
  }

  async get(orgId: string, id: string): Promise<SeatRow | undefined> {
    const r = await sql<SeatRow>`${SELECT} WHERE s.org_id = ${orgId} AND s.id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  /**
   * Locks the seat row for the rest of the transaction: every change to a seat's credits takes
   * this lock first, which is what makes concurrent sends exact.
   */
  async lock(orgId: string, id: string): Promise<SeatRow | undefined> {
    const r =
      await sql<SeatRow>`${SELECT} WHERE s.org_id = ${orgId} AND s.id = ${id} FOR UPDATE OF s`.execute(
        this.db,
      );
    return r.rows[0];
  }

  /** Locks the seat a user holds (one statement: the send path's own seat). */
  async lockHeldBy(orgId: string, userId: string): Promise<SeatRow | undefined> {
    const r = await sql<SeatRow>`
      ${SELECT} WHERE s.org_id = ${orgId} AND s.user_id = ${userId} AND s.revoked_at IS NULL
      FOR UPDATE OF s`.execute(this.db);
    return r.rows[0];
  }

  async byUser(orgId: string, userId: string): Promise<SeatRow | undefined> {
    const r = await sql<SeatRow>`
      ${SELECT} WHERE s.org_id = ${orgId} AND s.user_id = ${userId} AND s.revoked_at IS NULL`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async list(orgId: string): Promise<SeatRow[]> {
    const r = await sql<SeatRow>`${SELECT} WHERE s.org_id = ${orgId} ORDER BY s.created_at, s.id`.execute(
      this.db,
    );
    return r.rows;
  }

  /** Every seat of every organization (the operator's `inmail seats`). */
  async listAll(): Promise<(SeatRow & { org_name: string })[]> {
    const r = await sql<SeatRow & { org_name: string }>`
      SELECT x.*, o.name AS org_name FROM (${SELECT}) x JOIN organizations o ON o.id = x.org_id
      ORDER BY o.name, x.created_at, x.id`.execute(this.db);
    return r.rows;
  }

  async findAnywhere(id: string): Promise<SeatRow | undefined> {
    const r = await sql<SeatRow>`${SELECT} WHERE s.id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  /** Applies a ledger entry's deltas to the stored sums (same transaction as the entry). */
  async applyDelta(
    id: string,
    amount: number,
    reservedDelta: number,
  ): Promise<{ balance: number; reserved: number }> {
    const r = await sql<{ balance: number; reserved: number }>`
      UPDATE seats SET balance = balance + ${amount}::int, reserved = reserved + ${reservedDelta}::int
      WHERE id = ${id} RETURNING balance, reserved`.execute(this.db);
    return r.rows[0]!;
  }

  async setPeriod(id: string, periodStartedAt: Date, renewsAt: Date): Promise<void> {
    await sql`UPDATE seats SET period_started_at = ${periodStartedAt}, renews_at = ${renewsAt} WHERE id = ${id}`.execute(
      this.db,
    );
  }

  async update(
    orgId: string,
    id: string,
    patch: { monthlyLimit?: number | null; userId?: string | null },
  ): Promise<boolean> {
    const r = await sql`
      UPDATE seats SET
        monthly_limit = CASE WHEN ${patch.monthlyLimit !== undefined} THEN ${patch.monthlyLimit ?? null}::int ELSE monthly_limit END,
        user_id = CASE WHEN ${patch.userId !== undefined} THEN ${patch.userId ?? null}::uuid ELSE user_id END
      WHERE org_id = ${orgId} AND id = ${id}`.execute(this.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /** Seats whose renewal is due, oldest first (the renewal job). */
  async dueForRenewal(now: Date, limit: number): Promise<{ id: string; org_id: string }[]> {
    const r = await sql<{ id: string; org_id: string }>`
      SELECT id, org_id FROM seats WHERE revoked_at IS NULL AND renews_at <= ${now}
      ORDER BY renews_at LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** InMails of this seat that can still be refunded: charged, unanswered, not expired or refunded. */
  async pendingRefunds(id: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM inmails
      WHERE seat_id = ${id} AND charged AND status = 'pending' AND refunded_at IS NULL`.execute(this.db);
    return r.rows[0]!.n;
  }

  /** Credits spent by the seat since the start of its period (for the monthly limit). */
  async spentSince(id: string, since: Date): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ledger_entries
      WHERE seat_id = ${id} AND kind = 'spend' AND created_at >= ${since}`.execute(this.db);
    return r.rows[0]!.n;
  }
}
