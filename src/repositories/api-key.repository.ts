import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface ApiKeyRow {
  id: string;
  org_id: string;
  created_by: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = sql`id, org_id, created_by, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at`;

export class ApiKeyRepository {
  constructor(private readonly db: Executor) {}

  async create(k: {
    orgId: string;
    createdBy: string;
    name: string;
    prefix: string;
    keyHash: string;
    scopes: string[];
    createdAt: Date;
    expiresAt: Date | null;
  }): Promise<ApiKeyRow> {
    const r = await sql<ApiKeyRow>`
      INSERT INTO api_keys (org_id, created_by, name, prefix, key_hash, scopes, created_at, expires_at)
      VALUES (${k.orgId}, ${k.createdBy}, ${k.name}, ${k.prefix}, ${k.keyHash}, ${k.scopes}, ${k.createdAt}, ${k.expiresAt})
      RETURNING ${COLUMNS}`.execute(this.db);
    return r.rows[0]!;
  }

  async list(orgId: string): Promise<ApiKeyRow[]> {
    const r = await sql<ApiKeyRow>`
      SELECT ${COLUMNS} FROM api_keys WHERE org_id = ${orgId} ORDER BY created_at DESC, id`.execute(this.db);
    return r.rows;
  }

  async get(orgId: string, id: string): Promise<ApiKeyRow | undefined> {
    const r = await sql<ApiKeyRow>`
      SELECT ${COLUMNS} FROM api_keys WHERE org_id = ${orgId} AND id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  async findByHash(keyHash: string): Promise<ApiKeyRow | undefined> {
    const r = await sql<ApiKeyRow>`SELECT ${COLUMNS} FROM api_keys WHERE key_hash = ${keyHash}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async revoke(orgId: string, id: string, at: Date): Promise<ApiKeyRow | undefined> {
    const r = await sql<ApiKeyRow>`
      UPDATE api_keys SET revoked_at = coalesce(revoked_at, ${at})
      WHERE org_id = ${orgId} AND id = ${id}
      RETURNING ${COLUMNS}`.execute(this.db);
    return r.rows[0];
  }

  /** Records use at most once a minute per key, so a busy integration does not write on every call. */
  async touch(id: string, at: Date): Promise<void> {
    await sql`
      UPDATE api_keys SET last_used_at = ${at}
      WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < ${new Date(at.getTime() - 60_000)})`.execute(
      this.db,
    );
  }
}
