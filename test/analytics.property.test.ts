/**
 * A property test of every report: random sends (InMails, free messages, connection requests) with
 * random outcomes at random delays (many exactly on a window's edge), moves into screening,
 * duplicate and unrelated events, and ledger entries are written as raw rows into a fresh
 * organization, in several transactions; the consumer reads them in tiny batches (so windows and
 * cursors are crossed many times). Then every report, from the rollups and from the send facts,
 * must equal a brute-force recomputation from the raw events written here.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { groupedMedian, HISTOGRAM_EDGES_HOURS, WINDOWS, type WindowDays } from '../src/domain/analytics.ts';
import { AnalyticsIngestService } from '../src/services/analytics-ingest.service.ts';
import {
  OUTREACH_GROUPS,
  type OutreachGroup,
  type ReportFilters,
  type Source,
} from '../src/services/analytics.service.ts';
import { createTestApp, type TestApp } from './support/app.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE = Date.parse('2026-01-05T00:00:00Z');
const SPAN_DAYS = 70;

let t: TestApp;
/** Recipients shared by all runs: [time zone, seniority]. One zone is not a real one. */
const RECIPIENTS: [string, string][] = [
  ['UTC', 'entry'],
  ['America/New_York', 'associate'],
  ['Europe/Berlin', 'senior'],
  ['Asia/Kolkata', 'partner'],
  ['Australia/Lord_Howe', 'director'],
  ['Pacific/Chatham', 'associate'],
  ['America/Los_Angeles', 'vp'],
  ['Not/A_Zone', 'entry'],
  ['Europe/London', 'lead'],
  ['America/Sao_Paulo', 'senior'],
];
const recipientIds: string[] = [];
let licenseTypeId: string;

before(async () => {
  t = await createTestApp({ template: 'empty' });
  const db = t.database.db;
  for (const [tz, seniority] of RECIPIENTS) {
    const r = await sql<{ id: string }>`
      INSERT INTO members (first_name, last_name, seniority, time_zone) VALUES ('R', ${tz}, ${seniority}, ${tz})
      RETURNING id`.execute(db);
    recipientIds.push(r.rows[0]!.id);
  }
  licenseTypeId = (await sql<{ id: string }>`SELECT id FROM license_types WHERE key = 'lite'`.execute(db))
    .rows[0]!.id;
});
after(async () => {
  await t.close();
});

type Channel = 'inmail' | 'message' | 'connection_request';

interface SendSpec {
  channel: Channel;
  user: number;
  recipient: number;
  offset: number;
  campaign: number | null;
  step: number | null;
  template: number | null;
  version: number | null;
  delivered: number | null;
  opened: number | null;
  clicked: number | null;
  accepted: number | null;
  declined: number | null;
  replied: number | null;
  replyAsMessage: boolean;
  duplicateAnswer: number | null;
  expired: boolean;
  refunded: number | null;
  screen: { after: number; stage: 'screening' | 'interview' | 'rejected' } | null;
}

const latency = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      1,
      HOUR,
      HOUR + 1,
      12 * HOUR,
      DAY,
      DAY + 1,
      2 * DAY,
      3 * DAY,
      3 * DAY + 1,
      7 * DAY - 1,
      7 * DAY,
      7 * DAY + 1,
      14 * DAY,
      30 * DAY,
      30 * DAY + 1,
      90 * DAY,
      90 * DAY + 1,
    ),
  },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 4 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 * DAY }) },
);
const sometimes = <T>(a: fc.Arbitrary<T>, freq = 2) => fc.option(a, { nil: null, freq });

const sendSpec: fc.Arbitrary<SendSpec> = fc.record({
  channel: fc.constantFrom<Channel>('inmail', 'inmail', 'inmail', 'message', 'connection_request'),
  user: fc.integer({ min: 0, max: 2 }),
  recipient: fc.integer({ min: 0, max: RECIPIENTS.length - 1 }),
  offset: fc.integer({ min: 0, max: SPAN_DAYS * DAY }),
  campaign: sometimes(fc.integer({ min: 0, max: 1 })),
  step: sometimes(fc.integer({ min: 0, max: 2 })),
  template: sometimes(fc.integer({ min: 0, max: 1 })),
  version: sometimes(fc.integer({ min: 1, max: 2 })),
  delivered: sometimes(fc.constantFrom(0, 60_000, DAY + 1), 5),
  opened: sometimes(latency),
  clicked: sometimes(latency, 3),
  accepted: sometimes(latency, 3),
  declined: sometimes(latency, 4),
  replied: sometimes(latency, 3),
  replyAsMessage: fc.boolean(),
  duplicateAnswer: sometimes(latency, 6),
  expired: fc.boolean(),
  refunded: sometimes(latency, 3),
  screen: sometimes(
    fc.record({
      after: latency,
      stage: fc.constantFrom('screening' as const, 'interview' as const, 'rejected' as const),
    }),
    3,
  ),
});

