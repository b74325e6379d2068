import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface BlockRow {
  id: string;
  member_id: string;
  blocked_user_id: string | null;
  blocked_org_id: string | null;
  created_at: Date;
  user_name: string | null;
  org_name: string | null;
}

const SELECT = sql`
  SELECT b.id, b.member_id, b.blocked_user_id, b.blocked_org_id, b.created_at,
         CASE WHEN u.id IS NULL THEN NULL ELSE u.first_name || ' ' || u.last_name END AS user_name,
         coalesce(o.name, uo.name) AS org_name
  FROM member_blocks b
  LEFT JOIN users u ON u.id = b.blocked_user_id
  LEFT JOIN organizations uo ON uo.id = u.org_id
  LEFT JOIN organizations o ON o.id = b.blocked_org_id`;

export class BlockRepository {
  constructor(private readonly db: Executor) {}

  async list(memberId: string): Promise<BlockRow[]> {
    const r =
      await sql<BlockRow>`${SELECT} WHERE b.member_id = ${memberId} ORDER BY b.created_at DESC, b.id`.execute(
        this.db,
      );
    return r.rows;
  }

  /** Blocks a user or an organization; blocking twice returns the existing block. */
  async add(memberId: string, target: { userId?: string; orgId?: string }, at: Date): Promise<BlockRow> {
    await sql`
      INSERT INTO member_blocks (member_id, blocked_user_id, blocked_org_id, created_at)
      VALUES (${memberId}, ${target.userId ?? null}, ${target.orgId ?? null}, ${at})
      ON CONFLICT DO NOTHING`.execute(this.db);
    const r = await sql<BlockRow>`
      ${SELECT} WHERE b.member_id = ${memberId}
        AND b.blocked_user_id IS NOT DISTINCT FROM ${target.userId ?? null}::uuid
        AND b.blocked_org_id IS NOT DISTINCT FROM ${target.orgId ?? null}::uuid`.execute(this.db);
    return r.rows[0]!;
  }

  async remove(memberId: string, id: string): Promise<boolean> {
    const r = await sql`DELETE FROM member_blocks WHERE member_id = ${memberId} AND id = ${id}`.execute(
      this.db,
    );
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  async reportSpam(r: {
    memberId: string;
    threadId: string;
    orgId: string;
    senderUserId: string;
    note: string | null;
    at: Date;
  }): Promise<boolean> {
    const res = await sql`
      INSERT INTO spam_reports (member_id, thread_id, org_id, sender_user_id, note, created_at)
      VALUES (${r.memberId}, ${r.threadId}, ${r.orgId}, ${r.senderUserId}, ${r.note}, ${r.at})
      ON CONFLICT DO NOTHING`.execute(this.db);
    return Number(res.numAffectedRows ?? 0) > 0;
  }
}
