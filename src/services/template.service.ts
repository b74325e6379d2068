/**
 * InMail templates and template sets: create, edit (an edit of the subject or body adds a
 * version), list with filters, archive, preview for a candidate; template sets that choose a
 * template by the candidate's seniority.
 *
 * Access: templates belong to an organization. A personal template is visible only to its owner
 * and the organization's admins; a shared one to everyone in the organization. Anything else
 * answers 404. Only the owner or an admin edits or archives a template or set.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Composition } from '../domain/compose.ts';
import { conflict, forbidden, notFound, unprocessable, type FieldError } from '../domain/errors.ts';
import { findLinks } from '../domain/links.ts';
import type { MemberProfile } from '../domain/profile.ts';
import type { QualityReport } from '../domain/quality.ts';
import type { JobContext, SeniorityTag, TemplateField } from '../domain/template.ts';
import {
  chooseTemplateForSeniority,
  parseTemplate,
  requiresPersonalization,
  senioritySegment,
  validateTemplate,
} from '../domain/template.ts';
import type { Repos, Store } from '../repositories/index.ts';
import type {
  TemplateRow,
  TemplateSetRow,
  TemplateVersionRow,
  TemplateVisibility,
} from '../repositories/template.repository.ts';
import type { Author, ComposeService } from './compose.service.ts';

export interface TemplateView {
  id: string;
  orgId: string;
  owner: { userId: string; name: string };
  visibility: TemplateVisibility;
  name: string;
  seniority: string | null;
  roleFamily: string | null;
  /** The version shown (the latest unless another was asked for). */
  version: number;
  latestVersion: number;
  subject: string;
  body: string;
  hasPersonalizationSlot: boolean;
  /** The merge fields the subject and body use, in order of first use. */
  mergeFields: TemplateField[];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TemplateVersionView {
  version: number;
  subject: string;
  body: string;
  hasPersonalizationSlot: boolean;
  createdBy: string;
  createdAt: Date;
}

