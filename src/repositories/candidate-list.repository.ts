import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface CandidateListRow {
  id: string;
  org_id: string;
  created_by: string;
  name: string;
  description: string;
  created_at: Date;
  updated_at: Date;
  size: number;
}

export interface ListMemberRow {
  member_id: string;
  added_at: Date;
  added_by: string;
  first_name: string;
  last_name: string;
  headline: string;
  current_title: string;
  current_company: string;
  city: string;
  region: string;
  country: string;
  open_to_work: boolean;
}

const SELECT_LIST = sql`
  SELECT l.*, (SELECT count(*) FROM candidate_list_members c WHERE c.list_id = l.id)::int AS size
  FROM candidate_lists l`;

export class CandidateListRepository {
  constructor(private readonly db: Executor) {}

  /** Creates a list; undefined when the organization already has a list of that name. */
  async create(l: {
    orgId: string;
    userId: string;
    name: string;
    description: string;
    at: Date;
  }): Promise<CandidateListRow | undefined> {
    const r = await sql<CandidateListRow>`
      INSERT INTO candidate_lists (org_id, created_by, name, description, created_at, updated_at)
      VALUES (${l.orgId}, ${l.userId}, ${l.name}, ${l.description}, ${l.at}, ${l.at})
      ON CONFLICT (org_id, name) DO NOTHING
      RETURNING *, 0 AS size`.execute(this.db);
    return r.rows[0];
  }

  async list(orgId: string): Promise<CandidateListRow[]> {
    const r =
      await sql<CandidateListRow>`${SELECT_LIST} WHERE l.org_id = ${orgId} ORDER BY l.created_at DESC, l.id`.execute(
        this.db,
      );
    return r.rows;
  }

  async get(orgId: string, id: string): Promise<CandidateListRow | undefined> {
    const r = await sql<CandidateListRow>`${SELECT_LIST} WHERE l.org_id = ${orgId} AND l.id = ${id}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  /** Locks a list of the organization for a change of its members (serializes the size check). */
  async lock(orgId: string, id: string): Promise<boolean> {
    const r =
      await sql`SELECT 1 FROM candidate_lists WHERE org_id = ${orgId} AND id = ${id} FOR UPDATE`.execute(
        this.db,
      );
    return r.rows.length > 0;
  }

  /** Renames or re-describes a list; 'conflict' when the new name is taken in the organization. */
  async update(
    orgId: string,
    id: string,
    u: { name?: string; description?: string; at: Date },
  ): Promise<CandidateListRow | 'conflict' | undefined> {
    if (u.name !== undefined) {
      const taken = await sql`
        SELECT 1 FROM candidate_lists WHERE org_id = ${orgId} AND name = ${u.name} AND id <> ${id}`.execute(
        this.db,
      );
      if (taken.rows.length > 0) return 'conflict';
    }
    const r = await sql<{ id: string }>`
      UPDATE candidate_lists SET name = coalesce(${u.name ?? null}::text, name),
        description = coalesce(${u.description ?? null}::text, description), updated_at = ${u.at}
      WHERE org_id = ${orgId} AND id = ${id} RETURNING id`.execute(this.db);
    return r.rows[0] ? this.get(orgId, id) : undefined;
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const r = await sql`DELETE FROM candidate_lists WHERE org_id = ${orgId} AND id = ${id}`.execute(this.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /**
   * Adds members (ids in any order, repeats allowed) to a list; ids that are no member are skipped,
   * members already on the list are kept as they were.
   */
  async addMembers(
    listId: string,
    memberIds: readonly string[],
    userId: string,
    at: Date,
  ): Promise<{ requested: number; known: number; added: number }> {
    const r = await sql<{ requested: number; known: number; added: number }>`
      WITH ids AS (SELECT DISTINCT u AS id FROM unnest(${memberIds}::uuid[]) u),
      known AS (SELECT i.id FROM ids i JOIN members m ON m.id = i.id),
      ins AS (
        INSERT INTO candidate_list_members (list_id, member_id, added_by, added_at)
        SELECT ${listId}, id, ${userId}, ${at} FROM known
        ON CONFLICT DO NOTHING RETURNING member_id
      )
      SELECT (SELECT count(*) FROM ids)::int AS requested, (SELECT count(*) FROM known)::int AS known,
        (SELECT count(*) FROM ins)::int AS added`.execute(this.db);
    await sql`UPDATE candidate_lists SET updated_at = ${at} WHERE id = ${listId}`.execute(this.db);
    return r.rows[0]!;
  }

  async size(listId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM candidate_list_members WHERE list_id = ${listId}`.execute(this.db);
    return r.rows[0]!.n;
  }

  /** Removes members from a list; returns how many were on it. */
  async removeMembers(listId: string, memberIds: readonly string[], at: Date): Promise<number> {
    const r = await sql`
      DELETE FROM candidate_list_members WHERE list_id = ${listId} AND member_id = ANY(${memberIds}::uuid[])`.execute(
      this.db,
    );
    const removed = Number(r.numAffectedRows ?? 0);
    if (removed > 0)
      await sql`UPDATE candidate_lists SET updated_at = ${at} WHERE id = ${listId}`.execute(this.db);
    return removed;
  }

  /** A page of a list's members, most recently added first (keyset on time then member id). */
  async members(
    listId: string,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<ListMemberRow[]> {
    const r = await sql<ListMemberRow>`
      SELECT c.member_id, c.added_at, c.added_by, m.first_name, m.last_name, m.headline, m.current_title,
        m.current_company, m.city, m.region, m.country, m.open_to_work
      FROM candidate_list_members c JOIN members m ON m.id = c.member_id
      WHERE c.list_id = ${listId}
        AND (${after?.at ?? null}::timestamptz IS NULL
             OR (c.added_at, c.member_id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY c.added_at DESC, c.member_id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }
}
