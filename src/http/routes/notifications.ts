import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import {
  decodeCursor,
  encodeTimeIdCursor,
  IdParams,
  PageQuery,
  TimeIdCursor,
  Timestamp,
} from '../schemas.ts';
import { forbidden } from '../../domain/errors.ts';
import type { FastifyRequest } from 'fastify';

const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});

function accountId(req: FastifyRequest): string {
  const id = req.principal?.accountId;
  if (!id) throw forbidden('Notifications belong to a person; log in as one', 'no_account');
  return id;
}

export function notificationRoutes(app: App, { services, guard }: RouteContext) {
  const anyone = guard();

  app.get(
    '/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, with the unread count',
        querystring: PageQuery,
        response: {
          200: z.object({
            items: z.array(Notification),
            unread: z.number().int(),
            nextCursor: z.string().nullable(),
          }),
        },
      },
      preHandler: anyone,
    },
    async (req) => {
      const r = await services.notifications.list(
        accountId(req),
        decodeCursor(req.query.cursor, TimeIdCursor),
        req.query.limit,
      );
      return { ...r, nextCursor: encodeTimeIdCursor(r.nextCursor) };
    },
  );

  app.post(
    '/v1/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark a notification read',
        params: IdParams,
        response: { 200: Notification },
      },
      preHandler: anyone,
    },
    async (req) => services.notifications.markRead(accountId(req), req.params.id),
  );

  app.post(
    '/v1/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark every notification read',
        response: { 200: z.object({ marked: z.number().int() }) },
      },
      preHandler: anyone,
    },
    async (req) => services.notifications.markAllRead(accountId(req)),
  );
}
