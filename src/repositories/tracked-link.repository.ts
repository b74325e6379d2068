import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** A tracked link with what a click event needs to know about its InMail. */
export interface TrackedLinkRow {
  id: number;
  token: string;
  url: string;
  tracked_url: string;
  inmail_id: string;
  org_id: string;
  recipient_member_id: string;
  seat_id: string | null;
  thread_id: string;
  campaign_id: string | null;
}

/**
 * Tracked links are written by the send statement (SendRepository.record); this repository reads
 * them and records clicks.
 */
export class TrackedLinkRepository {
  constructor(private readonly db: Executor) {}

  async byToken(token: string): Promise<TrackedLinkRow | undefined> {
    const r = await sql<TrackedLinkRow>`
      SELECT l.id::int AS id, l.token, l.url, l.tracked_url, l.inmail_id, l.org_id, l.recipient_member_id,
        i.seat_id, i.thread_id, i.campaign_id
      FROM tracked_links l JOIN inmails i ON i.id = l.inmail_id
      WHERE l.token = ${token}`.execute(this.db);
    return r.rows[0];
  }

  /**
   * Records the first click on a link; true only for the call that recorded it, so concurrent
   * clicks emit one event between them.
   */
  async recordClick(linkId: number, at: Date, userAgent: string | null): Promise<boolean> {
    const r = await sql`
      INSERT INTO link_clicks (link_id, clicked_at, user_agent) VALUES (${linkId}, ${at}, ${userAgent})
      ON CONFLICT (link_id) DO NOTHING`.execute(this.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /** The tracked links of some InMails (to show their sender the original links). */
  async forInmails(
    inmailIds: readonly string[],
  ): Promise<{ inmail_id: string; url: string; tracked_url: string; clicked_at: Date | null }[]> {
    if (inmailIds.length === 0) return [];
    const r = await sql<{ inmail_id: string; url: string; tracked_url: string; clicked_at: Date | null }>`
      SELECT l.inmail_id, l.url, l.tracked_url, c.clicked_at
      FROM tracked_links l LEFT JOIN link_clicks c ON c.link_id = l.id
      WHERE l.inmail_id = ANY(${inmailIds}::uuid[])
      ORDER BY l.id`.execute(this.db);
    return r.rows;
  }
}
