import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface SearchHistoryRow {
  id: number;
  query: string;
  filters: Record<string, unknown>;
  total: number;
  total_exact: boolean;
  searched_at: Date;
}

export class SearchHistoryRepository {
  constructor(private readonly db: Executor) {}

  async record(h: {
    orgId: string;
    userId: string;
    query: string;
    filters: object;
    total: number;
    totalExact: boolean;
    at: Date;
  }): Promise<void> {
    // History is a convenience: its commit need not wait for the WAL flush (a crash may lose the
    // last few entries, never corrupt anything), which keeps an fsync off every search.
    await sql`
      WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
      INSERT INTO search_history (org_id, user_id, query, filters, total, total_exact, searched_at)
      SELECT ${h.orgId}, ${h.userId}, ${h.query}, ${JSON.stringify(h.filters)}::jsonb, ${h.total},
             ${h.totalExact}, ${h.at}
      FROM relaxed`.execute(this.db);
  }

  /** A user's searches, newest first (keyset on time then id). */
  async page(
    orgId: string,
    userId: string,
    after: { at: Date; id: number } | null,
    limit: number,
  ): Promise<SearchHistoryRow[]> {
    const r = await sql<SearchHistoryRow>`
      SELECT id, query, filters, total, total_exact, searched_at FROM search_history
      WHERE org_id = ${orgId} AND user_id = ${userId}
        AND (${after?.at ?? null}::timestamptz IS NULL
             OR (searched_at, id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::bigint))
      ORDER BY searched_at DESC, id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** Deletes searches made before the instant; returns how many. */
  async deleteBefore(before: Date): Promise<number> {
    const r = await sql`DELETE FROM search_history WHERE searched_at < ${before}`.execute(this.db);
    return Number(r.numAffectedRows ?? 0);
  }
}