interface RawEvent {
  type: string;
  at: number;
  orgId: string | null;
  actorUserId?: string | null;
  actorMemberId?: string | null;
  seatId?: string | null;
  recipientMemberId?: string | null;
  inmailId?: string | null;
  campaignId?: string | null;
  data: Record<string, unknown>;
  /** sends sort before other events of the same instant */
  rank: number;
}

interface Fixture {
  orgId: string;
  users: { id: string; memberId: string; team: string | null; seatId: string | null }[];
  campaigns: string[];
  templates: string[];
}

async function fixture(): Promise<Fixture> {
  const db = t.database.db;
  const slug = `p-${randomUUID().slice(0, 8)}`;
  const orgId = (
    await sql<{
      id: string;
    }>`INSERT INTO organizations (name, slug) VALUES (${slug}, ${slug}) RETURNING id`.execute(db)
  ).rows[0]!.id;
  const users: Fixture['users'] = [];
  for (const [k, team] of (['Alpha', 'Alpha', null] as const).entries()) {
    const accountId = (
      await sql<{
        id: string;
      }>`INSERT INTO accounts (email, password_hash) VALUES (${`${slug}-${k}@p.test`}, 'x') RETURNING id`.execute(
        db,
      )
    ).rows[0]!.id;
    const userId = (
      await sql<{ id: string }>`
        INSERT INTO users (org_id, account_id, first_name, last_name, roles, team)
        VALUES (${orgId}, ${accountId}, 'U', ${String(k)}, ARRAY['recruiter'], ${team}) RETURNING id`.execute(
        db,
      )
    ).rows[0]!.id;
    const memberId = (
      await sql<{
        id: string;
      }>`INSERT INTO members (account_id, first_name, last_name) VALUES (${accountId}, 'U', ${String(k)}) RETURNING id`.execute(
        db,
      )
    ).rows[0]!.id;
    const seatId =
      k === 2
        ? null
        : (
            await sql<{ id: string }>`
              INSERT INTO seats (org_id, user_id, license_type_id, anniversary_day, period_started_at, renews_at, balance, created_at)
              VALUES (${orgId}, ${userId}, ${licenseTypeId}, 5, ${new Date(BASE)}, ${new Date(BASE + 31 * DAY)}, ${7 + k}, ${new Date(BASE)})
              RETURNING id`.execute(db)
          ).rows[0]!.id;
    users.push({ id: userId, memberId, team, seatId });
  }
  return { orgId, users, campaigns: [randomUUID(), randomUUID()], templates: [randomUUID(), randomUUID()] };
}

