import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface LicenseTypeRow {
  id: string;
  org_id: string | null;
  key: string;
  name: string;
  monthly_allotment: number;
  rollover_cap: number;
}

export class LicenseTypeRepository {
  constructor(private readonly db: Executor) {}

  /** Built-in license types and the organization's own. */
  async list(orgId: string): Promise<LicenseTypeRow[]> {
    const r = await sql<LicenseTypeRow>`
      SELECT id, org_id, key, name, monthly_allotment, rollover_cap FROM license_types
      WHERE org_id IS NULL OR org_id = ${orgId}
      ORDER BY org_id NULLS FIRST, monthly_allotment, key`.execute(this.db);
    return r.rows;
  }

  /** By key, the organization's own type winning over a built-in one of the same key. */
  async byKey(orgId: string, key: string): Promise<LicenseTypeRow | undefined> {
    const r = await sql<LicenseTypeRow>`
      SELECT id, org_id, key, name, monthly_allotment, rollover_cap FROM license_types
      WHERE key = ${key} AND (org_id IS NULL OR org_id = ${orgId})
      ORDER BY org_id NULLS LAST LIMIT 1`.execute(this.db);
    return r.rows[0];
  }

  async create(
    orgId: string,
    t: { key: string; name: string; monthlyAllotment: number; rolloverCap: number },
  ) {
    const r = await sql<LicenseTypeRow>`
      INSERT INTO license_types (org_id, key, name, monthly_allotment, rollover_cap)
      VALUES (${orgId}, ${t.key}, ${t.name}, ${t.monthlyAllotment}, ${t.rolloverCap})
      ON CONFLICT DO NOTHING
      RETURNING id, org_id, key, name, monthly_allotment, rollover_cap`.execute(this.db);
    return r.rows[0];
  }
}
