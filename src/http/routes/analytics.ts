import { z } from 'zod';
import type { App, RouteContext } from '../app.ts';
import { orgUser } from '../auth.ts';
import { type Cell, sendCsv } from '../csv.ts';
import { CHANNELS, WINDOWS, type WindowDays } from '../../domain/analytics.ts';
import {
  CREDIT_GROUPS,
  OUTREACH_GROUPS,
  TREND_GROUPS,
  type AbVariant,
  type ReportParams,
} from '../../services/analytics.service.ts';
import { IdParams, Timestamp, Uuid } from '../schemas.ts';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a calendar date',
    },
  );

const Window = z.coerce
  .number()
  .int()
  .refine((n) => (WINDOWS as readonly number[]).includes(n), { message: `one of ${WINDOWS.join(', ')}` })
  .optional()
  .describe(
    `Response window in days (${WINDOWS.join(', ')}; default 7): an outcome counts when it came within it`,
  );

const Period = {
  from: Day.optional().describe('First day (UTC) of sends counted; default 90 days before `to`'),
  to: Day.optional().describe('Day after the last day counted (exclusive); default tomorrow'),
};

const Filters = {
  channel: z.enum(CHANNELS).optional(),
  recruiterId: Uuid.optional(),
  seatId: Uuid.optional(),
  team: z.string().min(1).max(100).optional(),
  campaignId: Uuid.optional(),
  step: z.coerce
    .number()
    .int()
    .min(0)
    .max(9)
    .optional()
    .describe('A sequence step (0-based), with campaignId'),
  templateId: Uuid.optional(),
  templateVersion: z.coerce.number().int().min(0).max(100000).optional().describe('With templateId'),
  seniority: z.string().min(1).max(50).optional(),
};

const Common = {
  ...Period,
  windowDays: Window,
  ...Filters,
  source: z
    .enum(['auto', 'rollup', 'raw'])
    .default('auto')
    .describe('auto: the rollups when they can answer, else the send facts (any filter)'),
  format: z.enum(['json', 'csv']).default('json'),
};

const Meta = z.object({
  report: z.string(),
  from: z.string(),
  to: z.string().describe('Exclusive'),
  windowDays: z.number().int().nullable(),
  window: z.string().describe('How outcomes are counted'),
  groupBy: z.string().nullable(),
  filters: z.record(z.string(), z.unknown()),
  source: z.enum(['rollup', 'raw', 'ledger']),
  completeBefore: z.string().optional().describe('Sends before this day have had their whole window'),
  generatedAt: Timestamp,
  current: z.boolean().describe('Every event committed before the report was consumed'),
});

const Rate = z.number().nullable().describe('A fraction (0.4 = 40%); null without sends');

const Metrics = z.object({
  sent: z.number().int(),
  delivered: z.number().int(),
  opened: z.number().int(),
  clicked: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  replied: z.number().int(),
  responded: z.number().int().describe('Accepted, declined or replied within the window'),
  noResponse: z.number().int(),
  responseRate: Rate,
  acceptanceRate: Rate,
  medianHoursToFirstResponse: z.number().nullable(),
  screened: z
    .number()
    .int()
    .describe('Sends credited with a move of the candidate to screening within the window'),
  screenConversion: Rate,
});

const METRIC_COLUMNS = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'accepted',
  'declined',
  'replied',
  'responded',
  'noResponse',
  'responseRate',
  'acceptanceRate',
  'medianHoursToFirstResponse',
  'screened',
  'screenConversion',
] as const;

const Variant = z
  .string()
  .max(220)
  .transform((s, ctx): AbVariant => {
    const t = /^template:([0-9a-fA-F-]{36})(?::(\d{1,6}))?$/.exec(s);
    if (t) {
      const v: AbVariant = { kind: 'template', templateId: t[1]!.toLowerCase() };
      if (t[2] !== undefined) v.templateVersion = Number(t[2]);
      if (z.uuid().safeParse(v.templateId).success) return v;
    }
    const m = /^subject:(.{1,200})$/s.exec(s);
    if (m) return { kind: 'subject', subject: m[1]! };
    ctx.addIssue({ code: 'custom', message: 'template:<id>[:<version>] or subject:<text>' });
    return z.NEVER;
  });