export interface TemplateSetView {
  id: string;
  orgId: string;
  ownerUserId: string;
  name: string;
  templates: Partial<Record<SeniorityTag, string>>;
  defaultTemplateId: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TemplateInput {
  name: string;
  subject: string;
  body: string;
  visibility?: TemplateVisibility | undefined;
  seniority?: SeniorityTag | null | undefined;
  roleFamily?: string | null | undefined;
}

export interface TemplatePatch {
  name?: string | undefined;
  subject?: string | undefined;
  body?: string | undefined;
  visibility?: TemplateVisibility | undefined;
  seniority?: SeniorityTag | null | undefined;
  roleFamily?: string | null | undefined;
}

export interface PreviewInput {
  candidateId: string;
  personalization?: string | undefined;
  job?: JobContext | undefined;
  version?: number | undefined;
  /** Whose recent bodies the near-duplicate check compares with (default: the caller's own seat). */
  seatId?: string | undefined;
}

export interface PreviewResult {
  template: { id: string; version: number; name: string };
  candidateId: string;
  subject: string;
  body: string;
  missingFields: TemplateField[];
  personalization: Composition['personalization'];
  quality: QualityReport;
  qualityThreshold: number | null;
  /** Links that will be replaced by tracked ones in the recipient's copy. */
  trackedLinks: string[];
  /** Whether the message could be sent as it is (nothing refused, quality at or above the threshold). */
  sendable: boolean;
  refusal: { code: string; message: string } | null;
}

export interface TemplateSetInput {
  name: string;
  templates: Partial<Record<SeniorityTag, string>>;
  defaultTemplateId?: string | null | undefined;
}

export interface TemplateChoice {
  templateId: string;
  matchedBy: 'seniority' | 'segment' | 'default';
  seniority: string;
  segment: string;
}

const isAdmin = (a: Author) => a.roles.includes('org_admin');
const viewerOf = (a: Author) => ({ userId: a.userId, admin: isAdmin(a) });

function fieldsOf(subject: string, body: string): TemplateField[] {
  const out: TemplateField[] = [];
  for (const text of [subject, body]) {
    try {
      for (const p of parseTemplate(text))
        if (p.kind === 'field' && !out.includes(p.field)) out.push(p.field);
    } catch {
      // a stored template always parses; nothing to list otherwise
    }
  }
  return out;
}

export function templateView(t: TemplateRow): TemplateView {
  return {
    id: t.id,
    orgId: t.org_id,
    owner: { userId: t.owner_user_id, name: `${t.owner_first_name} ${t.owner_last_name}` },
    visibility: t.visibility,
    name: t.name,
    seniority: t.seniority,
    roleFamily: t.role_family,
    version: t.version,
    latestVersion: t.latest_version,
    subject: t.subject,
    body: t.body,
    hasPersonalizationSlot: t.has_slot,
    mergeFields: fieldsOf(t.subject, t.body),
    archivedAt: t.archived_at,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

function versionView(v: TemplateVersionRow): TemplateVersionView {
  return {
    version: v.version,
    subject: v.subject,
    body: v.body,
    hasPersonalizationSlot: v.has_slot,
    createdBy: v.created_by,
    createdAt: v.created_at,
  };
}

function setView(s: TemplateSetRow): TemplateSetView {
  return {
    id: s.id,
    orgId: s.org_id,
    ownerUserId: s.owner_user_id,
    name: s.name,
    templates: s.templates as Partial<Record<SeniorityTag, string>>,
    defaultTemplateId: s.default_template_id,
    archivedAt: s.archived_at,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

/** The slot is required when the subject or the body has one. */
function hasSlot(subject: string, body: string): boolean {
  return requiresPersonalization(parseTemplate(subject)) || requiresPersonalization(parseTemplate(body));
}

export class TemplateService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly composer: ComposeService,
  ) {}

  /**
   * Refuses a template with unknown merge fields or bad tags (422 invalid_template, every issue with
   * its part and 0-based position), and one without a `{{personalization}}` slot when the
   * organization makes personalization mandatory.
   */
  private async validate(r: Repos, orgId: string, subject: string, body: string): Promise<void> {
    const policy = await r.policies.get(orgId);
    const issues = validateTemplate(
      { subject, body },
      { requirePersonalization: policy.mandatory_personalization },
    );
    if (issues.length === 0) return;
    const fields: FieldError[] = issues.map((i) => ({ field: i.part, message: i.message, code: i.code }));
    throw unprocessable(
      'invalid_template',
      issues.map((i) => `${i.part}: ${i.message}`).join('; '),
      { issues },
      fields,
    );
  }

  private canEdit(author: Author, ownerUserId: string): void {
    if (ownerUserId !== author.userId && !isAdmin(author)) {
      throw forbidden('Only its owner or an org admin changes this', 'not_the_owner');
    }
  }

  async list(
    author: Author,
    filters: {
      visibility?: TemplateVisibility | undefined;
      seniority?: string | undefined;
      roleFamily?: string | undefined;
      q?: string | undefined;
      mine?: boolean | undefined;
      archived?: boolean | undefined;
    },
    cursor: { at: Date; id: string } | null,
    limit: number,
  ) {
    const rows = await this.store.repos.templates.list(
      author.orgId,
      viewerOf(author),
      {
        visibility: filters.visibility,
        seniority: filters.seniority,
        roleFamily: filters.roleFamily,
        q: filters.q,
        ownerUserId: filters.mine ? author.userId : undefined,
        archived: filters.archived ?? false,
      },
      cursor,
      limit + 1,
    );
    const items = rows.slice(0, limit).map(templateView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? { at: last.updatedAt, id: last.id } : null };
  }

  async get(author: Author, id: string, version?: number): Promise<TemplateView> {
    const t = await this.composer.template(this.store.repos, author, id, version, false);
    return templateView(t);
  }

  async versions(author: Author, id: string): Promise<TemplateVersionView[]> {
    const t = await this.composer.template(this.store.repos, author, id, null, false);
    return (await this.store.repos.templates.versions(t.id)).map(versionView);
  }

  async create(author: Author, input: TemplateInput): Promise<TemplateView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      await this.validate(r, author.orgId, input.subject, input.body);
      const id = randomUUID();
      await r.templates.create({
        id,
        orgId: author.orgId,
        ownerUserId: author.userId,
        visibility: input.visibility ?? 'personal',
        name: input.name,
        seniority: input.seniority ?? null,
        roleFamily: input.roleFamily ?? null,
        subject: input.subject,
        body: input.body,
        hasSlot: hasSlot(input.subject, input.body),
        at: now,
      });
      await r.events.append({
        type: 'template.created',
        occurredAt: now,
        orgId: author.orgId,
        actorUserId: author.userId,
        data: { templateId: id, version: 1 },
      });
      return templateView((await r.templates.get(author.orgId, viewerOf(author), id))!);
    });
  }

