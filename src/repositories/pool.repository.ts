import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** The organization's credit pool (refunds go there when the policy says so). */
export class PoolRepository {
  constructor(private readonly db: Executor) {}

  /** Locks the pool row (created on first use) and returns its balance. */
  async lock(orgId: string): Promise<number> {
    await sql`INSERT INTO credit_pools (org_id) VALUES (${orgId}) ON CONFLICT DO NOTHING`.execute(this.db);
    const r = await sql<{ balance: number }>`
      SELECT balance FROM credit_pools WHERE org_id = ${orgId} FOR UPDATE`.execute(this.db);
    return r.rows[0]!.balance;
  }

  async apply(orgId: string, amount: number): Promise<number> {
    // Create the row first: an INSERT ... ON CONFLICT UPDATE would check its proposed row (a
    // negative balance for a debit) against the CHECK constraint before finding the conflict.
    await sql`INSERT INTO credit_pools (org_id) VALUES (${orgId}) ON CONFLICT DO NOTHING`.execute(this.db);
    const r = await sql<{ balance: number }>`
      UPDATE credit_pools SET balance = balance + ${amount}::int WHERE org_id = ${orgId} RETURNING balance`.execute(
      this.db,
    );
    return r.rows[0]!.balance;
  }

  async balance(orgId: string): Promise<number> {
    const r = await sql<{
      balance: number;
    }>`SELECT balance FROM credit_pools WHERE org_id = ${orgId}`.execute(this.db);
    return r.rows[0]?.balance ?? 0;
  }
}
