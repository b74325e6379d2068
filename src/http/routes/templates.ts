import { z } from 'zod';
import { SENIORITIES } from '../../domain/profile.ts';
import { TEMPLATE_FIELDS } from '../../domain/template.ts';
import type { App, RouteContext } from '../app.ts';
import { decodeCursor, encodeTimeIdCursor, IdParams, Timestamp, TimeIdCursor, Uuid } from '../schemas.ts';
import { sender } from './inmails.ts';

/** Template tags and set keys: a seniority, or one of the three seniority segments. */
export const SeniorityTagSchema = z.enum([...SENIORITIES, 'senior-associate', 'partner-track'] as const);

const Visibility = z.enum(['personal', 'shared']);
const Name = z.string().trim().min(1, 'must not be empty').max(200);
const RoleFamily = z.string().trim().min(1, 'must not be empty').max(100);

export const JobSchema = z
  .object({
    title: z.string().trim().max(200).optional(),
    company: z.string().trim().max(200).optional(),
    location: z.string().trim().max(200).optional(),
    url: z
      .url({ protocol: /^https?$/, message: 'an http(s) URL' })
      .max(2048)
      .optional(),
  })
  .strict()
  .describe('Values of the job.* merge fields');

export const PersonalizationText = z
  .string()
  .max(1000, 'at most 1000 characters')
  .describe("The recruiter's text for this recipient: must reference a specific element of their profile");

const TemplateSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  owner: z.object({ userId: z.string(), name: z.string() }),
  visibility: Visibility,
  name: z.string(),
  seniority: z.string().nullable(),
  roleFamily: z.string().nullable(),
  version: z.number().int().describe('The version shown (the latest unless another was asked for)'),
  latestVersion: z.number().int(),
  subject: z.string(),
  body: z.string(),
  hasPersonalizationSlot: z.boolean(),
  mergeFields: z.array(z.enum(TEMPLATE_FIELDS)),
  archivedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const TemplateVersionSchema = z.object({
  version: z.number().int(),
  subject: z.string(),
  body: z.string(),
  hasPersonalizationSlot: z.boolean(),
  createdBy: z.string(),
  createdAt: Timestamp,
});

const TemplateSetSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  ownerUserId: z.string(),
  name: z.string(),
  templates: z.record(z.string(), z.string()).describe('Template id by seniority or seniority segment'),
  defaultTemplateId: z.string().nullable(),
  archivedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const PersonalizationVerdictSchema = z.object({
  required: z.boolean().describe('A {{personalization}} slot, or the organization requires one'),
  ok: z.boolean(),
  reason: z.string().optional(),
  message: z.string(),
  matched: z.array(z.object({ kind: z.string(), value: z.string(), matchedText: z.string() })),
  suggestions: z.array(z.object({ kind: z.string(), value: z.string() })),
});

export const QualityReportSchema = z.object({
  score: z.number().int(),
  level: z.enum(['good', 'fair', 'poor']),
  issues: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['info', 'warning', 'error']),
      message: z.string(),
      detail: z
        .object({
          count: z.number().optional(),
          limit: z.number().optional(),
          items: z.array(z.string()).optional(),
        })
        .optional(),
    }),
  ),
});

const PreviewSchema = z.object({
  template: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
  candidateId: z.string(),
  subject: z.string(),
  body: z.string(),
  missingFields: z.array(z.string()),
  personalization: PersonalizationVerdictSchema.nullable(),
  quality: QualityReportSchema,
  qualityThreshold: z.number().int().nullable(),
  trackedLinks: z.array(z.string()).describe("Links that become tracked links in the recipient's copy"),
  sendable: z.boolean(),
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
});

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

