import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export type ConnectionRequestStatus = 'pending' | 'accepted' | 'ignored' | 'withdrawn';

export interface ConnectionRequestRow {
  id: string;
  from_member_id: string;
  to_member_id: string;
  note: string | null;
  status: ConnectionRequestStatus;
  created_at: Date;
  responded_at: Date | null;
  from_name: string;
  from_headline: string;
  to_name: string;
  to_headline: string;
}

const SELECT = sql`
  SELECT cr.*, f.first_name || ' ' || f.last_name AS from_name, f.headline AS from_headline,
         t.first_name || ' ' || t.last_name AS to_name, t.headline AS to_headline
  FROM connection_requests cr
  JOIN members f ON f.id = cr.from_member_id
  JOIN members t ON t.id = cr.to_member_id`;

export class ConnectionRequestRepository {
  constructor(private readonly db: Executor) {}

  /** Creates a pending request; undefined if one is already pending between the two. */
  async create(
    fromId: string,
    toId: string,
    note: string | null,
    at: Date,
    campaignId: string | null = null,
  ): Promise<ConnectionRequestRow | undefined> {
    const r = await sql<{ id: string }>`
      INSERT INTO connection_requests (from_member_id, to_member_id, note, created_at, campaign_id)
      VALUES (${fromId}, ${toId}, ${note}, ${at}, ${campaignId})
      ON CONFLICT DO NOTHING RETURNING id`.execute(this.db);
    const id = r.rows[0]?.id;
    return id ? this.get(id) : undefined;
  }

  async get(id: string): Promise<ConnectionRequestRow | undefined> {
    const r = await sql<ConnectionRequestRow>`${SELECT} WHERE cr.id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  async lock(id: string): Promise<ConnectionRequestRow | undefined> {
    await sql`SELECT 1 FROM connection_requests WHERE id = ${id} FOR UPDATE`.execute(this.db);
    return this.get(id);
  }

  async list(
    memberId: string,
    direction: 'incoming' | 'outgoing',
    status: ConnectionRequestStatus | null,
    limit: number,
  ) {
    const r = await sql<ConnectionRequestRow>`
      ${SELECT}
      WHERE ${direction === 'incoming' ? sql`cr.to_member_id` : sql`cr.from_member_id`} = ${memberId}
        AND (${status}::text IS NULL OR cr.status = ${status}::text)
      ORDER BY cr.created_at DESC, cr.id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async setStatus(id: string, status: ConnectionRequestStatus, at: Date): Promise<void> {
    await sql`UPDATE connection_requests SET status = ${status}, responded_at = ${at} WHERE id = ${id}`.execute(
      this.db,
    );
  }

  /** The latest withdrawal of a request from one member to another, if any (the cooldown). */
  async lastWithdrawn(fromId: string, toId: string): Promise<Date | undefined> {
    const r = await sql<{ at: Date | null }>`
      SELECT max(responded_at) AS at FROM connection_requests
      WHERE from_member_id = ${fromId} AND to_member_id = ${toId} AND status = 'withdrawn'`.execute(this.db);
    return r.rows[0]?.at ?? undefined;
  }

  async sentSince(fromId: string, since: Date): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM connection_requests WHERE from_member_id = ${fromId} AND created_at > ${since}`.execute(
      this.db,
    );
    return r.rows[0]!.n;
  }

  /** Serializes a member's requests (weekly cap) for the rest of the transaction. */
  async lockSender(fromId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'invite:' + fromId}, 0))`.execute(this.db);
  }
}
