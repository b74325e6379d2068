import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
}

export class OrganizationRepository {
  constructor(private readonly db: Executor) {}

  async create(name: string, slug: string): Promise<OrganizationRow> {
    const r = await sql<OrganizationRow>`
      INSERT INTO organizations (name, slug) VALUES (${name}, ${slug}) RETURNING id, name, slug, created_at`.execute(
      this.db,
    );
    return r.rows[0]!;
  }

  async get(id: string): Promise<OrganizationRow | undefined> {
    const r = await sql<OrganizationRow>`
      SELECT id, name, slug, created_at FROM organizations WHERE id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  async bySlug(slug: string): Promise<OrganizationRow | undefined> {
    const r = await sql<OrganizationRow>`
      SELECT id, name, slug, created_at FROM organizations WHERE slug = ${slug}`.execute(this.db);
    return r.rows[0];
  }

  async count(): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM organizations`.execute(this.db);
    return r.rows[0]!.n;
  }
}
