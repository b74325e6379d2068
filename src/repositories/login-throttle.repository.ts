import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export class LoginThrottleRepository {
  constructor(private readonly db: Executor) {}

  /** When the address is locked out, until when; undefined when it may try. */
  async lockedUntil(email: string, now: Date): Promise<Date | undefined> {
    const r = await sql<{ locked_until: Date | null }>`
      SELECT locked_until FROM login_throttle WHERE email = ${email} AND locked_until > ${now}`.execute(
      this.db,
    );
    return r.rows[0]?.locked_until ?? undefined;
  }

  /**
   * Counts one failure in the current window (a window is `lockMinutes` long) and locks the address
   * once `maxFailures` is reached. One statement, so concurrent failures are all counted.
   */
  async recordFailure(
    email: string,
    now: Date,
    maxFailures: number,
    lockMinutes: number,
  ): Promise<Date | null> {
    const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
    const lockUntil = new Date(now.getTime() + lockMinutes * 60_000);
    const r = await sql<{ locked_until: Date | null }>`
      INSERT INTO login_throttle AS t (email, failures, window_started_at, locked_until)
      VALUES (${email}, 1, ${now}, CASE WHEN 1 >= ${maxFailures}::int THEN ${lockUntil}::timestamptz END)
      ON CONFLICT (email) DO UPDATE SET
        failures = CASE WHEN t.window_started_at < ${windowStart} THEN 1 ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at < ${windowStart} THEN ${now} ELSE t.window_started_at END,
        locked_until = CASE
          WHEN (CASE WHEN t.window_started_at < ${windowStart} THEN 1 ELSE t.failures + 1 END) >= ${maxFailures}::int
          THEN ${lockUntil}::timestamptz ELSE t.locked_until END
      RETURNING locked_until`.execute(this.db);
    return r.rows[0]?.locked_until ?? null;
  }

  async clear(email: string): Promise<void> {
    await sql`DELETE FROM login_throttle WHERE email = ${email}`.execute(this.db);
  }
}
