import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface AccountRow {
  id: string;
  email: string;
  password_hash: string;
}

export class AccountRepository {
  constructor(private readonly db: Executor) {}

  async findByEmail(email: string): Promise<AccountRow | undefined> {
    const r = await sql<AccountRow>`
      SELECT id, email, password_hash FROM accounts WHERE email = ${email.toLowerCase()}`.execute(this.db);
    return r.rows[0];
  }

  async emailById(id: string): Promise<string | undefined> {
    const r = await sql<{ email: string }>`SELECT email FROM accounts WHERE id = ${id}`.execute(this.db);
    return r.rows[0]?.email;
  }

  async create(email: string, passwordHash: string): Promise<string> {
    const r = await sql<{ id: string }>`
      INSERT INTO accounts (email, password_hash) VALUES (${email.toLowerCase()}, ${passwordHash})
      RETURNING id`.execute(this.db);
    return r.rows[0]!.id;
  }

  /** Inserts many accounts sharing one password hash (demo and synthetic data). */
  async insertMany(rows: { id: string; email: string }[], passwordHash: string): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO accounts (id, email, password_hash)
      SELECT u.id, lower(u.email), ${passwordHash}
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.email)}::text[]) AS u(id, email)`.execute(
      this.db,
    );
  }

  async touchLogin(id: string, at: Date): Promise<void> {
    await sql`UPDATE accounts SET last_login_at = ${at} WHERE id = ${id}`.execute(this.db);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await sql`UPDATE accounts SET password_hash = ${passwordHash} WHERE id = ${id}`.execute(this.db);
  }
}
