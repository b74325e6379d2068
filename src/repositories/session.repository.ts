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
