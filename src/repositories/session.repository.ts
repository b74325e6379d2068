import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface SessionRow {
  id: string;
  account_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}

export class SessionRepository {
  constructor(private readonly db: Executor) {}

  async create(s: {
    tokenHash: string;
    accountId: string;
    createdAt: Date;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  }): Promise<string> {
    const r = await sql<{ id: string }>`
      INSERT INTO sessions (token_hash, account_id, created_at, expires_at, user_agent, ip)
      VALUES (${s.tokenHash}, ${s.accountId}, ${s.createdAt}, ${s.expiresAt}, ${s.userAgent}, ${s.ip})
      RETURNING id`.execute(this.db);
    return r.rows[0]!.id;
  }

  async findByTokenHash(tokenHash: string): Promise<SessionRow | undefined> {
    const r = await sql<SessionRow>`
      SELECT id, account_id, expires_at, revoked_at FROM sessions WHERE token_hash = ${tokenHash}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  /**
   * A session with the person behind it (organization user and member profile) in one query:
   * every authenticated request runs it.
   */
  async resolve(tokenHash: string): Promise<
    | (SessionRow & {
        user_id: string | null;
        org_id: string | null;
        roles: string[] | null;
        first_name: string | null;
        last_name: string | null;
        disabled_at: Date | null;
        member_id: string | null;
      })
    | undefined
  > {
    const r = await sql<
      SessionRow & {
        user_id: string | null;
        org_id: string | null;
        roles: string[] | null;
        first_name: string | null;
        last_name: string | null;
        disabled_at: Date | null;
        member_id: string | null;
      }
    >`
      SELECT s.id, s.account_id, s.expires_at, s.revoked_at, u.id AS user_id, u.org_id, u.roles, u.first_name,
             u.last_name, u.disabled_at, m.id AS member_id
      FROM sessions s
      LEFT JOIN users u ON u.account_id = s.account_id
      LEFT JOIN members m ON m.account_id = s.account_id
      WHERE s.token_hash = ${tokenHash}`.execute(this.db);
    return r.rows[0];
  }

  async revoke(id: string, at: Date): Promise<void> {
    await sql`UPDATE sessions SET revoked_at = ${at} WHERE id = ${id} AND revoked_at IS NULL`.execute(
      this.db,
    );
  }

  /** Removes sessions that ended more than a day ago (housekeeping job). */
  async deleteEndedBefore(before: Date): Promise<number> {
    const r = await sql`
      DELETE FROM sessions WHERE expires_at < ${before} OR revoked_at < ${before}`.execute(this.db);
    return Number(r.numAffectedRows ?? 0);
  }
}