/** The events (and connection requests and ledger entries) of a scenario. */
function scenario(f: Fixture, specs: SendSpec[], strayMoves: { recipient: number; offset: number }[]) {
  const events: RawEvent[] = [];
  const requests: { id: string; from: string; to: string; campaignId: string | null; at: number }[] = [];
  const ledger: { seatId: string; kind: string; amount: number; at: number }[] = [];
  for (const s of specs) {
    const u = f.users[s.user]!;
    const member = recipientIds[s.recipient]!;
    const at = BASE + s.offset;
    const id = randomUUID();
    const campaignId = s.campaign === null ? null : f.campaigns[s.campaign]!;
    const templateId = s.template === null ? null : f.templates[s.template]!;
    const charged = s.channel === 'inmail' && u.seatId !== null;
    const base = {
      orgId: f.orgId,
      seatId: charged ? u.seatId : null,
      recipientMemberId: member,
      inmailId: id,
      campaignId,
      rank: 1,
    };
    const add = (type: string, lat: number | null, extra: Partial<RawEvent> = {}) => {
      if (lat !== null) events.push({ ...base, type, at: at + lat, data: {}, ...extra });
    };
    if (s.channel === 'connection_request') {
      requests.push({ id, from: u.memberId, to: member, campaignId, at });
      const req = { orgId: null, inmailId: null, seatId: null, campaignId: null, data: { requestId: id } };
      add('connection.requested', 0, { ...req, actorMemberId: u.memberId, rank: 0 });
      add('connection.accepted', s.accepted, { ...req, actorMemberId: member });
      add('connection.ignored', s.declined, { ...req, actorMemberId: member });
      add('connection.accepted', s.duplicateAnswer, { ...req, actorMemberId: member });
    } else {
      const c = s.channel;
      add(`${c}.sent`, 0, {
        actorUserId: u.id,
        rank: 0,
        data: { templateId, templateVersion: s.version, ...(s.step !== null ? { step: s.step } : {}) },
      });
      add(`${c}.delivered`, s.delivered);
      add(`${c}.opened`, s.opened);
      add(`${c}.clicked`, s.clicked);
      if (c === 'inmail') {
        add('inmail.accepted', s.accepted);
        add('inmail.declined', s.declined);
        add('inmail.accepted', s.duplicateAnswer);
        if (s.expired && s.accepted === null && s.declined === null && s.replied === null)
          add('inmail.expired', 90 * DAY);
        add('inmail.refunded', s.refunded);
        if (charged) {
          ledger.push({ seatId: u.seatId!, kind: 'spend', amount: -1, at });
          if (s.refunded !== null)
            ledger.push({ seatId: u.seatId!, kind: 'refund', amount: 1, at: at + s.refunded });
        }
      }
      if (s.replyAsMessage)
        add('message.sent', s.replied, { actorMemberId: member, data: { author: 'recipient' } });
      else add(`${c}.replied`, s.replied, { actorMemberId: member });
      // A sender's conversation message is not a send.
      add('message.sent', s.opened, { actorUserId: u.id, data: { author: 'sender' } });
    }
    if (s.screen) {
      events.push({
        type: 'project.stage_changed',
        at: at + s.screen.after,
        orgId: f.orgId,
        recipientMemberId: member,
        data: { to: s.screen.stage, from: 'replied', source: 'manual' },
        rank: 1,
      });
    }
  }
  for (const m of strayMoves) {
    events.push({
      type: 'project.stage_changed',
      at: BASE + m.offset,
      orgId: f.orgId,
      recipientMemberId: recipientIds[m.recipient]!,
      data: { to: 'screening' },
      rank: 1,
    });
  }
  // Noise: a member's own invitation and its answer, an unrelated event.
  const own = randomUUID();
  requests.push({ id: own, from: recipientIds[0]!, to: recipientIds[1]!, campaignId: null, at: BASE });
  events.push({
    type: 'connection.requested',
    at: BASE,
    orgId: null,
    actorMemberId: recipientIds[0]!,
    data: { requestId: own },
    rank: 0,
  });
  events.push({
    type: 'connection.accepted',
    at: BASE + HOUR,
    orgId: null,
    data: { requestId: own },
    rank: 1,
  });
  events.push({ type: 'seat.created', at: BASE, orgId: f.orgId, data: {}, rank: 1 });
  for (const u of f.users) {
    if (u.seatId) {
      ledger.push({ seatId: u.seatId, kind: 'grant', amount: 30, at: BASE });
      ledger.push({ seatId: u.seatId, kind: 'expire', amount: -4, at: BASE + 31 * DAY });
      ledger.push({ seatId: u.seatId, kind: 'adjust', amount: 2, at: BASE + 40 * DAY });
    }
  }
  events.sort((a, b) => a.at - b.at || a.rank - b.rank);
  return { events, requests, ledger };
}

