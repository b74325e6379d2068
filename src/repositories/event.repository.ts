import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface NewEvent {
  type: string;
  occurredAt: Date;
  orgId?: string | null;
  actorUserId?: string | null;
  actorMemberId?: string | null;
  seatId?: string | null;
  recipientMemberId?: string | null;
  inmailId?: string | null;
  threadId?: string | null;
  campaignId?: string | null;
  data?: Record<string, unknown>;
}

export interface EventRow {
  id: number;
  type: string;
  occurred_at: Date;
  org_id: string | null;
  actor_user_id: string | null;
  actor_member_id: string | null;
  seat_id: string | null;
  recipient_member_id: string | null;
  inmail_id: string | null;
  thread_id: string | null;
  campaign_id: string | null;
  data: Record<string, unknown>;
}

export class EventRepository {
  constructor(private readonly db: Executor) {}

  /** Appends events (several in one statement, as one use case often emits a few). */
  async append(...events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    const col = <T>(f: (e: NewEvent) => T) => events.map(f);
    await sql`
      INSERT INTO events (type, occurred_at, org_id, actor_user_id, actor_member_id, seat_id, recipient_member_id,
                          inmail_id, thread_id, campaign_id, data)
      SELECT * FROM unnest(${col((e) => e.type)}::text[], ${col((e) => e.occurredAt)}::timestamptz[],
        ${col((e) => e.orgId ?? null)}::uuid[], ${col((e) => e.actorUserId ?? null)}::uuid[],
        ${col((e) => e.actorMemberId ?? null)}::uuid[], ${col((e) => e.seatId ?? null)}::uuid[],
        ${col((e) => e.recipientMemberId ?? null)}::uuid[], ${col((e) => e.inmailId ?? null)}::uuid[],
        ${col((e) => e.threadId ?? null)}::uuid[], ${col((e) => e.campaignId ?? null)}::uuid[],
        ${col((e) => JSON.stringify(e.data ?? {}))}::jsonb[])`.execute(this.db);
  }

  /** An organization's events after an id, oldest first (integrations poll this). */
  async page(orgId: string, afterId: number, limit: number, types: string[] | null): Promise<EventRow[]> {
    const r = await sql<EventRow>`
      SELECT * FROM events
      WHERE org_id = ${orgId} AND id > ${afterId} AND (${types}::text[] IS NULL OR type = ANY(${types}::text[]))
      ORDER BY id LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async forInmail(inmailId: string): Promise<EventRow[]> {
    const r = await sql<EventRow>`SELECT * FROM events WHERE inmail_id = ${inmailId} ORDER BY id`.execute(
      this.db,
    );
    return r.rows;
  }
}
