import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { orgUser } from '../auth.ts';
import {
  decodeCursor,
  encodeTimeIdCursor,
  IdParams,
  SendWindowSchema as Window,
  TimeIdCursor,
  Timestamp,
  Uuid,
} from '../schemas.ts';
import { SEQUENCE_STEP_KINDS } from '../../domain/sequence.ts';
import type { FastifyRequest } from 'fastify';

const Step = z
  .object({
    kind: z.enum(SEQUENCE_STEP_KINDS),
    delayBusinessDays: z
      .number()
      .int()
      .min(0)
      .max(65)
      .describe('Business days to wait after this step for a response'),
    subject: z.string().max(200).optional(),
    body: z
      .string()
      .max(2000)
      .optional()
      .describe('Plain text with merge fields, e.g. {{candidate.firstName}} and {{personalization}}'),
    templateId: Uuid.nullable()
      .optional()
      .describe('Take the text from a template (copied with its version)'),
    templateVersion: z.number().int().min(1).nullable().optional(),
    templateSetId: Uuid.nullable()
      .optional()
      .describe('Choose a template per candidate seniority at send time'),
  })
  .strict();

const Audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('members'), memberIds: z.array(Uuid).min(1).max(10000) }).strict(),
  z.object({ kind: z.literal('list'), listId: Uuid }).strict(),
  z.object({ kind: z.literal('saved_search'), savedSearchId: Uuid }).strict(),
]);

const Objective = z.enum(['fill_role', 'build_pipeline', 'keep_in_touch']);

const CreateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    objective: Objective,
    seatId: Uuid.optional(),
    audience: Audience,
    steps: z.array(Step).min(1).max(10),
    budget: z
      .number()
      .int()
      .min(1)
      .max(1000000)
      .nullable()
      .optional()
      .describe('At most this many InMails (credits reserved at start)'),
    reserve: z
      .number()
      .int()
      .min(0)
      .max(1000000)
      .optional()
      .describe('Credits that must stay unspent on the seat'),
    dailyCap: z.number().int().min(1).max(100000).nullable().optional(),
    window: Window.partial().optional(),
    ownershipWindowDays: z.number().int().min(0).max(365).optional(),
    startAt: Timestamp.nullable().optional(),
  })
  .strict();

const Progress = z.object({
  planned: z.number().int(),
  needsPersonalization: z.number().int(),
  snoozed: z.number().int(),
  skipped: z.number().int(),
  skippedByReason: z.record(z.string(), z.number().int()),
  done: z.number().int(),
  doneByOutcome: z.record(z.string(), z.number().int()),
  failed: z.number().int(),
  sentByStep: z.record(z.string(), z.number().int()).describe('Sends of each step (step position -> count)'),
  reachedStep: z.record(z.string(), z.number().int()).describe('Recipients by the last step they received'),
  creditsSpent: z.number().int(),
  creditsReserved: z.number().int(),
});

const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  objective: Objective,
  status: z.enum(['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled']),
  allowedActions: z.array(z.enum(['schedule', 'start', 'pause', 'resume', 'complete', 'cancel'])),
  seatId: z.string(),
  audience: z.unknown(),
  audienceCount: z.number().int().nullable(),
  budget: z.number().int().nullable(),
  reserve: z.number().int(),
  dailyCap: z.number().int().nullable(),
  window: z.unknown(),
  ownershipWindowDays: z.number().int(),
  startAt: Timestamp.nullable(),
  startedAt: Timestamp.nullable(),
  pausedAt: Timestamp.nullable(),
  pausedReason: z
    .string()
    .nullable()
    .describe(
      'Scheduled: why it could not start at its time (the sweeper tries again every 15 minutes); paused by the runner: why',
    ),
  finishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  steps: z.array(
    z.object({
      position: z.number().int(),
      kind: z.string(),
      delayBusinessDays: z.number().int(),
      subject: z.string(),
      body: z.string(),
      templateId: z.string().nullable(),
      templateVersion: z.number().int().nullable(),
      templateSetId: z.string().nullable(),
    }),
  ),
  progress: Progress,
});