async function write(
  f: Fixture,
  s: ReturnType<typeof scenario>,
  chunks: number,
  ingest: AnalyticsIngestService,
): Promise<void> {
  const db = t.database.db;
  for (const r of s.requests) {
    await sql`
      INSERT INTO connection_requests (id, from_member_id, to_member_id, status, created_at, campaign_id)
      VALUES (${r.id}, ${r.from}, ${r.to}, 'withdrawn', ${new Date(r.at)}, ${r.campaignId})`.execute(db);
  }
  await sql`
    INSERT INTO ledger_entries (org_id, seat_id, kind, amount, created_at)
    SELECT ${f.orgId}, seat_id, kind, amount, created_at
    FROM unnest(${s.ledger.map((l) => l.seatId)}::uuid[], ${s.ledger.map((l) => l.kind)}::text[],
                ${s.ledger.map((l) => l.amount)}::int[], ${s.ledger.map((l) => new Date(l.at))}::timestamptz[])
      AS x(seat_id, kind, amount, created_at)`.execute(db);
  const size = Math.ceil(s.events.length / chunks);
  for (let i = 0; i < s.events.length; i += size) {
    const e = s.events.slice(i, i + size);
    const col = <T>(fn: (x: RawEvent) => T) => e.map(fn);
    await sql`
      INSERT INTO events (type, occurred_at, org_id, actor_user_id, actor_member_id, seat_id, recipient_member_id,
                          inmail_id, campaign_id, data)
      SELECT type, occurred_at, org_id, actor_user_id, actor_member_id, seat_id, recipient_member_id, inmail_id,
             campaign_id, data
      FROM unnest(${col((x) => x.type)}::text[], ${col((x) => new Date(x.at))}::timestamptz[],
                  ${col((x) => x.orgId)}::uuid[], ${col((x) => x.actorUserId ?? null)}::uuid[],
                  ${col((x) => x.actorMemberId ?? null)}::uuid[], ${col((x) => x.seatId ?? null)}::uuid[],
                  ${col((x) => x.recipientMemberId ?? null)}::uuid[], ${col((x) => x.inmailId ?? null)}::uuid[],
                  ${col((x) => x.campaignId ?? null)}::uuid[], ${col((x) => JSON.stringify(x.data))}::jsonb[])
        WITH ORDINALITY AS u(type, occurred_at, org_id, actor_user_id, actor_member_id, seat_id, recipient_member_id,
                             inmail_id, campaign_id, data, ord)
      ORDER BY ord`.execute(db);
    // Consume between some of the transactions: the rollups are built incrementally.
    if (i % (2 * size) === 0) await ingest.catchUp();
  }
  await ingest.catchUp();
}

// ---------------------------------------------------------------------------------------------
// The brute force: straight from the raw events, in the order they were written.

interface BruteSend {
  channel: Channel;
  sentAt: number;
  index: number;
  userId: string;
  seatId: string | null;
  team: string | null;
  campaignId: string | null;
  step: number | null;
  templateId: string | null;
  templateVersion: number | null;
  seniority: string;
  memberId: string;
  weekday: number;
  hour: number;
  charged: boolean;
  at: Record<
    | 'delivered'
    | 'opened'
    | 'clicked'
    | 'accepted'
    | 'declined'
    | 'replied'
    | 'expired'
    | 'refunded'
    | 'screened',
    number | null
  >;
}

