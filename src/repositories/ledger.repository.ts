import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { LedgerKind } from '../domain/credits.ts';

export interface LedgerEntryRow {
  id: number;
  org_id: string;
  seat_id: string | null;
  kind: LedgerKind;
  amount: number;
  reserved_delta: number;
  inmail_id: string | null;
  campaign_id: string | null;
  actor_user_id: string | null;
  reason: string | null;
  period_start: Date | null;
  created_at: Date;
}

export interface NewLedgerEntry {
  orgId: string;
  seatId: string | null;
  kind: LedgerKind;
  amount: number;
  reservedDelta?: number;
  inmailId?: string | null;
  campaignId?: string | null;
  actorUserId?: string | null;
  reason?: string | null;
  periodStart?: Date | null;
  createdAt: Date;
}

const COLUMNS = sql`id, org_id, seat_id, kind, amount, reserved_delta, inmail_id, campaign_id, actor_user_id, reason,
  period_start, created_at`;

export class LedgerRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Appends an entry. Returns undefined when a uniqueness rule says the entry already exists (one
   * grant per seat and period, one refund and one spend per InMail): the caller then does nothing,
   * which is how a retried renewal or a racing refund stays exact.
   */
  async append(e: NewLedgerEntry): Promise<LedgerEntryRow | undefined> {
    const r = await sql<LedgerEntryRow>`
      INSERT INTO ledger_entries (org_id, seat_id, kind, amount, reserved_delta, inmail_id, campaign_id,
                                  actor_user_id, reason, period_start, created_at)
      VALUES (${e.orgId}, ${e.seatId}, ${e.kind}, ${e.amount}, ${e.reservedDelta ?? 0}, ${e.inmailId ?? null},
              ${e.campaignId ?? null}, ${e.actorUserId ?? null}, ${e.reason ?? null}, ${e.periodStart ?? null},
              ${e.createdAt})
      ON CONFLICT DO NOTHING
      RETURNING ${COLUMNS}`.execute(this.db);
    return r.rows[0];
  }

  /** A page of a seat's entries, newest first, after the cursor id. */
  async page(
    orgId: string,
    seatId: string,
    beforeId: number | null,
    limit: number,
  ): Promise<LedgerEntryRow[]> {
    const r = await sql<LedgerEntryRow>`
      SELECT ${COLUMNS} FROM ledger_entries
      WHERE org_id = ${orgId} AND seat_id = ${seatId} AND (${beforeId}::bigint IS NULL OR id < ${beforeId}::bigint)
      ORDER BY id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** The balance and reservation as sums of the entries: the truth the stored sums must equal. */
  async sums(seatId: string): Promise<{ balance: number; reserved: number; entries: number }> {
    const r = await sql<{ balance: number; reserved: number; entries: number }>`
      SELECT coalesce(sum(amount), 0)::int AS balance, coalesce(sum(reserved_delta), 0)::int AS reserved,
             count(*)::int AS entries
      FROM ledger_entries WHERE seat_id = ${seatId}`.execute(this.db);
    return r.rows[0]!;
  }

  async poolSum(orgId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT coalesce(sum(amount), 0)::int AS n FROM ledger_entries WHERE org_id = ${orgId} AND seat_id IS NULL`.execute(
      this.db,
    );
    return r.rows[0]!.n;
  }

  /** Entries per InMail of a kind (tests and audits: a credit is refunded at most once). */
  async countFor(inmailId: string, kind: LedgerKind): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ledger_entries WHERE inmail_id = ${inmailId} AND kind = ${kind}`.execute(
      this.db,
    );
    return r.rows[0]!.n;
  }
}