const Recipient = z.object({
  memberId: z.string(),
  name: z.string(),
  headline: z.string(),
  timeZone: z.string(),
  status: z.enum(['pending', 'needs_personalization', 'snoozed', 'skipped', 'done', 'failed']),
  step: z.number().int(),
  nextActionAt: Timestamp.nullable(),
  lastSentAt: Timestamp.nullable(),
  threadId: z.string().nullable(),
  skipReason: z.string().nullable(),
  outcome: z.string().nullable(),
  override: z.boolean(),
  personalization: z.string().nullable(),
  error: z.string().nullable().describe('Failed: why the send could not be made'),
});

const MemberParams = z.object({ id: Uuid, memberId: Uuid }).strict();

function actor(req: FastifyRequest) {
  const u = orgUser(req);
  return { orgId: u.orgId, userId: u.id, roles: u.roles };
}

export function campaignRoutes(app: App, { services, guard }: RouteContext) {
  const read = guard({ roles: ['recruiter', 'org_admin', 'hiring_manager'], scope: 'campaigns:read' });
  const write = guard({ roles: ['recruiter', 'org_admin'], scope: 'campaigns:write' });

  app.post(
    '/v1/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Create a campaign (a draft): audience, steps, budget and reserve, daily cap, send window',
        body: CreateBody,
        response: { 201: Campaign },
      },
      preHandler: write,
    },
    async (req, reply) => reply.code(201).send(await services.campaigns.create(actor(req), req.body)),
  );

  app.get(
    '/v1/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: "The organization's campaigns, newest first, with progress",
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(100).default(25),
            cursor: z.string().max(500).optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(Campaign), nextCursor: z.string().nullable() }) },
      },
      preHandler: read,
    },
    async (req) => {
      const r = await services.campaigns.list(
        orgUser(req).orgId,
        decodeCursor(req.query.cursor, TimeIdCursor),
        req.query.limit,
      );
      return { items: r.items, nextCursor: encodeTimeIdCursor(r.nextCursor) };
    },
  );

  app.get(
    '/v1/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'A campaign with its steps and progress',
        params: IdParams,
        response: { 200: Campaign },
      },
      preHandler: read,
    },
    async (req) => services.campaigns.get(orgUser(req).orgId, req.params.id),
  );

  app.patch(
    '/v1/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Edit a draft or scheduled campaign',
        params: IdParams,
        body: CreateBody.partial().strict(),
        response: { 200: Campaign },
      },
      preHandler: write,
    },
    async (req) => services.campaigns.update(actor(req), req.params.id, req.body),
  );

  app.post(
    '/v1/campaigns/:id/start',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Start now (or schedule, if its start is in the future): freezes the audience and reserves the budget',
        params: IdParams,
        response: { 200: Campaign },
      },
      preHandler: write,
    },
    async (req) => services.campaigns.start(actor(req), req.params.id),
  );

  for (const action of ['pause', 'resume', 'cancel', 'complete'] as const) {
    app.post(
      `/v1/campaigns/:id/${action}`,
      {
        schema: {
          tags: ['campaigns'],
          summary:
            action === 'pause'
              ? 'Pause: no new sends after the batch in flight (seconds)'
              : action === 'resume'
                ? 'Resume a paused campaign'
                : `${action[0]!.toUpperCase()}${action.slice(1)}: what is left of the budget goes back to the seat`,
          params: IdParams,
          response: { 200: Campaign },
        },
        preHandler: write,
      },
      async (req) => services.campaigns.act(actor(req), req.params.id, action),
    );
  }

  app.post(
    '/v1/campaigns/:id/dry-run',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'The planned first send of every recipient in their own time zone, a page of `limit` at a time (pass `nextCursor` as `after`)',
        params: IdParams,
        body: z
          .object({
            limit: z.number().int().min(1).max(10000).default(1000),
            after: Uuid.optional().describe('The `nextCursor` of the previous page'),
          })
          .strict()
          .optional(),
        response: {
          200: z.object({
            total: z.number().int(),
            nextCursor: z.string().nullable().describe('Pass as `after` for the next page; null on the last'),
            window: z.unknown(),
            items: z.array(
              z.object({
                memberId: z.string(),
                name: z.string(),
                timeZone: z.string(),
                fellBack: z.boolean(),
                plannedAt: Timestamp,
                localTime: z.string().describe("ISO 8601 in the recipient's zone, with its offset"),
              }),
            ),
          }),
        },
      },
      preHandler: read,
    },
    async (req) =>
      services.campaigns.dryRun(
        orgUser(req).orgId,
        req.params.id,
        req.body?.limit ?? 1000,
        req.body?.after ?? null,
      ),
  );

  app.get(
    '/v1/campaigns/:id/recipients',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Recipients with their status, step and skip reason',
        params: IdParams,
        querystring: z
          .object({
            status: z
              .enum(['pending', 'needs_personalization', 'snoozed', 'skipped', 'done', 'failed'])
              .optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            cursor: Uuid.optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(Recipient), nextCursor: z.string().nullable() }) },
      },
      preHandler: read,
    },
    async (req) =>
      services.campaigns.recipients(
        orgUser(req).orgId,
        req.params.id,
        req.query.status ?? null,
        req.query.cursor ?? null,
        req.query.limit,
      ),
  );

  app.get(
    '/v1/campaigns/:id/personalization-queue/next',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'The next recipient waiting for personalization, with profile highlights and suggestions',
        params: IdParams,
        response: {
          200: z.object({
            waiting: z.number().int(),
            candidate: z
              .object({
                memberId: z.string(),
                name: z.string(),
                headline: z.string(),
                currentTitle: z.string(),
                currentCompany: z.string(),
                skills: z.array(z.string()),
                platforms: z.array(z.string()),
                projects: z.array(z.object({ name: z.string(), description: z.string() })),
                suggestions: z.array(z.object({ kind: z.string(), value: z.string() })),
                step: z
                  .object({
                    position: z.number().int(),
                    kind: z.string(),
                    subject: z.string(),
                    body: z.string(),
                  })
                  .nullable(),
              })
              .nullable(),
          }),
        },
      },
      preHandler: read,
    },
    async (req) => services.campaigns.nextToPersonalize(orgUser(req).orgId, req.params.id),
  );

  app.put(
    '/v1/campaigns/:id/recipients/:memberId/personalization',
    {
      schema: {
        tags: ['campaigns'],
        summary: "Save a recipient's personalization: it must reference that recipient's own profile",
        params: MemberParams,
        body: z.object({ text: z.string().trim().min(1).max(1000) }).strict(),
        response: {
          200: z.object({
            ok: z.boolean(),
            matched: z.array(z.object({ kind: z.string(), value: z.string(), matchedText: z.string() })),
          }),
        },
      },
      preHandler: write,
    },
    async (req) =>
      services.campaigns.personalize(orgUser(req).orgId, req.params.id, req.params.memberId, req.body.text),
  );

  app.post(
    '/v1/campaigns/:id/recipients/:memberId/personalization/check',
    {
      schema: {
        tags: ['campaigns'],
        summary: "Check a personalization text against the recipient's profile without saving it",
        params: MemberParams,
        body: z.object({ text: z.string().max(1000) }).strict(),
        response: {
          200: z.object({
            ok: z.boolean(),
            reason: z.string().nullable(),
            message: z.string(),
            matched: z.array(z.object({ kind: z.string(), value: z.string(), matchedText: z.string() })),
            suggestions: z.array(z.object({ kind: z.string(), value: z.string() })),
          }),
        },
      },
      preHandler: read,
    },
    async (req) =>
      services.campaigns.checkPersonalizationText(
        orgUser(req).orgId,
        req.params.id,
        req.params.memberId,
        req.body.text,
      ),
  );

  app.post(
    '/v1/campaigns/:id/recipients/:memberId/override',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Override collision control for one recipient (org admins)',
        params: MemberParams,
        response: { 200: z.object({ ok: z.boolean() }) },
      },
      preHandler: guard({ roles: ['org_admin'], scope: 'campaigns:write' }),
    },
    async (req) => services.campaigns.override(actor(req), req.params.id, req.params.memberId),
  );

  app.post(
    '/v1/campaigns/:id/recipients/:memberId/skip',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Take a recipient out of the campaign',
        params: MemberParams,
        response: { 200: z.object({ ok: z.boolean() }) },
      },
      preHandler: write,
    },
    async (req) => services.campaigns.skipRecipient(actor(req), req.params.id, req.params.memberId),
  );
}