function bruteForce(f: Fixture, s: ReturnType<typeof scenario>): BruteSend[] {
  const byId = new Map<string, BruteSend>();
  const userOfMember = new Map(f.users.map((u) => [u.memberId, u]));
  const requests = new Map(s.requests.map((r) => [r.id, r]));
  const outcome: Record<string, keyof BruteSend['at']> = {
    delivered: 'delivered',
    opened: 'opened',
    clicked: 'clicked',
    accepted: 'accepted',
    declined: 'declined',
    replied: 'replied',
    expired: 'expired',
    refunded: 'refunded',
    ignored: 'declined',
  };
  const setMin = (id: string | null | undefined, k: keyof BruteSend['at'], at: number) => {
    const b = id ? byId.get(id) : undefined;
    if (b && (b.at[k] === null || at < b.at[k]!)) b.at[k] = at;
  };
  s.events.forEach((e, index) => {
    const [kind, what] = e.type.split('.') as [string, string];
    const newSend = (id: string, channel: Channel, u: Fixture['users'][number], member: string) => {
      if (byId.has(id)) return;
      const [tz, seniority] = RECIPIENTS[recipientIds.indexOf(member)]!;
      let local = DateTime.fromMillis(e.at, { zone: tz });
      if (!local.isValid) local = DateTime.fromMillis(e.at, { zone: 'UTC' });
      byId.set(id, {
        channel,
        sentAt: e.at,
        index,
        userId: u.id,
        seatId: channel === 'connection_request' ? null : (e.seatId ?? null),
        team: u.team,
        campaignId:
          channel === 'connection_request' ? (requests.get(id)?.campaignId ?? null) : (e.campaignId ?? null),
        step: typeof e.data.step === 'number' ? e.data.step : null,
        templateId: (e.data.templateId as string | null | undefined) ?? null,
        templateVersion: (e.data.templateVersion as number | null | undefined) ?? null,
        seniority,
        memberId: member,
        weekday: local.weekday,
        hour: local.hour,
        charged: channel === 'inmail' && (e.seatId ?? null) !== null,
        at: {
          delivered: null,
          opened: null,
          clicked: null,
          accepted: null,
          declined: null,
          replied: null,
          expired: null,
          refunded: null,
          screened: null,
        },
      });
    };
    if (e.type === 'connection.requested') {
      const u = userOfMember.get(e.actorMemberId ?? '');
      const id = e.data.requestId as string;
      if (u) newSend(id, 'connection_request', u, requests.get(id)!.to);
    } else if (kind === 'connection') {
      setMin(e.data.requestId as string, outcome[what]!, e.at);
    } else if ((e.type === 'inmail.sent' || e.type === 'message.sent') && e.data.author === undefined) {
      if (e.orgId === f.orgId)
        newSend(
          e.inmailId!,
          kind as Channel,
          f.users.find((u) => u.id === e.actorUserId)!,
          e.recipientMemberId!,
        );
    } else if (e.type === 'message.sent') {
      if (e.data.author === 'recipient') setMin(e.inmailId, 'replied', e.at);
    } else if (e.type === 'project.stage_changed') {
      if (!['screening', 'interview', 'offer', 'hired'].includes(e.data.to as string)) return;
      let best: BruteSend | null = null;
      for (const b of byId.values()) {
        if (b.memberId !== e.recipientMemberId || b.sentAt > e.at || e.at - b.sentAt > 90 * DAY) continue;
        if (!best || b.sentAt > best.sentAt || (b.sentAt === best.sentAt && b.index > best.index)) best = b;
      }
      if (best && (best.at.screened === null || e.at < best.at.screened)) best.at.screened = e.at;
    } else if (outcome[what] && (kind === 'inmail' || kind === 'message')) {
      setMin(e.inmailId, outcome[what]!, e.at);
    }
  });
  return [...byId.values()];
}

function responded(b: BruteSend): number | null {
  const xs = [b.at.accepted, b.at.declined, b.at.replied].filter((x): x is number => x !== null);
  return xs.length ? Math.min(...xs) : null;
}

function keyOf(b: BruteSend, group: string): string {
  const day = new Date(b.sentAt).toISOString().slice(0, 10);
  switch (group) {
    case 'none':
      return '';
    case 'recruiter':
      return b.userId;
    case 'seat':
      return b.seatId ?? '';
    case 'team':
      return b.team ?? '';
    case 'campaign':
      return b.campaignId ?? '';
    case 'step':
      return b.campaignId && b.step !== null ? `${b.campaignId}:${b.step}` : '';
    case 'template':
      return b.templateId ?? '';
    case 'templateVersion':
      return b.templateId ? `${b.templateId}:${b.templateVersion ?? ''}` : '';
    case 'seniority':
      return b.seniority;
    case 'channel':
      return b.channel;
    case 'month':
      return day.slice(0, 7);
    case 'week': {
      const d = new Date(`${day}T00:00:00Z`);
      return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
    }
    default:
      throw new Error(group);
  }
}

function matches(b: BruteSend, from: string, to: string, f: ReportFilters & { subject?: string }): boolean {
  const day = new Date(b.sentAt).toISOString().slice(0, 10);
  return (
    day >= from &&
    day < to &&
    (f.channel === undefined || b.channel === f.channel) &&
    (f.recruiterId === undefined || b.userId === f.recruiterId) &&
    (f.seatId === undefined || b.seatId === f.seatId) &&
    (f.team === undefined || b.team === f.team) &&
    (f.campaignId === undefined || b.campaignId === f.campaignId) &&
    (f.step === undefined || b.step === f.step) &&
    (f.templateId === undefined || b.templateId === f.templateId) &&
    (f.templateVersion === undefined || b.templateVersion === f.templateVersion) &&
    (f.seniority === undefined || b.seniority === f.seniority)
  );
}

function within(b: BruteSend, at: number | null, windowDays: number): boolean {
  return at !== null && Math.max(0, at - b.sentAt) <= windowDays * DAY;
}

