import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface ResponseStatRow {
  time_zone: string;
  /** Quarter hours since the Unix epoch of the quarter hour the InMails were sent in. */
  quarter_index: number;
  sent: number;
  responded: number;
}

export class SendTimeRepository {
  constructor(private readonly db: Executor) {}

  /**
   * An organization's InMails sent in [since, until), counted by recipient time zone and quarter
   * hour (so zones 30 or 45 minutes off UTC still land in the right local hour),
   * with how many were answered (accepted, declined or replied to) within `responseDays`.
   * Grouping by zone and quarter hour keeps the result small (at most one row per InMail) and leaves the
   * time-zone arithmetic to the application, which validates the zone names (a bad name in SQL
   * would fail the whole query). `until` excludes InMails too recent to have had their chance.
   */
  async responseStats(
    orgId: string,
    since: Date,
    until: Date,
    responseDays: number,
  ): Promise<ResponseStatRow[]> {
    const r = await sql<ResponseStatRow>`
      SELECT m.time_zone, floor(extract(epoch FROM i.sent_at) / 900)::int AS quarter_index,
        count(*)::int AS sent,
        (count(*) FILTER (
          WHERE least(i.accepted_at, i.declined_at, i.replied_at) <= i.sent_at + make_interval(days => ${responseDays}::int)
        ))::int AS responded
      FROM inmails i JOIN members m ON m.id = i.recipient_member_id
      WHERE i.org_id = ${orgId} AND i.channel = 'inmail' AND i.sent_at >= ${since} AND i.sent_at < ${until}
      GROUP BY 1, 2`.execute(this.db);
    return r.rows;
  }
}