const ListQuery = z
  .object({
    visibility: Visibility.optional(),
    seniority: SeniorityTagSchema.optional(),
    roleFamily: RoleFamily.optional(),
    q: z.string().trim().min(1).max(200).optional().describe('Part of the name'),
    mine: bool.optional().describe('Only templates you own'),
    archived: bool.optional().describe('Archived templates instead of active ones'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(500).optional(),
  })
  .strict();

const TemplateBody = (subjectMax: number, bodyMax: number) =>
  z
    .object({
      name: Name,
      subject: z.string().trim().min(1, 'must not be empty').max(subjectMax),
      body: z.string().trim().min(1, 'must not be empty').max(bodyMax),
      visibility: Visibility.default('personal').describe(
        'personal: you (and admins); shared: your organization',
      ),
      seniority: SeniorityTagSchema.nullable().optional(),
      roleFamily: RoleFamily.nullable().optional(),
    })
    .strict();

const SetTemplates = z
  .partialRecord(SeniorityTagSchema, Uuid)
  .describe(
    'Template id by seniority (intern ... partner) or segment (associate, senior-associate, partner-track)',
  );

export function templateRoutes(app: App, { services, config, guard }: RouteContext) {
  const reader = guard({ roles: ['recruiter', 'org_admin', 'hiring_manager'], scope: 'templates:read' });
  const writer = guard({ roles: ['recruiter', 'org_admin'], scope: 'templates:write' });
  const t = services.templates;

  app.get(
    '/v1/templates',
    {
      schema: {
        tags: ['templates'],
        summary: 'Templates you can use: shared ones and your own personal ones (admins: all), newest first',
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(TemplateSchema), nextCursor: z.string().nullable() }) },
      },
      preHandler: reader,
    },
    async (req) => {
      const { limit, cursor, ...filters } = req.query;
      const r = await t.list(sender(req), filters, decodeCursor(cursor, TimeIdCursor), limit);
      return { items: r.items, nextCursor: encodeTimeIdCursor(r.nextCursor) };
    },
  );

  app.post(
    '/v1/templates',
    {
      schema: {
        tags: ['templates'],
        summary: 'Create a template (version 1); unknown merge fields are refused with their position',
        description:
          'Merge fields: ' +
          TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(', ') +
          '. A fallback: {{ candidate.firstName | "there" }}. 422 invalid_template lists every problem with ' +
          'its part (subject or body) and 0-based position; when your organization makes personalization ' +
          'mandatory, the body must have a {{personalization}} slot.',
        body: TemplateBody(config.subjectMax, config.bodyMax),
        response: { 201: TemplateSchema },
      },
      preHandler: writer,
    },
    async (req, reply) => reply.code(201).send(await t.create(sender(req), req.body)),
  );

  app.get(
    '/v1/templates/:id',
    {
      schema: {
        tags: ['templates'],
        summary: 'A template with its latest version, or as it was at `version`',
        params: IdParams,
        querystring: z
          .object({
            version: z.coerce
              .number()
              .int()
              .min(1)
              .max(1_000_000)
              .optional()
              .describe('A past version: what InMails sent from it were rendered from'),
          })
          .strict(),
        response: { 200: TemplateSchema },
      },
      preHandler: reader,
    },
    async (req) => t.get(sender(req), req.params.id, req.query.version),
  );

  app.patch(
    '/v1/templates/:id',
    {
      schema: {
        tags: ['templates'],
        summary:
          'Change a template: a new subject or body adds a version; name, tags and visibility change in place',
        params: IdParams,
        body: z
          .object({
            name: Name.optional(),
            subject: z.string().trim().min(1, 'must not be empty').max(config.subjectMax).optional(),
            body: z.string().trim().min(1, 'must not be empty').max(config.bodyMax).optional(),
            visibility: Visibility.optional(),
            seniority: SeniorityTagSchema.nullable().optional(),
            roleFamily: RoleFamily.nullable().optional(),
          })
          .strict(),
        response: { 200: TemplateSchema },
      },
      preHandler: writer,
    },
    async (req) => t.update(sender(req), req.params.id, req.body),
  );

  app.get(
    '/v1/templates/:id/versions',
    {
      schema: {
        tags: ['templates'],
        summary: "A template's versions, newest first",
        params: IdParams,
        response: { 200: z.object({ items: z.array(TemplateVersionSchema) }) },
      },
      preHandler: reader,
    },
    async (req) => ({ items: await t.versions(sender(req), req.params.id) }),
  );

  app.post(
    '/v1/templates/:id/archive',
    {
      schema: {
        tags: ['templates'],
        summary:
          'Archive a template: hidden from lists, no longer sendable (409 while a template set uses it)',
        params: IdParams,
        response: { 200: TemplateSchema },
      },
      preHandler: writer,
    },
    async (req) => t.setArchived(sender(req), req.params.id, true),
  );

  app.post(
    '/v1/templates/:id/restore',
    {
      schema: {
        tags: ['templates'],
        summary: 'Restore an archived template',
        params: IdParams,
        response: { 200: TemplateSchema },
      },
      preHandler: writer,
    },
    async (req) => t.setArchived(sender(req), req.params.id, false),
  );

  app.post(
    '/v1/templates/:id/preview',
    {
      schema: {
        tags: ['templates'],
        summary:
          'Render a template for a candidate: subject, body, the personalization verdict and the quality report',
        description:
          "Nothing is written or spent. The personalization is checked against THIS candidate's profile; " +
          "the near-duplicate check compares with the recent bodies of your seat (or `seatId`'s). " +
          '`sendable` and `refusal` say whether, and why not, the message could be sent as it is.',
        params: IdParams,
        body: z
          .object({
            candidateId: Uuid,
            personalization: PersonalizationText.optional(),
            job: JobSchema.optional(),
            version: z.number().int().min(1).max(1_000_000).optional().describe('Default: the latest'),
            seatId: Uuid.optional(),
          })
          .strict(),
        response: { 200: PreviewSchema },
      },
      preHandler: reader,
    },
    async (req) => t.preview(sender(req), req.params.id, req.body),
  );

  // Template sets ----------------------------------------------------------------------------

  app.get(
    '/v1/template-sets',
    {
      schema: {
        tags: ['templates'],
        summary: "The organization's template sets (one template per seniority)",
        querystring: z
          .object({
            archived: bool.optional(),
            limit: z.coerce.number().int().min(1).max(100).default(25),
            cursor: z.string().max(500).optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(TemplateSetSchema), nextCursor: z.string().nullable() }) },
      },
      preHandler: reader,
    },
    async (req) => {
      const r = await t.listSets(
        sender(req),
        req.query.archived ?? false,
        decodeCursor(req.query.cursor, TimeIdCursor),
        req.query.limit,
      );
      return { items: r.items, nextCursor: encodeTimeIdCursor(r.nextCursor) };
    },
  );

  app.post(
    '/v1/template-sets',
    {
      schema: {
        tags: ['templates'],
        summary: 'Create a template set: shared templates by seniority or segment, and a default',
        body: z
          .object({ name: Name, templates: SetTemplates, defaultTemplateId: Uuid.nullable().optional() })
          .strict(),
        response: { 201: TemplateSetSchema },
      },
      preHandler: writer,
    },
    async (req, reply) => reply.code(201).send(await t.createSet(sender(req), req.body)),
  );

  app.get(
    '/v1/template-sets/:id',
    {
      schema: {
        tags: ['templates'],
        summary: 'A template set',
        params: IdParams,
        response: { 200: TemplateSetSchema },
      },
      preHandler: reader,
    },
    async (req) => t.getSet(sender(req), req.params.id),
  );

  app.patch(
    '/v1/template-sets/:id',
    {
      schema: {
        tags: ['templates'],
        summary: 'Change a template set (its templates are replaced as a whole), archive or restore it',
        params: IdParams,
        body: z
          .object({
            name: Name.optional(),
            templates: SetTemplates.optional(),
            defaultTemplateId: Uuid.nullable().optional(),
            archived: z.boolean().optional(),
          })
          .strict(),
        response: { 200: TemplateSetSchema },
      },
      preHandler: writer,
    },
    async (req) => t.updateSet(sender(req), req.params.id, req.body),
  );

  app.post(
    '/v1/template-sets/:id/choose',
    {
      schema: {
        tags: ['templates'],
        summary: "The set's template for a candidate: exact seniority, else its segment, else the default",
        description: 'Reads only; a POST so the candidate id travels in the body.',
        params: IdParams,
        body: z.object({ candidateId: Uuid }).strict(),
        response: {
          200: z.object({
            templateId: z.string(),
            matchedBy: z.enum(['seniority', 'segment', 'default']),
            seniority: z.string(),
            segment: z.string(),
            template: TemplateSchema,
          }),
        },
      },
      preHandler: reader,
    },
    async (req) => t.choose(sender(req), req.params.id, req.body.candidateId),
  );
}