function metricsOf(list: BruteSend[], w: number) {
  const n = (k: keyof BruteSend['at']) => list.filter((b) => within(b, b.at[k], w)).length;
  const resp = list.filter((b) => within(b, responded(b), w));
  const hist = HISTOGRAM_EDGES_HOURS.filter((e) => e <= w * 24).map(() => 0);
  for (const b of resp) {
    const h = Math.max(0, responded(b)! - b.sentAt) / HOUR;
    const i = HISTOGRAM_EDGES_HOURS.findIndex((e) => h <= e);
    hist[i]! += 1;
  }
  const sent = list.length;
  const r = (x: number) => (sent ? x / sent : null);
  return {
    sent,
    delivered: n('delivered'),
    opened: n('opened'),
    clicked: n('clicked'),
    accepted: n('accepted'),
    declined: n('declined'),
    replied: n('replied'),
    responded: resp.length,
    noResponse: sent - resp.length,
    responseRate: r(resp.length),
    acceptanceRate: r(n('accepted')),
    medianHoursToFirstResponse: groupedMedian(hist),
    screened: n('screened'),
    screenConversion: r(n('screened')),
  };
}

function group(list: BruteSend[], g: string): Map<string, BruteSend[]> {
  const m = new Map<string, BruteSend[]>();
  for (const b of list) m.set(keyOf(b, g), [...(m.get(keyOf(b, g)) ?? []), b]);
  return m;
}

function sameMetrics(actual: Record<string, unknown>, expected: ReturnType<typeof metricsOf>, what: string) {
  for (const [k, v] of Object.entries(expected)) {
    const a = actual[k];
    if (typeof v === 'number' && typeof a === 'number' && !Number.isInteger(v)) {
      assert.ok(Math.abs(a - v) < 1e-9, `${what} ${k}: ${a} != ${v}`);
    } else {
      assert.equal(a, v, `${what} ${k}`);
    }
  }
}

