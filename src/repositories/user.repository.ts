import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { Role } from '../domain/auth.ts';

export interface UserRow {
  id: string;
  org_id: string;
  account_id: string;
  email: string;
  first_name: string;
  last_name: string;
  title: string;
  roles: Role[];
  disabled_at: Date | null;
  created_at: Date;
  member_id: string | null;
}

const SELECT = sql`
  SELECT u.id, u.org_id, u.account_id, a.email, u.first_name, u.last_name, u.title, u.roles, u.disabled_at,
         u.created_at, m.id AS member_id
  FROM users u
  JOIN accounts a ON a.id = u.account_id
  LEFT JOIN members m ON m.account_id = u.account_id`;

export class UserRepository {
  constructor(private readonly db: Executor) {}

  async create(u: {
    orgId: string;
    accountId: string;
    firstName: string;
    lastName: string;
    title: string;
    roles: Role[];
  }): Promise<string> {
    const r = await sql<{ id: string }>`
      INSERT INTO users (org_id, account_id, first_name, last_name, title, roles)
      VALUES (${u.orgId}, ${u.accountId}, ${u.firstName}, ${u.lastName}, ${u.title}, ${u.roles})
      RETURNING id`.execute(this.db);
    return r.rows[0]!.id;
  }

  /** The organization user of an account, if the account has one (not scoped: used at login). */
  async findByAccount(accountId: string): Promise<UserRow | undefined> {
    const r = await sql<UserRow>`${SELECT} WHERE u.account_id = ${accountId}`.execute(this.db);
    return r.rows[0];
  }

  async get(orgId: string, id: string): Promise<UserRow | undefined> {
    const r = await sql<UserRow>`${SELECT} WHERE u.org_id = ${orgId} AND u.id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  /** Whether a user exists in any organization (a member may block any sender). */
  async exists(id: string): Promise<boolean> {
    const r = await sql<{ ok: boolean }>`SELECT EXISTS (SELECT 1 FROM users WHERE id = ${id}) AS ok`.execute(
      this.db,
    );
    return r.rows[0]!.ok;
  }

  async list(orgId: string): Promise<UserRow[]> {
    const r =
      await sql<UserRow>`${SELECT} WHERE u.org_id = ${orgId} ORDER BY u.last_name, u.first_name, u.id`.execute(
        this.db,
      );
    return r.rows;
  }

  async setDisabled(orgId: string, id: string, at: Date | null): Promise<void> {
    await sql`UPDATE users SET disabled_at = ${at} WHERE org_id = ${orgId} AND id = ${id}`.execute(this.db);
  }

  async setRoles(orgId: string, id: string, roles: Role[]): Promise<boolean> {
    const r = await sql`UPDATE users SET roles = ${roles} WHERE org_id = ${orgId} AND id = ${id}`.execute(
      this.db,
    );
    return Number(r.numAffectedRows ?? 0) > 0;
  }
}
