import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { memberId, orgUser } from '../auth.ts';
import {
  decodeCursor,
  encodeTimeIdCursor,
  IdParams,
  PageQuery,
  text,
  TimeIdCursor,
  Timestamp,
  Uuid,
} from '../schemas.ts';
import { InmailViewSchema } from './inmails.ts';

export const ThreadSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['inmail', 'message']),
  subject: z.string(),
  sender: z.object({
    userId: z.string(),
    name: z.string(),
    title: z.string(),
    organization: z.string(),
    memberId: z.string().nullable(),
    headline: z.string().nullable(),
  }),
  recipient: z.object({ memberId: z.string(), name: z.string(), headline: z.string() }),
  lastMessageAt: Timestamp,
  lastMessage: z.object({ body: z.string(), author: z.enum(['sender', 'recipient']) }),
  unread: z.number().int(),
  inmail: z.object({ id: z.string(), status: z.string() }).nullable(),
});

const MessageSchema = z.object({
  id: z.string(),
  author: z.enum(['sender', 'recipient']),
  body: z.string(),
  createdAt: Timestamp,
});

const Preferences = z.object({
  inmailEnabled: z.boolean(),
  contactLaterUntil: Timestamp.nullable(),
  emailNotifications: z.boolean(),
});

const Block = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  organizationId: z.string().nullable(),
  name: z.string(),
  createdAt: Timestamp,
});

export function inboxRoutes(app: App, { services, config, guard }: RouteContext) {
  const member = guard({ member: true });

  app.get(
    '/v1/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: "The member's threads, newest activity first, with the sender's card and unread counts",
        querystring: PageQuery,
        response: {
          200: z.object({
            items: z.array(ThreadSummarySchema),
            unread: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
        },
      },
      preHandler: member,
    },
    async (req) => {
      const r = await services.inbox.inbox(
        memberId(req),
        decodeCursor(req.query.cursor, TimeIdCursor),
        req.query.limit,
      );
      return { ...r, nextCursor: encodeTimeIdCursor(r.nextCursor) };
    },
  );

  app.get(
    '/v1/sent',
    {
      schema: {
        tags: ['inbox'],
        summary: "The recruiter's threads (sent InMails and messages), newest activity first",
        querystring: PageQuery,
        response: {
          200: z.object({ items: z.array(ThreadSummarySchema), nextCursor: z.string().nullable() }),
        },
      },
      preHandler: guard({ orgUser: true, scope: 'inmails:read' }),
    },
    async (req) => {
      const u = orgUser(req);
      const r = await services.inbox.sent(
        u.orgId,
        u.id,
        decodeCursor(req.query.cursor, TimeIdCursor),
        req.query.limit,
      );
      return { ...r, nextCursor: encodeTimeIdCursor(r.nextCursor) };
    },
  );

  app.get(
    '/v1/threads/:id',
    {
      schema: {
        tags: ['inbox'],
        summary: 'A thread with its messages (the recipient, or the sender organization); marks it read',
        params: IdParams,
        response: {
          200: z.object({
            thread: ThreadSummarySchema,
            messages: z.array(MessageSchema),
            inmail: InmailViewSchema.nullable(),
            canReply: z.boolean(),
            side: z.enum(['sender', 'recipient']),
          }),
        },
      },
      preHandler: guard({ scope: 'inmails:read' }),
    },
    async (req) => services.inbox.thread(req.principal!, req.params.id),
  );

  app.post(
    '/v1/threads/:id/messages',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Write in an open conversation (after acceptance, or between connections)',
        params: IdParams,
        body: z.object({ body: text(config.bodyMax) }).strict(),
        response: { 201: MessageSchema },
      },
      preHandler: guard({ scope: 'inmails:write' }),
    },
    async (req, reply) =>
      reply.code(201).send(await services.inbox.postMessage(req.principal!, req.params.id, req.body.body)),
  );

  app.post(
    '/v1/threads/:id/report',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Report a thread as spam (the recipient)',
        params: IdParams,
        body: z
          .object({ note: z.string().trim().max(1000).optional() })
          .strict()
          .optional(),
        response: { 200: z.object({ reported: z.boolean() }) },
      },
      preHandler: member,
    },
    async (req) => services.inbox.reportSpam(memberId(req), req.params.id, req.body?.note ?? null),
  );

  app.get(
    '/v1/preferences',
    {
      schema: { tags: ['inbox'], summary: "The member's InMail preferences", response: { 200: Preferences } },
      preHandler: member,
    },
    async (req) => services.inbox.preferences(memberId(req)),
  );

  app.patch(
    '/v1/preferences',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Turn InMail on or off, ask to be contacted later (until a date), email notifications',
        body: z
          .object({
            inmailEnabled: z.boolean().optional(),
            contactLaterUntil: Timestamp.nullable().optional(),
            emailNotifications: z.boolean().optional(),
          })
          .strict(),
        response: { 200: Preferences },
      },
      preHandler: member,
    },
    async (req) => services.inbox.updatePreferences(memberId(req), req.body),
  );

  app.get(
    '/v1/blocks',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Blocked senders and organizations',
        response: { 200: z.object({ items: z.array(Block) }) },
      },
      preHandler: member,
    },
    async (req) => ({ items: await services.inbox.blocks(memberId(req)) }),
  );

  app.post(
    '/v1/blocks',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Block a sender (userId) or a whole organization (organizationId)',
        body: z
          .object({ userId: Uuid.optional(), organizationId: Uuid.optional() })
          .strict()
          .refine((b) => (b.userId === undefined) !== (b.organizationId === undefined), {
            message: 'give exactly one of userId and organizationId',
            path: ['userId'],
          }),
        response: { 201: Block },
      },
      preHandler: member,
    },
    async (req, reply) => reply.code(201).send(await services.inbox.block(memberId(req), req.body)),
  );

  app.delete(
    '/v1/blocks/:id',
    {
      schema: { tags: ['inbox'], summary: 'Unblock', params: IdParams, response: { 204: z.null() } },
      preHandler: member,
    },
    async (req, reply) => {
      await services.inbox.unblock(memberId(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