function params(q: {
  from?: string | undefined;
  to?: string | undefined;
  windowDays?: number | undefined;
  source?: 'auto' | 'rollup' | 'raw';
  channel?: (typeof CHANNELS)[number] | undefined;
  recruiterId?: string | undefined;
  seatId?: string | undefined;
  team?: string | undefined;
  campaignId?: string | undefined;
  step?: number | undefined;
  templateId?: string | undefined;
  templateVersion?: number | undefined;
  seniority?: string | undefined;
}): ReportParams {
  const filters = {
    channel: q.channel,
    recruiterId: q.recruiterId,
    seatId: q.seatId,
    team: q.team,
    campaignId: q.campaignId,
    step: q.step,
    templateId: q.templateId,
    templateVersion: q.templateVersion,
    seniority: q.seniority,
  };
  return {
    from: q.from,
    to: q.to,
    windowDays: q.windowDays as WindowDays | undefined,
    source: q.source,
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
  };
}

export function analyticsRoutes(app: App, { services, guard }: RouteContext) {
  const reader = guard({ orgUser: true, scope: 'analytics:read' });

  app.get(
    '/v1/analytics/outreach',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Outreach by recruiter, seat, team, campaign, sequence step, template (and version), seniority, channel, week or month: sent, delivered, opened, clicked, accepted, declined, replied, no response, response and acceptance rates, median time to first response, InMail -> screen conversion',
        description: 'format=csv answers text/csv with the window, period and source on every row.',
        querystring: z.object({ groupBy: z.enum(OUTREACH_GROUPS).default('none'), ...Common }).strict(),
        response: {
          200: z.object({
            meta: Meta,
            totals: Metrics,
            rows: z.array(Metrics.extend({ key: z.string(), label: z.string() })),
          }),
        },
      },
      preHandler: reader,
    },
    async (req, reply) => {
      const r = await services.analytics.outreach(orgUser(req).orgId, req.query.groupBy, params(req.query));
      if (req.query.format === 'json') return r;
      const m = r.meta;
      return sendCsv(
        reply,
        `outreach-by-${req.query.groupBy}-${m.from}-${m.to}`,
        ['groupBy', 'key', 'label', ...METRIC_COLUMNS, 'windowDays', 'from', 'to', 'source'],
        r.rows.map((x) => [
          m.groupBy,
          x.key,
          x.label,
          ...METRIC_COLUMNS.map((c) => x[c]),
          m.windowDays,
          m.from,
          m.to,
          m.source,
        ]),
      );
    },
  );

  app.get(
    '/v1/analytics/trends',
    {
      schema: {
        tags: ['analytics'],
        summary: 'Response rate (and acceptance, screen conversion) per month or week, one line per group',
        querystring: z
          .object({
            interval: z.enum(['month', 'week']).default('month'),
            groupBy: z.enum(TREND_GROUPS).default('none'),
            ...Common,
            from: Day.optional().describe('Default: the first day of the month five months ago (monthly)'),
            to: Day.optional().describe('Exclusive; default: the first day of next month (monthly)'),
          })
          .strict(),
        response: {
          200: z.object({
            meta: Meta.extend({ interval: z.enum(['month', 'week']) }),
            series: z.array(
              z.object({
                key: z.string(),
                label: z.string(),
                points: z.array(
                  z.object({
                    period: z.string().describe('YYYY-MM, or the Monday of the week'),
                    sent: z.number().int(),
                    responded: z.number().int(),
                    responseRate: Rate,
                    accepted: z.number().int(),
                    acceptanceRate: Rate,
                    screened: z.number().int(),
                    screenConversion: Rate,
                  }),
                ),
              }),
            ),
          }),
        },
      },
      preHandler: reader,
    },
    async (req, reply) => {
      const q = req.query;
      const r = await services.analytics.trends(orgUser(req).orgId, q.interval, q.groupBy, params(q));
      if (q.format === 'json') return r;
      const m = r.meta;
      const rows: Cell[][] = [];
      for (const s of r.series) {
        for (const p of s.points) {
          rows.push([
            s.key,
            s.label,
            p.period,
            p.sent,
            p.responded,
            p.responseRate,
            p.accepted,
            p.acceptanceRate,
            p.screened,
            p.screenConversion,
            m.windowDays,
            m.source,
          ]);
        }
      }
      return sendCsv(
        reply,
        `trends-${q.interval}-${m.from}-${m.to}`,
        [
          'key',
          'label',
          'period',
          'sent',
          'responded',
          'responseRate',
          'accepted',
          'acceptanceRate',
          'screened',
          'screenConversion',
          'windowDays',
          'source',
        ],
        rows,
      );
    },
  );

  const Arm = z.object({
    variant: z.object({
      kind: z.enum(['template', 'subject']),
      templateId: z.string().optional(),
      templateVersion: z.number().int().optional(),
      subject: z.string().optional(),
    }),
    label: z.string(),
    sent: z.number().int(),
    responded: z.number().int(),
    responseRate: Rate,
  });

  app.get(
    '/v1/analytics/ab-test',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'A/B: two templates (or versions) or two subject lines compared on response rate (two-proportion z-test: difference, confidence interval, p-value)',
        querystring: z
          .object({
            a: Variant.describe('template:<id>[:<version>] or subject:<text>'),
            b: Variant.describe('template:<id>[:<version>] or subject:<text>'),
            level: z.coerce
              .number()
              .refine((x) => [0.8, 0.9, 0.95, 0.99].includes(x), { message: 'one of 0.8, 0.9, 0.95, 0.99' })
              .default(0.95),
            minSample: z.coerce.number().int().min(5).max(100000).default(30),
            ...Common,
          })
          .strict(),
        response: {
          200: z.object({
            meta: Meta.extend({ level: z.number(), minSample: z.number().int() }),
            a: Arm,
            b: Arm,
            test: z.object({
              status: z.enum(['ok', 'not_enough_data']),
              reason: z.string().nullable(),
              rateA: Rate,
              rateB: Rate,
              difference: z.number().nullable().describe('rate B - rate A'),
              confidenceInterval: z
                .object({ level: z.number(), low: z.number(), high: z.number() })
                .nullable(),
              z: z.number().nullable(),
              pValue: z.number().nullable(),
              significant: z.boolean().nullable(),
              minSample: z.number().int(),
            }),
          }),
        },
      },
      preHandler: reader,
    },
    async (req, reply) => {
      const q = req.query;
      const r = await services.analytics.abTest(orgUser(req).orgId, q.a, q.b, {
        ...params(q),
        level: q.level,
        minSample: q.minSample,
      });
      if (q.format === 'json') return r;
      const t = r.test;
      return sendCsv(
        reply,
        `ab-test-${r.meta.from}-${r.meta.to}`,
        [
          'variant',
          'label',
          'sent',
          'responded',
          'responseRate',
          'status',
          'difference',
          'ciLow',
          'ciHigh',
          'level',
          'z',
          'pValue',
          'significant',
          'windowDays',
          'from',
          'to',
        ],
        (['a', 'b'] as const).map((k) => [
          k,
          r[k].label,
          r[k].sent,
          r[k].responded,
          r[k].responseRate,
          t.status,
          t.difference,
          t.confidenceInterval?.low,
          t.confidenceInterval?.high,
          r.meta.level,
          t.z,
          t.pValue,
          t.significant,
          r.meta.windowDays,
          r.meta.from,
          r.meta.to,
        ]),
      );
    },
  );

  app.get(
    '/v1/analytics/heatmap',
    {
      schema: {
        tags: ['analytics'],
        summary:
          "Send-time heatmap: response rate by weekday and hour of sending in the recipient's local time",
        querystring: z.object(Common).strict(),
        response: {
          200: z.object({
            meta: Meta,
            cells: z.array(
              z.object({
                weekday: z.number().int().describe('ISO weekday: 1 = Monday ... 7 = Sunday'),
                hour: z.number().int(),
                sent: z.number().int(),
                responded: z.number().int(),
                responseRate: Rate,
              }),
            ),
          }),
        },
      },
      preHandler: reader,
    },
    async (req, reply) => {
      const r = await services.analytics.heatmap(orgUser(req).orgId, params(req.query));
      if (req.query.format === 'json') return r;
      const m = r.meta;
      return sendCsv(
        reply,
        `heatmap-${m.from}-${m.to}`,
        ['weekday', 'hour', 'sent', 'responded', 'responseRate', 'windowDays', 'from', 'to', 'source'],
        r.cells.map((c) => [
          c.weekday,
          c.hour,
          c.sent,
          c.responded,
          c.responseRate,
          m.windowDays,
          m.from,
          m.to,
          m.source,
        ]),
      );
    },
  );

  const CreditRow = z.object({
    key: z.string(),
    label: z.string(),
    seats: z.number().int(),
    granted: z.number().int(),
    spent: z.number().int(),
    refunded: z.number().int(),
    expired: z.number().int(),
    adjusted: z.number().int(),
    transferredIn: z.number().int(),
    reservedInPeriod: z.number().int(),
    releasedInPeriod: z.number().int(),
    netUsed: z.number().int(),
    balance: z.number().int(),
    reserved: z.number().int(),
    pendingRefunds: z.number().int(),
    pacePerDay: z.number(),
    nextRenewalAt: Timestamp.nullable(),
    seatsRunningOut: z.number().int(),
  });

  app.get(
    '/v1/analytics/credits',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Credits by seat, recruiter, team or organization: granted, spent, refunded, expired, reserved; balance, pending refunds, and a forecast of running out before the next renewal at the current pace',
        description: 'Org admins see every seat; others their own.',
        querystring: z
          .object({
            groupBy: z.enum(CREDIT_GROUPS).default('seat'),
            ...Period,
            from: Day.optional().describe('First day of the flows; default 30 days before `to`'),
            format: z.enum(['json', 'csv']).default('json'),
          })
          .strict(),
        response: {
          200: z.object({
            meta: Meta,
            totals: CreditRow,
            pool: z.object({ balance: z.number().int().nullable() }),
            seats: z.array(
              z.object({
                seatId: z.string(),
                userId: z.string().nullable(),
                holder: z.string().nullable(),
                team: z.string().nullable(),
                licenseType: z.string(),
                monthlyAllotment: z.number().int(),
                granted: z.number().int(),
                spent: z.number().int(),
                refunded: z.number().int(),
                expired: z.number().int(),
                adjusted: z.number().int(),
                transferredIn: z.number().int(),
                reservedInPeriod: z.number().int(),
                releasedInPeriod: z.number().int(),
                netUsed: z.number().int(),
                balance: z.number().int(),
                reserved: z.number().int(),
                pendingRefunds: z.number().int(),
                renewsAt: Timestamp.nullable(),
                pacePerDay: z.number(),
                runsOutAt: Timestamp.nullable(),
                runsOutBeforeRenewal: z.boolean(),
                projectedBalanceAtRenewal: z.number().nullable(),
              }),
            ),
            rows: z.array(CreditRow),
          }),
        },
      },
      preHandler: reader,
    },
    async (req, reply) => {
      const u = orgUser(req);
      let seatIds: string[] | null = null;
      if (!u.roles.includes('org_admin')) {
        const own = await services.credits.seatOfUser(u.orgId, u.id);
        seatIds = own ? [own.id] : [];
      }
      const r = await services.analytics.credits(u.orgId, req.query.groupBy, { ...req.query, seatIds });
      if (req.query.format === 'json') return r;
      const cols = [
        'granted',
        'spent',
        'refunded',
        'expired',
        'adjusted',
        'transferredIn',
        'reservedInPeriod',
        'releasedInPeriod',
        'netUsed',
        'balance',
        'reserved',
        'pendingRefunds',
        'renewsAt',
        'pacePerDay',
        'runsOutAt',
        'runsOutBeforeRenewal',
        'projectedBalanceAtRenewal',
      ] as const;
      if (req.query.groupBy !== 'seat') {
        // One row per group (recruiter, team, or all seats), as the JSON's `rows`.
        const sums = [
          'seats',
          ...cols.filter((c) => typeof r.totals[c as keyof typeof r.totals] === 'number'),
          'nextRenewalAt',
          'seatsRunningOut',
        ] as (keyof (typeof r.rows)[number])[];
        return sendCsv(
          reply,
          `credits-by-${req.query.groupBy}-${r.meta.from}-${r.meta.to}`,
          ['groupBy', 'key', 'label', ...sums, 'from', 'to'],
          r.rows.map((g) => [
            req.query.groupBy,
            g.key,
            g.label,
            ...sums.map((c) => g[c]),
            r.meta.from,
            r.meta.to,
          ]),
        );
      }
      return sendCsv(
        reply,
        `credits-${r.meta.from}-${r.meta.to}`,
        ['seatId', 'holder', 'team', 'licenseType', ...cols, 'from', 'to'],
        r.seats.map((s) => [
          s.seatId,
          s.holder,
          s.team,
          s.licenseType,
          ...cols.map((c) => s[c]),
          r.meta.from,
          r.meta.to,
        ]),
      );
    },
  );

  app.get(
    '/v1/analytics/teams',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The team labels in use, with their number of users',
        response: {
          200: z.object({ items: z.array(z.object({ team: z.string(), users: z.number().int() })) }),
        },
      },
      preHandler: reader,
    },
    async (req) => services.analytics.teams(orgUser(req).orgId),
  );

  app.patch(
    '/v1/users/:id/team',
    {
      schema: {
        tags: ['admin'],
        summary: "Set a user's team label (reports group by it), or null for none",
        params: IdParams,
        body: z.object({ team: z.string().trim().min(1).max(100).nullable() }).strict(),
        response: { 200: z.object({ userId: z.string(), team: z.string().nullable() }) },
      },
      preHandler: guard({ roles: ['org_admin'] }),
    },
    async (req) => {
      const u = orgUser(req);
      return services.analytics.setTeam(u.orgId, u.id, req.params.id, req.body.team);
    },
  );
}
