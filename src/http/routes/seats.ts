import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { orgUser } from '../auth.ts';
import { forbidden } from '../../domain/errors.ts';
import { LEDGER_KINDS, REFUND_POLICIES } from '../../domain/credits.ts';
import { decodeCursor, encodeCursor, IdParams, SendWindowSchema, Timestamp, Uuid } from '../schemas.ts';

export const SeatSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  holder: z.object({ userId: z.string(), name: z.string() }).nullable(),
  licenseType: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  balance: z.number().int().describe('Credits available now: the sum of the ledger'),
  monthlyAllotment: z.number().int(),
  rolloverCap: z.number().int(),
  monthlyLimit: z.number().int().nullable(),
  renewsAt: Timestamp,
  periodStartedAt: Timestamp,
  reserved: z.number().int().describe('Credits held for campaign budgets'),
  pendingRefunds: z.number().int().describe('InMails of this seat that can still be refunded'),
  spentThisPeriod: z.number().int(),
  revokedAt: Timestamp.nullable(),
});

const LedgerEntry = z.object({
  id: z.number().int(),
  kind: z.enum(LEDGER_KINDS),
  amount: z.number().int(),
  reservedDelta: z.number().int(),
  inmailId: z.string().nullable(),
  campaignId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: Timestamp,
});

const LicenseType = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  monthlyAllotment: z.number().int(),
  rolloverCap: z.number().int(),
  builtIn: z.boolean(),
});

const Policies = z.object({
  refundPolicy: z.enum(REFUND_POLICIES),
  refundWindowDays: z.number().int(),
  refundTarget: z.enum(['seat', 'pool']),
  orgCapPerCandidate: z.number().int(),
  orgCapWindowDays: z.number().int(),
  mandatoryPersonalization: z.boolean(),
  qualityBlockBelow: z.number().int().nullable(),
  defaultSendWindow: SendWindowSchema.describe("New campaigns' send window unless they set their own"),
});

const User = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  title: z.string(),
  roles: z.array(z.string()),
  memberId: z.string().nullable(),
  seatId: z.string().nullable(),
  disabled: z.boolean(),
});

