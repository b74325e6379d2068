import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export type TemplateVisibility = 'personal' | 'shared';

/** A template with one of its versions (the latest unless another was asked for) and its owner's name. */
export interface TemplateRow {
  id: string;
  org_id: string;
  owner_user_id: string;
  owner_first_name: string;
  owner_last_name: string;
  visibility: TemplateVisibility;
  name: string;
  seniority: string | null;
  role_family: string | null;
  latest_version: number;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  subject: string;
  body: string;
  has_slot: boolean;
  version_created_at: Date;
  version_created_by: string;
}

export interface TemplateVersionRow {
  template_id: string;
  version: number;
  subject: string;
  body: string;
  has_slot: boolean;
  created_by: string;
  created_at: Date;
}

export interface TemplateSetRow {
  id: string;
  org_id: string;
  owner_user_id: string;
  name: string;
  templates: Record<string, string>;
  default_template_id: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** Who is looking: a personal template is visible to its owner and to the organization's admins. */
export interface TemplateViewer {
  userId: string;
  admin: boolean;
}

export interface TemplateFilters {
  visibility?: TemplateVisibility | undefined;
  seniority?: string | undefined;
  roleFamily?: string | undefined;
  /** Case-insensitive substring of the name. */
  q?: string | undefined;
  ownerUserId?: string | undefined;
  archived: boolean;
}

/**
 * The template with one of its versions, visible to the viewer. Every read of a template goes
 * through this condition, so another organization's template, and another user's personal one,
 * simply do not exist for the caller (404).
 */
const SELECT_VISIBLE = (orgId: string, viewer: TemplateViewer) => sql`
  SELECT t.*, u.first_name AS owner_first_name, u.last_name AS owner_last_name, v.version, v.subject, v.body,
    v.has_slot, v.created_at AS version_created_at, v.created_by AS version_created_by
  FROM templates t
  JOIN users u ON u.id = t.owner_user_id
  JOIN template_versions v ON v.template_id = t.id
  WHERE t.org_id = ${orgId}
    AND (t.visibility = 'shared' OR t.owner_user_id = ${viewer.userId} OR ${viewer.admin}::boolean)`;

export class TemplateRepository {
  constructor(private readonly db: Executor) {}

  /** The template and its first version, in one statement. */
  async create(t: {
    id: string;
    orgId: string;
    ownerUserId: string;
    visibility: TemplateVisibility;
    name: string;
    seniority: string | null;
    roleFamily: string | null;
    subject: string;
    body: string;
    hasSlot: boolean;
    at: Date;
  }): Promise<void> {
    await sql`
      WITH t AS (
        INSERT INTO templates (id, org_id, owner_user_id, visibility, name, seniority, role_family, latest_version,
                               created_at, updated_at)
        VALUES (${t.id}, ${t.orgId}, ${t.ownerUserId}, ${t.visibility}, ${t.name}, ${t.seniority}, ${t.roleFamily}, 1,
                ${t.at}, ${t.at})
      )
      INSERT INTO template_versions (template_id, version, subject, body, has_slot, created_by, created_at)
      VALUES (${t.id}, 1, ${t.subject}, ${t.body}, ${t.hasSlot}, ${t.ownerUserId}, ${t.at})`.execute(this.db);
  }

  /** A visible template with its latest version, or with `version` when given. */
  async get(
    orgId: string,
    viewer: TemplateViewer,
    id: string,
    version: number | null = null,
  ): Promise<TemplateRow | undefined> {
    const r = await sql<TemplateRow>`${SELECT_VISIBLE(orgId, viewer)}
      AND t.id = ${id} AND v.version = coalesce(${version}::int, t.latest_version)`.execute(this.db);
    return r.rows[0];
  }

  /** Like get (latest version), locking the template row for an edit. */
  async lock(orgId: string, viewer: TemplateViewer, id: string): Promise<TemplateRow | undefined> {
    const r = await sql<TemplateRow>`${SELECT_VISIBLE(orgId, viewer)}
      AND t.id = ${id} AND v.version = t.latest_version FOR UPDATE OF t`.execute(this.db);
    return r.rows[0];
  }