test('every report equals a brute-force recomputation from the raw events', async () => {
  const ingest = new AnalyticsIngestService(t.services.store, t.clock, { batchSize: 7 });
  const analytics = t.services.analytics;
  t.clock.set(new Date(BASE + 120 * DAY));
  await fc.assert(
    fc.asyncProperty(
      fc.array(sendSpec, { minLength: 1, maxLength: 60 }),
      fc.array(
        fc.record({
          recipient: fc.integer({ min: 0, max: RECIPIENTS.length - 1 }),
          offset: fc.integer({ min: 0, max: SPAN_DAYS * DAY }),
        }),
        {
          maxLength: 4,
        },
      ),
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom(...WINDOWS),
      fc.integer({ min: 0, max: SPAN_DAYS - 1 }),
      fc.integer({ min: 1, max: SPAN_DAYS + 10 }),
      fc.constantFrom<OutreachGroup>(...OUTREACH_GROUPS),
      fc.constantFrom<Source>('auto', 'rollup', 'raw'),
      fc.constantFrom(undefined, 'inmail' as const, 'connection_request' as const),
      async (specs, stray, chunks, windowDays: WindowDays, fromDay, length, groupBy, source, channel) => {
        const f = await fixture();
        const s = scenario(f, specs, stray);
        await write(f, s, chunks, ingest);
        const brute = bruteForce(f, s);
        const day = (d: number) => new Date(BASE + d * DAY).toISOString().slice(0, 10);
        const from = day(fromDay);
        const to = day(fromDay + length);
        const filters: ReportFilters = channel ? { channel } : {};

        // Outreach, grouped, from the source asked for.
        const rep = await analytics.outreach(f.orgId, groupBy, { from, to, windowDays, filters, source });
        const inRange = brute.filter((b) => matches(b, from, to, filters));
        sameMetrics(
          rep.totals as unknown as Record<string, unknown>,
          metricsOf(inRange, windowDays),
          `totals by ${groupBy}`,
        );
        const expected = group(inRange, groupBy);
        const nonEmpty = rep.rows.filter((r) => r.sent > 0);
        assert.deepEqual(
          nonEmpty.map((r) => r.key).sort(),
          [...expected.keys()].sort(),
          `keys by ${groupBy}`,
        );
        for (const r of rep.rows) {
          const list = expected.get(r.key) ?? [];
          sameMetrics(
            r as unknown as Record<string, unknown>,
            metricsOf(list, windowDays),
            `${groupBy} ${r.key}`,
          );
        }

        // A filter on another dimension (the send facts), and one on the grouped one (the rollup).
        const u = f.users[specs[0]!.user]!;
        const narrow: ReportFilters = { ...filters, recruiterId: u.id, templateId: f.templates[0] };
        const byTeam = await analytics.outreach(f.orgId, 'team', { from, to, windowDays, filters: narrow });
        assert.equal(byTeam.meta.source, 'raw');
        sameMetrics(
          byTeam.totals as unknown as Record<string, unknown>,
          metricsOf(
            brute.filter((b) => matches(b, from, to, narrow)),
            windowDays,
          ),
          'narrowed',
        );
        const one = await analytics.outreach(f.orgId, 'month', {
          from,
          to,
          windowDays,
          filters: { recruiterId: u.id },
        });
        assert.equal(one.meta.source, 'rollup');
        sameMetrics(
          one.totals as unknown as Record<string, unknown>,
          metricsOf(
            brute.filter((b) => matches(b, from, to, { recruiterId: u.id })),
            windowDays,
          ),
          'one recruiter',
        );

        // Trends by week and recruiter.
        const tr = await analytics.trends(f.orgId, 'week', 'recruiter', {
          from,
          to,
          windowDays,
          filters,
          source,
        });
        for (const series of tr.series) {
          const weeks = group(
            inRange.filter((b) => b.userId === series.key),
            'week',
          );
          for (const p of series.points) {
            const m = metricsOf(weeks.get(p.period) ?? [], windowDays);
            assert.deepEqual(
              [p.sent, p.responded, p.accepted, p.screened],
              [m.sent, m.responded, m.accepted, m.screened],
              `week ${p.period} of ${series.key}`,
            );
          }
        }

        // Heatmap, from the rollup and from the facts.
        for (const hf of [filters, { ...filters, recruiterId: u.id }]) {
          const h = await analytics.heatmap(f.orgId, { from, to, windowDays, filters: hf });
          const list = brute.filter((b) => matches(b, from, to, hf));
          for (const c of h.cells) {
            const here = list.filter((b) => b.weekday === c.weekday && b.hour === c.hour);
            assert.deepEqual(
              [c.sent, c.responded],
              [here.length, here.filter((b) => within(b, responded(b), windowDays)).length],
              `heatmap ${c.weekday} ${c.hour}`,
            );
          }
        }

        // A/B of the two templates.
        const ab = await analytics.abTest(
          f.orgId,
          { kind: 'template', templateId: f.templates[0]! },
          { kind: 'template', templateId: f.templates[1]!, templateVersion: 1 },
          { from, to, windowDays, filters, minSample: 5 },
        );
        for (const [arm, tf] of [
          [ab.a, { templateId: f.templates[0] }],
          [ab.b, { templateId: f.templates[1], templateVersion: 1 }],
        ] as const) {
          const list = brute.filter((b) => matches(b, from, to, { ...filters, ...tf }));
          assert.deepEqual(
            [arm.sent, arm.responded],
            [list.length, list.filter((b) => within(b, responded(b), windowDays)).length],
            'a/b arm',
          );
        }

        // Credits per seat: flows in the period, pending refunds now.
        const cr = await analytics.credits(f.orgId, 'seat', { from, to });
        for (const seat of cr.seats) {
          const entries = s.ledger.filter((l) => {
            const d = new Date(l.at).toISOString().slice(0, 10);
            return l.seatId === seat.seatId && d >= from && d < to;
          });
          const sum = (kind: string) =>
            entries.filter((l) => l.kind === kind).reduce((n, l) => n + l.amount, 0);
          assert.deepEqual(
            [seat.granted, seat.spent, seat.refunded, seat.expired, seat.adjusted],
            [sum('grant'), 0 - sum('spend'), sum('refund'), 0 - sum('expire'), sum('adjust')],
            'credit flows',
          );
          const pending = brute.filter(
            (b) =>
              b.seatId === seat.seatId &&
              b.charged &&
              responded(b) === null &&
              b.at.expired === null &&
              b.at.refunded === null,
          ).length;
          assert.equal(seat.pendingRefunds, pending, 'pending refunds');
        }
      },
    ),
    { numRuns: Number(process.env.INMAIL_PROPERTY_RUNS ?? 12) },
  );
});
