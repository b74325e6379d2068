import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface SavedSearchRow {
  id: string;
  org_id: string;
  owner_user_id: string;
  name: string;
  query: string;
  filters: Record<string, unknown>;
  alerts: boolean;
  watermark: number;
  last_alert_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** What the alert job needs about a saved search and its owner. */
export interface AlertCandidateRow extends SavedSearchRow {
  owner_account_id: string;
  owner_member_id: string | null;
  owner_disabled: boolean;
}

export class SavedSearchRepository {
  constructor(private readonly db: Executor) {}

  async create(s: {
    orgId: string;
    ownerUserId: string;
    name: string;
    query: string;
    filters: object;
    alerts: boolean;
    watermark: number;
    at: Date;
  }): Promise<SavedSearchRow> {
    const r = await sql<SavedSearchRow>`
      INSERT INTO saved_searches (org_id, owner_user_id, name, query, filters, alerts, watermark, created_at, updated_at)
      VALUES (${s.orgId}, ${s.ownerUserId}, ${s.name}, ${s.query}, ${JSON.stringify(s.filters)}::jsonb, ${s.alerts},
              ${s.watermark}, ${s.at}, ${s.at})
      RETURNING *`.execute(this.db);
    return r.rows[0]!;
  }

  /** A saved search of its owner (another user's or organization's answers nothing). */
  async get(orgId: string, ownerUserId: string, id: string): Promise<SavedSearchRow | undefined> {
    const r = await sql<SavedSearchRow>`
      SELECT * FROM saved_searches WHERE org_id = ${orgId} AND owner_user_id = ${ownerUserId} AND id = ${id}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async list(orgId: string, ownerUserId: string): Promise<SavedSearchRow[]> {
    const r = await sql<SavedSearchRow>`
      SELECT * FROM saved_searches WHERE org_id = ${orgId} AND owner_user_id = ${ownerUserId}
      ORDER BY created_at DESC, id`.execute(this.db);
    return r.rows;
  }

  async update(
    orgId: string,
    ownerUserId: string,
    id: string,
    s: { name?: string; query?: string; filters?: object; alerts?: boolean; watermark?: number; at: Date },
  ): Promise<SavedSearchRow | undefined> {
    const r = await sql<SavedSearchRow>`
      UPDATE saved_searches SET
        name = coalesce(${s.name ?? null}::text, name),
        query = coalesce(${s.query ?? null}::text, query),
        filters = coalesce(${s.filters === undefined ? null : JSON.stringify(s.filters)}::jsonb, filters),
        alerts = coalesce(${s.alerts ?? null}::boolean, alerts),
        watermark = coalesce(${s.watermark ?? null}::bigint, watermark),
        updated_at = ${s.at}
      WHERE org_id = ${orgId} AND owner_user_id = ${ownerUserId} AND id = ${id}
      RETURNING *`.execute(this.db);
    return r.rows[0];
  }

  async delete(orgId: string, ownerUserId: string, id: string): Promise<boolean> {
    const r = await sql`
      DELETE FROM saved_searches WHERE org_id = ${orgId} AND owner_user_id = ${ownerUserId} AND id = ${id}`.execute(
      this.db,
    );
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /** Saved searches with alerts on, after an id (the job walks them in id order), with their owner. */
  async alertBatch(afterId: string | null, limit: number): Promise<AlertCandidateRow[]> {
    const r = await sql<AlertCandidateRow>`
      SELECT s.*, u.account_id AS owner_account_id, m.id AS owner_member_id,
        (u.disabled_at IS NOT NULL) AS owner_disabled
      FROM saved_searches s
      JOIN users u ON u.id = s.owner_user_id
      LEFT JOIN members m ON m.account_id = u.account_id
      WHERE s.alerts AND (${afterId}::uuid IS NULL OR s.id > ${afterId}::uuid)
      ORDER BY s.id LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** Locks one saved search for its alert run; undefined when it was deleted or switched off. */
  async lockForAlert(id: string): Promise<SavedSearchRow | undefined> {
    const r = await sql<SavedSearchRow>`
      SELECT * FROM saved_searches WHERE id = ${id} AND alerts FOR UPDATE SKIP LOCKED`.execute(this.db);
    return r.rows[0];
  }

  async advance(id: string, watermark: number, at: Date): Promise<void> {
    await sql`
      UPDATE saved_searches SET watermark = greatest(watermark, ${watermark}::bigint), last_alert_at = ${at}
      WHERE id = ${id}`.execute(this.db);
  }
}