  /** Visible templates with their latest versions, most recently updated first (keyset on updated_at, id). */
  async list(
    orgId: string,
    viewer: TemplateViewer,
    f: TemplateFilters,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<TemplateRow[]> {
    const r = await sql<TemplateRow>`${SELECT_VISIBLE(orgId, viewer)}
      AND v.version = t.latest_version
      AND (t.archived_at IS NOT NULL) = ${f.archived}
      AND (${f.visibility ?? null}::text IS NULL OR t.visibility = ${f.visibility ?? null}::text)
      AND (${f.seniority ?? null}::text IS NULL OR t.seniority = ${f.seniority ?? null}::text)
      AND (${f.roleFamily ?? null}::text IS NULL OR lower(t.role_family) = lower(${f.roleFamily ?? null}::text))
      AND (${f.ownerUserId ?? null}::uuid IS NULL OR t.owner_user_id = ${f.ownerUserId ?? null}::uuid)
      AND (${f.q ?? null}::text IS NULL OR strpos(lower(t.name), lower(${f.q ?? null}::text)) > 0)
      AND (${after?.at ?? null}::timestamptz IS NULL
           OR (t.updated_at, t.id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY t.updated_at DESC, t.id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async versions(templateId: string): Promise<TemplateVersionRow[]> {
    const r = await sql<TemplateVersionRow>`
      SELECT * FROM template_versions WHERE template_id = ${templateId} ORDER BY version DESC`.execute(
      this.db,
    );
    return r.rows;
  }

  /** Adds the next version and makes it the latest (the caller holds the template's row lock). */
  async addVersion(v: {
    templateId: string;
    version: number;
    subject: string;
    body: string;
    hasSlot: boolean;
    createdBy: string;
    at: Date;
  }): Promise<void> {
    await sql`
      WITH v AS (
        INSERT INTO template_versions (template_id, version, subject, body, has_slot, created_by, created_at)
        VALUES (${v.templateId}, ${v.version}, ${v.subject}, ${v.body}, ${v.hasSlot}, ${v.createdBy}, ${v.at})
      )
      UPDATE templates SET latest_version = ${v.version}, updated_at = ${v.at} WHERE id = ${v.templateId}`.execute(
      this.db,
    );
  }

  /** Name, tags and visibility: not versioned (they do not change what a message says). */
  async updateMeta(
    id: string,
    p: {
      name?: string | undefined;
      visibility?: TemplateVisibility | undefined;
      seniority?: string | null | undefined;
      roleFamily?: string | null | undefined;
    },
    at: Date,
  ): Promise<void> {
    await sql`
      UPDATE templates SET
        name = coalesce(${p.name ?? null}::text, name),
        visibility = coalesce(${p.visibility ?? null}::text, visibility),
        seniority = CASE WHEN ${p.seniority !== undefined} THEN ${p.seniority ?? null}::text ELSE seniority END,
        role_family = CASE WHEN ${p.roleFamily !== undefined} THEN ${p.roleFamily ?? null}::text ELSE role_family END,
        updated_at = ${at}
      WHERE id = ${id}`.execute(this.db);
  }

  async setArchived(id: string, archivedAt: Date | null, at: Date): Promise<void> {
    await sql`UPDATE templates SET archived_at = ${archivedAt}, updated_at = ${at} WHERE id = ${id}`.execute(
      this.db,
    );
  }

  /** Visibility and archive state of templates of an organization (to check a template set's entries). */
  async states(
    orgId: string,
    ids: readonly string[],
  ): Promise<{ id: string; visibility: TemplateVisibility; archived_at: Date | null }[]> {
    if (ids.length === 0) return [];
    const r = await sql<{ id: string; visibility: TemplateVisibility; archived_at: Date | null }>`
      SELECT id, visibility, archived_at FROM templates
      WHERE org_id = ${orgId} AND id = ANY(${ids}::uuid[])`.execute(this.db);
    return r.rows;
  }

  /** What the sender.* merge fields print: the user's name and title and the organization's name. */
  async senderCard(
    orgId: string,
    userId: string,
  ): Promise<{ first_name: string; last_name: string; title: string; company: string } | undefined> {
    const r = await sql<{ first_name: string; last_name: string; title: string; company: string }>`
      SELECT u.first_name, u.last_name, u.title, o.name AS company
      FROM users u JOIN organizations o ON o.id = u.org_id
      WHERE u.org_id = ${orgId} AND u.id = ${userId}`.execute(this.db);
    return r.rows[0];
  }

  /** Names of the organization's active template sets that use a template (as an entry or the default). */
  async activeSetsUsing(orgId: string, templateId: string): Promise<{ id: string; name: string }[]> {
    const r = await sql<{ id: string; name: string }>`
      SELECT s.id, s.name FROM template_sets s
      WHERE s.org_id = ${orgId} AND s.archived_at IS NULL
        AND (s.default_template_id = ${templateId}
             OR EXISTS (SELECT 1 FROM jsonb_each_text(s.templates) e WHERE e.value = ${templateId}::text))
      ORDER BY s.name`.execute(this.db);
    return r.rows;
  }

  // Template sets ----------------------------------------------------------------------------

  async createSet(s: {
    id: string;
    orgId: string;
    ownerUserId: string;
    name: string;
    templates: Record<string, string>;
    defaultTemplateId: string | null;
    at: Date;
  }): Promise<void> {
    await sql`
      INSERT INTO template_sets (id, org_id, owner_user_id, name, templates, default_template_id, created_at, updated_at)
      VALUES (${s.id}, ${s.orgId}, ${s.ownerUserId}, ${s.name}, ${JSON.stringify(s.templates)}::jsonb,
              ${s.defaultTemplateId}, ${s.at}, ${s.at})`.execute(this.db);
  }

  async getSet(orgId: string, id: string, forUpdate = false): Promise<TemplateSetRow | undefined> {
    const r = await sql<TemplateSetRow>`
      SELECT * FROM template_sets WHERE org_id = ${orgId} AND id = ${id}
      ${forUpdate ? sql`FOR UPDATE` : sql``}`.execute(this.db);
    return r.rows[0];
  }

  async listSets(
    orgId: string,
    archived: boolean,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<TemplateSetRow[]> {
    const r = await sql<TemplateSetRow>`
      SELECT * FROM template_sets
      WHERE org_id = ${orgId} AND (archived_at IS NOT NULL) = ${archived}
        AND (${after?.at ?? null}::timestamptz IS NULL
             OR (updated_at, id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY updated_at DESC, id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async updateSet(
    id: string,
    p: {
      name?: string | undefined;
      templates?: Record<string, string> | undefined;
      defaultTemplateId?: string | null | undefined;
      archivedAt?: Date | null | undefined;
    },
    at: Date,
  ): Promise<void> {
    await sql`
      UPDATE template_sets SET
        name = coalesce(${p.name ?? null}::text, name),
        templates = coalesce(${p.templates ? JSON.stringify(p.templates) : null}::jsonb, templates),
        default_template_id = CASE WHEN ${p.defaultTemplateId !== undefined} THEN ${p.defaultTemplateId ?? null}::uuid
                                   ELSE default_template_id END,
        archived_at = CASE WHEN ${p.archivedAt !== undefined} THEN ${p.archivedAt ?? null}::timestamptz ELSE archived_at END,
        updated_at = ${at}
      WHERE id = ${id}`.execute(this.db);
  }
}
