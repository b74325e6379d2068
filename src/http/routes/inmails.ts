import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { memberId, orgUser } from '../auth.ts';
import { IdParams, Timestamp, text, Uuid } from '../schemas.ts';
import { DECLINE_REASONS, type Sender } from '../../services/inmail.service.ts';
import { JobSchema, PersonalizationText } from './templates.ts';
import type { FastifyRequest } from 'fastify';

export const SendResultSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  recipientId: z.string(),
  channel: z.enum(['inmail', 'message']),
  free: z.boolean().describe('A free message to a 1st-degree connection: no credit spent'),
  charged: z.boolean(),
  seatId: z.string().nullable(),
  creditsRemaining: z.number().int().nullable(),
  status: z.string(),
  sentAt: z.string(),
  expiresAt: z.string(),
  templateId: z.string().nullable().optional(),
  templateVersion: z.number().int().nullable().optional(),
});

export const InmailViewSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  orgId: z.string(),
  seatId: z.string().nullable(),
  senderUserId: z.string(),
  recipientId: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'accepted', 'declined', 'replied', 'expired']),
  channel: z.enum(['inmail', 'message']),
  charged: z.boolean(),
  sentAt: Timestamp,
  expiresAt: Timestamp,
  openedAt: Timestamp.nullable(),
  acceptedAt: Timestamp.nullable(),
  declinedAt: Timestamp.nullable(),
  repliedAt: Timestamp.nullable(),
  expiredAt: Timestamp.nullable(),
  declineReason: z.string().nullable(),
  contactLaterUntil: Timestamp.nullable(),
  refundedAt: Timestamp.nullable(),
  templateId: z.string().nullable().describe('The template (and version) the message was rendered from'),
  templateVersion: z.number().int().nullable(),
});

const IdempotencyHeaders = z
  .object({
    'idempotency-key': z
      .string()
      .min(8, 'at least 8 characters')
      .max(200)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
      .optional()
      .describe('A retry with the same key returns the first result and never sends or charges twice'),
  })
  .loose();

export function sender(req: FastifyRequest): Sender {
  const u = orgUser(req);
  return {
    orgId: u.orgId,
    userId: u.id,
    roles: u.roles,
    memberId: req.principal?.memberId ?? null,
    firstName: u.firstName,
    lastName: u.lastName,
  };
}

export function inmailRoutes(app: App, { services, config, guard }: RouteContext) {
  const SendBody = z
    .object({
      recipientId: Uuid,
      subject: text(config.subjectMax).optional(),
      body: text(config.bodyMax).optional(),
      seatId: Uuid.optional(),
      templateId: Uuid.optional().describe('Render subject and body from this template for the recipient'),
      templateVersion: z.number().int().min(1).max(1_000_000).optional().describe('Default: the latest'),
      personalization: PersonalizationText.optional(),
      job: JobSchema.optional(),
    })
    .strict()
    .refine((b) => b.templateId !== undefined || (b.subject !== undefined && b.body !== undefined), {
      message: 'send a subject and a body, or a templateId',
      path: ['body'],
    })
    .refine((b) => b.templateId === undefined || (b.subject === undefined && b.body === undefined), {
      message: 'the subject and body come from the template',
      path: ['templateId'],
    })
    .refine((b) => b.templateId !== undefined || b.templateVersion === undefined, {
      message: 'only with templateId',
      path: ['templateVersion'],
    });

  app.post(
    '/v1/inmails',
    {
      schema: {
        tags: ['inmails'],
        summary: 'Send an InMail (a free message if the recipient is a 1st-degree connection)',
        description:
          "Debits one credit from the seat (the sender's own unless seatId is given) and writes the message, " +
          'the thread, the notification and the events in one transaction. 402 insufficient_credits when the ' +
          'seat is empty; 429 frequency_cap names the cap and when it frees; 403/422 when the recipient blocked ' +
          'the sender, turned InMail off or asked to be contacted later. Nothing is written or spent on a refusal. ' +
          'With templateId the server renders the message for the recipient; a {{personalization}} slot (or the ' +
          "organization's mandatory-personalization policy) needs a `personalization` that references the " +
          "recipient's profile: 422 personalization_required / personalization_failed with suggestions. Below " +
          "the organization's quality threshold: 422 quality_too_low with the report. http(s) links become " +
          "tracked links (GET /r/{token}) in the recipient's copy. See docs/templates.md.",
        headers: IdempotencyHeaders,
        body: SendBody,
        response: {
          201: SendResultSchema,
          200: SendResultSchema.describe('A replayed retry (Idempotency-Key)'),
        },
      },
      preHandler: guard({ roles: ['recruiter', 'org_admin'], scope: 'inmails:write' }),
    },
    async (req, reply) => {
      const { result, replayed } = await services.inmails.send(
        sender(req),
        { ...req.body, linkBaseUrl: config.publicUrl ?? `${req.protocol}://${req.host}` },
        req.headers['idempotency-key'],
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/v1/inmails/:id',
    {
      schema: {
        tags: ['inmails'],
        summary:
          'An InMail: the recipient opening it records the first open; the sender organization can view it',
        params: IdParams,
        response: { 200: InmailViewSchema },
      },
      preHandler: guard({ scope: 'inmails:read' }),
    },
    async (req) => {
      const p = req.principal!;
      if (p.memberId) {
        try {
          return await services.inmails.openAsRecipient(p.memberId, req.params.id);
        } catch (err) {
          if (!p.user) throw err;
        }
      }
      return services.inmails.getForOrg(orgUser(req).orgId, req.params.id);
    },
  );

  app.post(
    '/v1/inmails/:id/accept',
    {
      schema: {
        tags: ['inmails'],
        summary: 'Accept an InMail (the recipient): the conversation opens',
        params: IdParams,
        response: { 200: InmailViewSchema },
      },
      preHandler: guard({ member: true }),
    },
    async (req) => services.inmails.accept(memberId(req), req.params.id),
  );

  const DeclineBody = z
    .object({
      reason: z.enum(DECLINE_REASONS),
      contactLaterMonths: z.number().int().min(1).max(24).optional(),
      note: z.string().trim().max(1000).optional(),
    })
    .strict()
    .refine((b) => b.reason !== 'contact_later' || b.contactLaterMonths !== undefined, {
      message: 'contact_later needs contactLaterMonths',
      path: ['contactLaterMonths'],
    })
    .refine((b) => b.reason === 'contact_later' || b.contactLaterMonths === undefined, {
      message: 'only with reason contact_later',
      path: ['contactLaterMonths'],
    });

  app.post(
    '/v1/inmails/:id/decline',
    {
      schema: {
        tags: ['inmails'],
        summary: 'Decline an InMail (the recipient), with a reason',
        params: IdParams,
        body: DeclineBody,
        response: { 200: InmailViewSchema },
      },
      preHandler: guard({ member: true }),
    },
    async (req) => services.inmails.decline(memberId(req), req.params.id, req.body),
  );

  app.post(
    '/v1/inmails/:id/replies',
    {
      schema: {
        tags: ['inmails'],
        summary: 'Reply to an InMail (the recipient): answers it and opens the conversation',
        params: IdParams,
        body: z.object({ body: text(config.bodyMax) }).strict(),
        response: { 200: InmailViewSchema },
      },
      preHandler: guard({ member: true }),
    },
    async (req) => services.inmails.reply(memberId(req), req.params.id, req.body.body),
  );
}
