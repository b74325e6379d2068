import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface IdempotencyRow {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: unknown;
  created_at: Date;
}

export class IdempotencyRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Claims a key inside the caller's transaction. A concurrent claim of the same key waits on the
   * unique index until the first transaction ends: if it committed, this returns false and the
   * caller replays the stored result; if it rolled back, this claim succeeds.
   */
  async claim(scope: string, key: string, requestHash: string, at: Date): Promise<boolean> {
    const r = await sql`
      INSERT INTO idempotency_keys (scope, key, request_hash, created_at)
      VALUES (${scope}, ${key}, ${requestHash}, ${at})
      ON CONFLICT DO NOTHING`.execute(this.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  async get(scope: string, key: string): Promise<IdempotencyRow | undefined> {
    const r = await sql<IdempotencyRow>`
      SELECT * FROM idempotency_keys WHERE scope = ${scope} AND key = ${key}`.execute(this.db);
    return r.rows[0];
  }

  async complete(scope: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await sql`
      UPDATE idempotency_keys SET status_code = ${statusCode}, response = ${JSON.stringify(response)}::jsonb
      WHERE scope = ${scope} AND key = ${key}`.execute(this.db);
  }

  async deleteBefore(at: Date): Promise<number> {
    const r = await sql`DELETE FROM idempotency_keys WHERE created_at < ${at}`.execute(this.db);
    return Number(r.numAffectedRows ?? 0);
  }
}
