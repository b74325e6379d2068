import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export class HealthRepository {
  constructor(private readonly db: Executor) {}

  /** Round trip to the database; throws when it is unreachable. */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }
}