  /**
   * Changes a template. A new subject or body adds a version (old versions never change, so sent
   * InMails keep naming the text they were rendered from); name, tags and visibility are changed in
   * place.
   */
  async update(author: Author, id: string, patch: TemplatePatch): Promise<TemplateView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const t = await r.templates.lock(author.orgId, viewerOf(author), id);
      if (!t) throw notFound('template');
      this.canEdit(author, t.owner_user_id);
      const subject = patch.subject ?? t.subject;
      const body = patch.body ?? t.body;
      let version = t.latest_version;
      if (subject !== t.subject || body !== t.body) {
        await this.validate(r, author.orgId, subject, body);
        version = t.latest_version + 1;
        await r.templates.addVersion({
          templateId: t.id,
          version,
          subject,
          body,
          hasSlot: hasSlot(subject, body),
          createdBy: author.userId,
          at: now,
        });
      }
      if (patch.visibility === 'personal' && t.visibility === 'shared') {
        await this.refuseIfInSets(r, author.orgId, t.id, 'made personal');
      }
      const meta = {
        name: patch.name,
        visibility: patch.visibility,
        seniority: patch.seniority,
        roleFamily: patch.roleFamily,
      };
      if (Object.values(meta).some((v) => v !== undefined)) await r.templates.updateMeta(t.id, meta, now);
      await r.events.append({
        type: 'template.updated',
        occurredAt: now,
        orgId: author.orgId,
        actorUserId: author.userId,
        data: { templateId: t.id, version, newVersion: version !== t.latest_version },
      });
      return templateView((await r.templates.get(author.orgId, viewerOf(author), t.id))!);
    });
  }

  private async refuseIfInSets(r: Repos, orgId: string, templateId: string, what: string): Promise<void> {
    const sets = await r.templates.activeSetsUsing(orgId, templateId);
    if (sets.length > 0) {
      throw conflict(
        'template_in_set',
        `This template is used by the template set(s) ${sets.map((s) => `"${s.name}"`).join(', ')}; change them before it is ${what}`,
        { sets },
      );
    }
  }

  /** Archives (or restores) a template: an archived one is hidden from lists and cannot be sent from. */
  async setArchived(author: Author, id: string, archived: boolean): Promise<TemplateView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const t = await r.templates.lock(author.orgId, viewerOf(author), id);
      if (!t) throw notFound('template');
      this.canEdit(author, t.owner_user_id);
      if (archived !== (t.archived_at !== null)) {
        if (archived) await this.refuseIfInSets(r, author.orgId, t.id, 'archived');
        await r.templates.setArchived(t.id, archived ? now : null, now);
        await r.events.append({
          type: archived ? 'template.archived' : 'template.restored',
          occurredAt: now,
          orgId: author.orgId,
          actorUserId: author.userId,
          data: { templateId: t.id },
        });
      }
      return templateView((await r.templates.get(author.orgId, viewerOf(author), t.id))!);
    });
  }

  /**
   * The template rendered for one candidate, with the personalization verdict (checked against THAT
   * candidate's profile), the quality report (near-duplicates against the seat's recent bodies) and
   * whether it could be sent as it is. Writes nothing.
   */
  async preview(author: Author, id: string, input: PreviewInput): Promise<PreviewResult> {
    const r = this.store.repos;
    const t = await this.composer.template(r, author, id, input.version, false);
    const row = await r.members.get(input.candidateId);
    if (!row) throw notFound('candidate');
    const candidate = await this.composer.profile(r, row.id);
    const policy = await r.policies.get(author.orgId);
    const c = await this.composer.composition(
      r,
      author,
      input,
      candidate,
      policy.mandatory_personalization,
      t,
    );
    const seatId = await this.previewSeat(r, author, input.seatId);
    const quality = await this.composer.quality(r, seatId, c.subject, c.body, this.clock.now());
    const threshold = policy.quality_block_below;
    const tooLow = threshold !== null && quality.score < threshold;
    return {
      template: { id: t.id, version: t.version, name: t.name },
      candidateId: candidate.id,
      subject: c.subject,
      body: c.body,
      missingFields: c.missing,
      personalization: c.personalization,
      quality,
      qualityThreshold: threshold,
      trackedLinks: [...new Set(findLinks(c.body).map((l) => l.url))],
      sendable: c.refusal === null && !tooLow && t.archived_at === null,
      refusal: c.refusal
        ? { code: c.refusal.code, message: c.refusal.message }
        : t.archived_at
          ? { code: 'template_archived', message: 'This template is archived' }
          : tooLow
            ? {
                code: 'quality_too_low',
                message: `Scores ${quality.score}; your organization requires at least ${threshold}`,
              }
            : null,
    };
  }

  private async previewSeat(r: Repos, author: Author, seatId: string | undefined): Promise<string | null> {
    if (!seatId) return (await r.seats.byUser(author.orgId, author.userId))?.id ?? null;
    const seat = await r.seats.get(author.orgId, seatId);
    if (!seat) throw notFound('seat');
    if (seat.user_id !== author.userId && !isAdmin(author)) {
      throw forbidden('This seat belongs to someone else', 'not_your_seat');
    }
    return seat.id;
  }

  // Template sets ----------------------------------------------------------------------------

  /** The entries and default of a set must be shared, active templates of the organization. */
  private async validateSet(
    r: Repos,
    orgId: string,
    templates: Partial<Record<SeniorityTag, string>>,
    defaultTemplateId: string | null,
  ): Promise<void> {
    const refs: [string, string][] = [
      ...Object.entries(templates).map(([k, v]) => [`templates.${k}`, v] as [string, string]),
      ...(defaultTemplateId ? [['defaultTemplateId', defaultTemplateId] as [string, string]] : []),
    ];
    if (refs.length === 0) {
      throw unprocessable(
        'invalid_template_set',
        'A template set needs at least one template or a default',
        undefined,
        [{ field: 'templates', message: 'name at least one template' }],
      );
    }
    const states = new Map(
      (await r.templates.states(orgId, [...new Set(refs.map(([, id]) => id))])).map((s) => [s.id, s]),
    );
    const errors: FieldError[] = [];
    for (const [field, id] of refs) {
      const s = states.get(id);
      if (!s) errors.push({ field, message: 'no such template in your organization', code: 'not_found' });
      else if (s.visibility !== 'shared')
        errors.push({ field, message: 'a template set uses shared templates only', code: 'not_shared' });
      else if (s.archived_at) errors.push({ field, message: 'this template is archived', code: 'archived' });
    }
    if (errors.length > 0) {
      throw unprocessable(
        'invalid_template_set',
        errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        undefined,
        errors,
      );
    }
  }

  async listSets(author: Author, archived: boolean, cursor: { at: Date; id: string } | null, limit: number) {
    const rows = await this.store.repos.templates.listSets(author.orgId, archived, cursor, limit + 1);
    const items = rows.slice(0, limit).map(setView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? { at: last.updatedAt, id: last.id } : null };
  }

  async getSet(author: Author, id: string): Promise<TemplateSetView> {
    const s = await this.store.repos.templates.getSet(author.orgId, id);
    if (!s) throw notFound('template set');
    return setView(s);
  }

  async createSet(author: Author, input: TemplateSetInput): Promise<TemplateSetView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      await this.validateSet(r, author.orgId, input.templates, input.defaultTemplateId ?? null);
      const id = randomUUID();
      await r.templates.createSet({
        id,
        orgId: author.orgId,
        ownerUserId: author.userId,
        name: input.name,
        templates: input.templates as Record<string, string>,
        defaultTemplateId: input.defaultTemplateId ?? null,
        at: now,
      });
      return setView((await r.templates.getSet(author.orgId, id))!);
    });
  }

  async updateSet(
    author: Author,
    id: string,
    patch: Partial<TemplateSetInput> & { archived?: boolean | undefined },
  ): Promise<TemplateSetView> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const s = await r.templates.getSet(author.orgId, id, true);
      if (!s) throw notFound('template set');
      this.canEdit(author, s.owner_user_id);
      const templates = patch.templates ?? (s.templates as Partial<Record<SeniorityTag, string>>);
      const defaultTemplateId =
        patch.defaultTemplateId !== undefined ? patch.defaultTemplateId : s.default_template_id;
      const restoring = patch.archived === false && s.archived_at !== null;
      if (patch.templates !== undefined || patch.defaultTemplateId !== undefined || restoring) {
        await this.validateSet(r, author.orgId, templates, defaultTemplateId);
      }
      await r.templates.updateSet(
        s.id,
        {
          name: patch.name,
          templates: patch.templates as Record<string, string> | undefined,
          defaultTemplateId: patch.defaultTemplateId,
          archivedAt:
            patch.archived === undefined || patch.archived === (s.archived_at !== null)
              ? undefined
              : patch.archived
                ? now
                : null,
        },
        now,
      );
      return setView((await r.templates.getSet(author.orgId, s.id))!);
    });
  }

  /**
   * The template of a set for one candidate: an entry for their exact seniority wins, then one for
   * its segment, then the set's default (domain/template.ts chooseTemplateForSeniority). Campaigns
   * call this inside their own transaction.
   */
  chooseFor(set: TemplateSetRow, candidate: Pick<MemberProfile, 'seniority'>): TemplateChoice | null {
    const templates = set.templates as Partial<Record<SeniorityTag, string>>;
    const templateId = chooseTemplateForSeniority(
      { templates, ...(set.default_template_id ? { default: set.default_template_id } : {}) },
      candidate,
    );
    if (!templateId) return null;
    const segment = senioritySegment(candidate.seniority);
    return {
      templateId,
      matchedBy: templates[candidate.seniority] ? 'seniority' : templates[segment] ? 'segment' : 'default',
      seniority: candidate.seniority,
      segment,
    };
  }

  async choose(
    author: Author,
    setId: string,
    candidateId: string,
  ): Promise<TemplateChoice & { template: TemplateView }> {
    const r = this.store.repos;
    const s = await r.templates.getSet(author.orgId, setId);
    if (!s) throw notFound('template set');
    const candidate = await r.members.get(candidateId);
    if (!candidate) throw notFound('candidate');
    const choice = this.chooseFor(s, await this.composer.profile(r, candidate.id));
    if (!choice) {
      throw unprocessable(
        'no_template_for_candidate',
        `This set has no template for seniority "${candidate.seniority}" and no default`,
        { seniority: candidate.seniority },
      );
    }
    const t = await this.composer.template(r, author, choice.templateId, null, false);
    return { ...choice, template: templateView(t) };
  }
}
