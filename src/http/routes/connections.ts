import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { memberId } from '../auth.ts';
import { IdParams, Timestamp, Uuid } from '../schemas.ts';

const Party = z.object({ memberId: z.string(), name: z.string(), headline: z.string() });
const ConnectionRequest = z.object({
  id: z.string(),
  from: Party,
  to: Party,
  note: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'ignored', 'withdrawn']),
  createdAt: Timestamp,
  respondedAt: Timestamp.nullable(),
});

export function connectionRoutes(app: App, { services, config, guard }: RouteContext) {
  const member = guard({ member: true });

  app.post(
    '/v1/connection-requests',
    {
      schema: {
        tags: ['connections'],
        summary: 'Invite a member to connect (free), with an optional short note',
        body: z
          .object({
            memberId: Uuid,
            note: z
              .string()
              .trim()
              .max(config.connectionNoteMax, `at most ${config.connectionNoteMax} characters`)
              .optional(),
          })
          .strict(),
        response: { 201: ConnectionRequest },
      },
      preHandler: member,
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await services.connections.request(memberId(req), req.body.memberId, req.body.note || null)),
  );

  app.get(
    '/v1/connection-requests',
    {
      schema: {
        tags: ['connections'],
        summary: 'Invitations received (incoming) or sent (outgoing)',
        querystring: z
          .object({
            direction: z.enum(['incoming', 'outgoing']).default('incoming'),
            status: z.enum(['pending', 'accepted', 'ignored', 'withdrawn']).optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(ConnectionRequest) }) },
      },
      preHandler: member,
    },
    async (req) => ({
      items: await services.connections.list(memberId(req), req.query.direction, req.query.status ?? null),
    }),
  );

  for (const action of ['accept', 'ignore', 'withdraw'] as const) {
    app.post(
      `/v1/connection-requests/:id/${action}`,
      {
        schema: {
          tags: ['connections'],
          summary:
            action === 'withdraw'
              ? 'Withdraw an invitation you sent'
              : `${action[0]!.toUpperCase()}${action.slice(1)} an invitation`,
          params: IdParams,
          response: { 200: ConnectionRequest },
        },
        preHandler: member,
      },
      async (req) => services.connections[action](memberId(req), req.params.id),
    );
  }
}