const Event = z.object({
  id: z.number().int(),
  type: z.string(),
  occurredAt: Timestamp,
  actorUserId: z.string().nullable(),
  actorMemberId: z.string().nullable(),
  seatId: z.string().nullable(),
  recipientMemberId: z.string().nullable(),
  inmailId: z.string().nullable(),
  threadId: z.string().nullable(),
  campaignId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

const LedgerCursor = z.object({ id: z.number().int().positive() });

export function seatRoutes(app: App, { services, guard }: RouteContext) {
  const admin = guard({ roles: ['org_admin'], scope: 'seats:admin' });
  const reader = guard({ orgUser: true, scope: 'seats:read' });

  /** Admins see every seat of their organization; others only the seat they hold. */
  async function visibleSeat(req: Parameters<typeof orgUser>[0], seatId: string) {
    const u = orgUser(req);
    const seat = await services.credits.getSeat(u.orgId, seatId);
    if (!u.roles.includes('org_admin') && seat.holder?.userId !== u.id) {
      throw forbidden('Only org admins and the holder see this seat', 'not_your_seat');
    }
    return seat;
  }

  app.get(
    '/v1/license-types',
    {
      schema: {
        tags: ['seats'],
        summary: 'License types: built-in and your own',
        response: { 200: z.object({ items: z.array(LicenseType) }) },
      },
      preHandler: reader,
    },
    async (req) => ({ items: await services.credits.licenseTypes(orgUser(req).orgId) }),
  );

  app.post(
    '/v1/license-types',
    {
      schema: {
        tags: ['seats'],
        summary: 'Define a license type of your own (rollover cap defaults to 4x the allotment)',
        body: z
          .object({
            key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,40}$/, 'lower-case letters, digits, - and _'),
            name: z.string().trim().min(1).max(100),
            monthlyAllotment: z.number().int().min(1).max(100000),
            rolloverCap: z.number().int().min(1).max(400000).optional(),
          })
          .strict(),
        response: { 201: LicenseType },
      },
      preHandler: admin,
    },
    async (req, reply) =>
      reply.code(201).send(await services.credits.createLicenseType(orgUser(req).orgId, req.body)),
  );

  app.get(
    '/v1/seats',
    {
      schema: {
        tags: ['seats'],
        summary: "Seats: all of the organization's for admins, your own otherwise",
        response: { 200: z.object({ items: z.array(SeatSchema) }) },
      },
      preHandler: reader,
    },
    async (req) => {
      const u = orgUser(req);
      if (u.roles.includes('org_admin')) return { items: await services.credits.listSeats(u.orgId) };
      const own = await services.credits.seatOfUser(u.orgId, u.id);
      return { items: own ? [own] : [] };
    },
  );

  app.post(
    '/v1/seats',
    {
      schema: {
        tags: ['seats'],
        summary:
          'Assign a seat of a license type (to a user, or unassigned); its first month is granted at once',
        body: z
          .object({
            userId: Uuid.nullable().optional(),
            licenseType: z.string().min(1).max(41),
            monthlyLimit: z.number().int().min(0).max(100000).nullable().optional(),
            anniversaryDay: z.number().int().min(1).max(31).optional(),
          })
          .strict(),
        response: { 201: SeatSchema },
      },
      preHandler: admin,
    },
    async (req, reply) => {
      const u = orgUser(req);
      return reply.code(201).send(await services.credits.createSeat(u.orgId, u.id, req.body));
    },
  );

  app.get(
    '/v1/seats/:id',
    {
      schema: {
        tags: ['seats'],
        summary: 'A seat: balance, allotment, rollover cap, renewal, reserved credits, pending refunds',
        params: IdParams,
        response: { 200: SeatSchema },
      },
      preHandler: reader,
    },
    async (req) => visibleSeat(req, req.params.id),
  );

  app.patch(
    '/v1/seats/:id',
    {
      schema: {
        tags: ['seats'],
        summary: "Change a seat's monthly limit or holder",
        params: IdParams,
        body: z
          .object({
            monthlyLimit: z.number().int().min(0).max(100000).nullable().optional(),
            userId: Uuid.nullable().optional(),
          })
          .strict(),
        response: { 200: SeatSchema },
      },
      preHandler: admin,
    },
    async (req) => {
      const u = orgUser(req);
      return services.credits.updateSeat(u.orgId, u.id, req.params.id, req.body);
    },
  );

  app.get(
    '/v1/seats/:id/ledger',
    {
      schema: {
        tags: ['seats'],
        summary: "A seat's credit ledger, newest first",
        params: IdParams,
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z.string().max(200).optional(),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(LedgerEntry), nextCursor: z.string().nullable() }) },
      },
      preHandler: reader,
    },
    async (req) => {
      const seat = await visibleSeat(req, req.params.id);
      const cursor = decodeCursor(req.query.cursor, LedgerCursor);
      const r = await services.credits.ledger(seat.orgId, seat.id, cursor?.id ?? null, req.query.limit);
      return { items: r.items, nextCursor: r.nextCursor ? encodeCursor({ id: r.nextCursor }) : null };
    },
  );

  app.post(
    '/v1/seats/:id/adjustments',
    {
      schema: {
        tags: ['seats'],
        summary: "Correct a seat's balance by an amount, with a reason (never below zero)",
        params: IdParams,
        body: z
          .object({
            amount: z.number().int().min(-100000).max(100000),
            reason: z.string().trim().min(3).max(500),
          })
          .strict(),
        response: { 201: z.object({ entry: LedgerEntry, seat: SeatSchema }) },
      },
      preHandler: admin,
    },
    async (req, reply) => {
      const u = orgUser(req);
      return reply
        .code(201)
        .send(await services.credits.adjust(u.orgId, u.id, req.params.id, req.body.amount, req.body.reason));
    },
  );

  app.post(
    '/v1/seats/:id/transfers',
    {
      schema: {
        tags: ['seats'],
        summary: "Move credits from the organization's pool to the seat",
        params: IdParams,
        body: z.object({ amount: z.number().int().min(1).max(100000) }).strict(),
        response: { 201: SeatSchema },
      },
      preHandler: admin,
    },
    async (req, reply) => {
      const u = orgUser(req);
      return reply
        .code(201)
        .send(await services.credits.transferFromPool(u.orgId, u.id, req.params.id, req.body.amount));
    },
  );

  app.get(
    '/v1/org/pool',
    {
      schema: {
        tags: ['seats'],
        summary: "The organization's credit pool (refunds go there when set so)",
        response: { 200: z.object({ balance: z.number().int() }) },
      },
      preHandler: reader,
    },
    async (req) => services.credits.pool(orgUser(req).orgId),
  );

  app.get(
    '/v1/org/policies',
    {
      schema: { tags: ['admin'], summary: "The organization's policies", response: { 200: Policies } },
      preHandler: reader,
    },
    async (req) => services.credits.policies(orgUser(req).orgId),
  );

  app.patch(
    '/v1/org/policies',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Change the refund rule, frequency caps, mandatory personalization, quality threshold, default send window',
        body: z
          .object({
            refundPolicy: z.enum(REFUND_POLICIES).optional(),
            refundWindowDays: z.number().int().min(1).max(365).optional(),
            refundTarget: z.enum(['seat', 'pool']).optional(),
            orgCapPerCandidate: z.number().int().min(1).max(100).optional(),
            orgCapWindowDays: z.number().int().min(1).max(365).optional(),
            mandatoryPersonalization: z.boolean().optional(),
            qualityBlockBelow: z.number().int().min(0).max(100).nullable().optional(),
            defaultSendWindow: SendWindowSchema.partial()
              .nullable()
              .optional()
              .describe('Merged into the current default; null restores the product default'),
          })
          .strict(),
        response: { 200: Policies },
      },
      preHandler: admin,
    },
    async (req) => {
      const u = orgUser(req);
      return services.credits.updatePolicies(u.orgId, u.id, req.body);
    },
  );

  app.get(
    '/v1/users',
    {
      schema: {
        tags: ['admin'],
        summary: "The organization's users with their roles and seats",
        response: { 200: z.object({ items: z.array(User) }) },
      },
      preHandler: guard({ roles: ['org_admin'] }),
    },
    async (req) => ({ items: await services.directory.users(orgUser(req).orgId) }),
  );

  app.post(
    '/v1/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Add a user to the organization (a new account with an initial password)',
        body: z
          .object({
            email: z.email(),
            firstName: z.string().trim().min(1).max(100),
            lastName: z.string().trim().min(1).max(100),
            title: z.string().trim().max(200).default(''),
            roles: z
              .array(z.enum(['org_admin', 'recruiter', 'hiring_manager']))
              .min(1)
              .max(3),
            password: z.string().min(10, 'at least 10 characters').max(1000),
          })
          .strict(),
        response: { 201: User },
      },
      preHandler: guard({ roles: ['org_admin'] }),
    },
    async (req, reply) => {
      const u = orgUser(req);
      return reply.code(201).send(await services.directory.createUser(u.orgId, u.id, req.body));
    },
  );

  app.patch(
    '/v1/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: "Change a user's roles, or disable / enable the user",
        params: IdParams,
        body: z
          .object({
            roles: z
              .array(z.enum(['org_admin', 'recruiter', 'hiring_manager']))
              .min(1)
              .max(3)
              .optional(),
            disabled: z.boolean().optional(),
          })
          .strict(),
        response: { 200: User },
      },
      preHandler: guard({ roles: ['org_admin'] }),
    },
    async (req) => {
      const u = orgUser(req);
      return services.directory.updateUser(u.orgId, u.id, req.params.id, req.body);
    },
  );

  app.get(
    '/v1/events',
    {
      schema: {
        tags: ['admin'],
        summary: "The organization's events after an id, oldest first (for integrations)",
        querystring: z
          .object({
            after: z.coerce.number().int().min(0).default(0),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            types: z.string().max(1000).optional().describe('Comma-separated event types'),
          })
          .strict(),
        response: { 200: z.object({ items: z.array(Event), next: z.number().int() }) },
      },
      preHandler: guard({ roles: ['org_admin'], scope: 'events:read' }),
    },
    async (req) => {
      const types = req.query.types
        ? req.query.types
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : null;
      const items = await services.directory.events(
        orgUser(req).orgId,
        req.query.after,
        req.query.limit,
        types,
      );
      return { items, next: items.length ? items[items.length - 1]!.id : req.query.after };
    },
  );
}
