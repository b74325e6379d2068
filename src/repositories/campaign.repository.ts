import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { CampaignStatus } from '../domain/campaign.ts';
import type { SendWindow } from '../domain/send-window.ts';
import type { SequenceStepKind } from '../domain/sequence.ts';
import type { MemberProfile } from '../domain/profile.ts';
import { profileFromRow, type ProfileColumns } from './member-profile.ts';

export type Audience =
  | { kind: 'members'; memberIds: string[] }
  | { kind: 'list'; listId: string }
  | { kind: 'saved_search'; savedSearchId: string };

export interface CampaignRow {
  id: string;
  org_id: string;
  created_by: string;
  name: string;
  objective: 'fill_role' | 'build_pipeline' | 'keep_in_touch';
  status: CampaignStatus;
  seat_id: string;
  audience: Audience;
  audience_count: number | null;
  budget: number | null;
  reserve_keep: number;
  daily_cap: number | null;
  send_window: SendWindow;
  ownership_window_days: number;
  start_at: Date | null;
  started_at: Date | null;
  paused_at: Date | null;
  paused_reason: string | null;
  finished_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface StepRow {
  campaign_id: string;
  position: number;
  kind: SequenceStepKind;
  delay_business_days: number;
  template_id: string | null;
  template_version: number | null;
  template_set_id: string | null;
  subject: string;
  body: string;
}

export type RecipientStatus = 'pending' | 'needs_personalization' | 'snoozed' | 'skipped' | 'done' | 'failed';

export interface RecipientRow {
  campaign_id: string;
  member_id: string;
  status: RecipientStatus;
  step: number;
  next_action_at: Date | null;
  last_sent_at: Date | null;
  thread_id: string | null;
  first_inmail_id: string | null;
  personalization: string | null;
  override: boolean;
  skip_reason: string | null;
  outcome: string | null;
  error: string | null;
  enrolled_at: Date;
  updated_at: Date;
}

/** Everything the runner needs to decide about one recipient, gathered in one query. */
export interface FactsRow extends ProfileColumns {
  account_id: string | null;
  inmail_enabled: boolean;
  contact_later_until: Date | null;
  blocked_user: boolean;
  blocked_org: boolean;
  connected: boolean;
  recent: { at: string; org: string }[] | null;
  in_other_campaign: boolean;
  teammate_contacted_at: Date | null;
  accepted_at: Date | null;
  declined_at: Date | null;
  replied_at: Date | null;
  decline_contact_later_until: Date | null;
  invitation_accepted_at: Date | null;
}

export interface Decided {
  memberId: string;
  status: RecipientStatus;
  nextActionAt: Date | null;
  skipReason: string | null;
  outcome: string | null;
  /** Set when a step was passed over (moves the step forward without a send). */
  step: number | null;
  lastSentAt: Date | null;
  error: string | null;
}

/** The profile part of a facts row, as the domain's MemberProfile. */
export const factsProfile = (m: FactsRow): MemberProfile => profileFromRow(m);

export class CampaignRepository {
  constructor(private readonly db: Executor) {}

  async create(c: {
    orgId: string;
    createdBy: string;
    name: string;
    objective: CampaignRow['objective'];
    seatId: string;
    audience: Audience;
    budget: number | null;
    reserveKeep: number;
    dailyCap: number | null;
    window: SendWindow;
    ownershipWindowDays: number;
    startAt: Date | null;
    at: Date;
  }): Promise<string> {
    const r = await sql<{ id: string }>`
      INSERT INTO campaigns (org_id, created_by, name, objective, seat_id, audience, budget, reserve_keep, daily_cap,
                             send_window, ownership_window_days, start_at, created_at, updated_at)
      VALUES (${c.orgId}, ${c.createdBy}, ${c.name}, ${c.objective}, ${c.seatId}, ${JSON.stringify(c.audience)}::jsonb,
              ${c.budget}, ${c.reserveKeep}, ${c.dailyCap}, ${JSON.stringify(c.window)}::jsonb, ${c.ownershipWindowDays},
              ${c.startAt}, ${c.at}, ${c.at})
      RETURNING id`.execute(this.db);
    return r.rows[0]!.id;
  }

  async update(
    orgId: string,
    id: string,
    p: Partial<{
      name: string;
      objective: CampaignRow['objective'];
      seatId: string;
      audience: Audience;
      budget: number | null;
      reserveKeep: number;
      dailyCap: number | null;
      window: SendWindow;
      ownershipWindowDays: number;
      startAt: Date | null;
    }>,
    at: Date,
  ): Promise<void> {
    const has = (k: keyof typeof p) => p[k] !== undefined;
    await sql`
      UPDATE campaigns SET
        name = CASE WHEN ${has('name')} THEN ${p.name ?? null}::text ELSE name END,
        objective = CASE WHEN ${has('objective')} THEN ${p.objective ?? null}::text ELSE objective END,
        seat_id = CASE WHEN ${has('seatId')} THEN ${p.seatId ?? null}::uuid ELSE seat_id END,
        audience = CASE WHEN ${has('audience')} THEN ${JSON.stringify(p.audience ?? null)}::jsonb ELSE audience END,
        budget = CASE WHEN ${has('budget')} THEN ${p.budget ?? null}::int ELSE budget END,
        reserve_keep = CASE WHEN ${has('reserveKeep')} THEN ${p.reserveKeep ?? null}::int ELSE reserve_keep END,
        daily_cap = CASE WHEN ${has('dailyCap')} THEN ${p.dailyCap ?? null}::int ELSE daily_cap END,
        send_window = CASE WHEN ${has('window')} THEN ${JSON.stringify(p.window ?? null)}::jsonb ELSE send_window END,
        ownership_window_days = CASE WHEN ${has('ownershipWindowDays')} THEN ${p.ownershipWindowDays ?? null}::int ELSE ownership_window_days END,
        start_at = CASE WHEN ${has('startAt')} THEN ${p.startAt ?? null}::timestamptz ELSE start_at END,
        updated_at = ${at}
      WHERE org_id = ${orgId} AND id = ${id}`.execute(this.db);
  }

  async get(orgId: string, id: string): Promise<CampaignRow | undefined> {
    const r = await sql<CampaignRow>`SELECT * FROM campaigns WHERE org_id = ${orgId} AND id = ${id}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async lock(orgId: string, id: string): Promise<CampaignRow | undefined> {
    const r = await sql<CampaignRow>`
      SELECT * FROM campaigns WHERE org_id = ${orgId} AND id = ${id} FOR UPDATE`.execute(this.db);
    return r.rows[0];
  }

  /**
   * The runner's lock on a running campaign. SKIP LOCKED: when another runner holds it, this one
   * steps aside (two runner jobs for one campaign are harmless, never concurrent).
   */
  async lockForRun(id: string): Promise<CampaignRow | undefined> {
    const r = await sql<CampaignRow>`
      SELECT * FROM campaigns WHERE id = ${id} AND status = 'running' FOR UPDATE SKIP LOCKED`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async list(orgId: string, after: { at: Date; id: string } | null, limit: number): Promise<CampaignRow[]> {
    const r = await sql<CampaignRow>`
      SELECT * FROM campaigns
      WHERE org_id = ${orgId}
        AND (${after?.at ?? null}::timestamptz IS NULL OR (created_at, id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY created_at DESC, id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async listAll(): Promise<(CampaignRow & { org_name: string })[]> {
    const r = await sql<CampaignRow & { org_name: string }>`
      SELECT c.*, o.name AS org_name FROM campaigns c JOIN organizations o ON o.id = c.org_id
      ORDER BY c.created_at DESC, c.id`.execute(this.db);
    return r.rows;
  }

  /** Campaigns whose scheduler should be running: running ones, and scheduled ones now due. */
  async active(now: Date): Promise<{ id: string; org_id: string; status: CampaignStatus }[]> {
    const r = await sql<{ id: string; org_id: string; status: CampaignStatus }>`
      SELECT id, org_id, status FROM campaigns
      WHERE status = 'running' OR (status = 'scheduled' AND start_at <= ${now})`.execute(this.db);
    return r.rows;
  }

  async setStatus(
    id: string,
    status: CampaignStatus,
    at: Date,
    stamps: {
      started?: boolean;
      paused?: boolean;
      pausedReason?: string;
      finished?: boolean;
      audienceCount?: number;
    } = {},
  ): Promise<void> {
    await sql`
      UPDATE campaigns SET status = ${status}, updated_at = ${at},
        started_at = CASE WHEN ${stamps.started ?? false} THEN coalesce(started_at, ${at}::timestamptz) ELSE started_at END,
        paused_at = CASE WHEN ${stamps.paused ?? false} THEN ${at}::timestamptz ELSE NULL END,
        paused_reason = ${stamps.pausedReason ?? null}::text,
        finished_at = CASE WHEN ${stamps.finished ?? false} THEN ${at}::timestamptz ELSE finished_at END,
        audience_count = coalesce(${stamps.audienceCount ?? null}::int, audience_count)
      WHERE id = ${id}`.execute(this.db);
  }

  async steps(campaignId: string): Promise<StepRow[]> {
    const r = await sql<StepRow>`
      SELECT * FROM campaign_steps WHERE campaign_id = ${campaignId} ORDER BY position`.execute(this.db);
    return r.rows;
  }

  async replaceSteps(
    campaignId: string,
    steps: {
      kind: SequenceStepKind;
      delayBusinessDays: number;
      templateId: string | null;
      templateVersion: number | null;
      templateSetId: string | null;
      subject: string;
      body: string;
    }[],
  ): Promise<void> {
    await sql`DELETE FROM campaign_steps WHERE campaign_id = ${campaignId}`.execute(this.db);
    if (steps.length === 0) return;
    await sql`
      INSERT INTO campaign_steps (campaign_id, position, kind, delay_business_days, template_id, template_version,
                                  template_set_id, subject, body)
      SELECT ${campaignId}, s.position, s.kind, s.delay, s.template_id, s.template_version, s.template_set_id,
             s.subject, s.body
      FROM unnest(${steps.map((_, i) => i)}::int[], ${steps.map((s) => s.kind)}::text[],
                  ${steps.map((s) => s.delayBusinessDays)}::int[], ${steps.map((s) => s.templateId)}::uuid[],
                  ${steps.map((s) => s.templateVersion)}::int[], ${steps.map((s) => s.templateSetId)}::uuid[],
                  ${steps.map((s) => s.subject)}::text[], ${steps.map((s) => s.body)}::text[])
        AS s(position, kind, delay, template_id, template_version, template_set_id, subject, body)`.execute(
      this.db,
    );
  }

  /** Enrolls members (ignoring ones already enrolled); returns how many were added. */
  async enroll(campaignId: string, orgId: string, memberIds: string[], at: Date): Promise<number> {
    if (memberIds.length === 0) return 0;
    const r = await sql`
      INSERT INTO campaign_recipients (campaign_id, member_id, org_id, enrolled_at, updated_at)
      SELECT ${campaignId}, m.id, ${orgId}, ${at}, ${at}
      FROM members m WHERE m.id = ANY(${memberIds}::uuid[])
      ON CONFLICT DO NOTHING`.execute(this.db);
    return Number(r.numAffectedRows ?? 0);
  }

  /** Enrolls every member of one of the organization's candidate lists, in one statement. */
  async enrollList(campaignId: string, orgId: string, listId: string, at: Date): Promise<number> {
    const r = await sql`
      INSERT INTO campaign_recipients (campaign_id, member_id, org_id, enrolled_at, updated_at)
      SELECT ${campaignId}, lm.member_id, ${orgId}, ${at}, ${at}
      FROM candidate_list_members lm JOIN candidate_lists l ON l.id = lm.list_id
      WHERE l.org_id = ${orgId} AND l.id = ${listId}
      ON CONFLICT DO NOTHING`.execute(this.db);
    return Number(r.numAffectedRows ?? 0);
  }

  async listExists(orgId: string, listId: string): Promise<boolean> {
    const r = await sql<{ ok: boolean }>`
      SELECT EXISTS (SELECT 1 FROM candidate_lists WHERE org_id = ${orgId} AND id = ${listId}) AS ok`.execute(
      this.db,
    );
    return r.rows[0]!.ok;
  }

  /** Recipients without a planned first send, with their time zone (planning goes in batches). */
  async unplanned(campaignId: string, limit: number): Promise<{ member_id: string; time_zone: string }[]> {
    const r = await sql<{ member_id: string; time_zone: string }>`
      SELECT cr.member_id, m.time_zone FROM campaign_recipients cr JOIN members m ON m.id = cr.member_id
      WHERE cr.campaign_id = ${campaignId} AND cr.status = 'pending' AND cr.next_action_at IS NULL
      LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async plan(campaignId: string, rows: { memberId: string; at: Date }[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE campaign_recipients cr SET next_action_at = x.at
      FROM unnest(${rows.map((r) => r.memberId)}::uuid[], ${rows.map((r) => r.at)}::timestamptz[]) AS x(member_id, at)
      WHERE cr.campaign_id = ${campaignId} AND cr.member_id = x.member_id`.execute(this.db);
  }

  /** Due recipients, oldest first, locked (and skipped by a concurrent runner). */
  async claimDue(campaignId: string, now: Date, limit: number): Promise<RecipientRow[]> {
    const r = await sql<RecipientRow>`
      SELECT * FROM campaign_recipients
      WHERE campaign_id = ${campaignId} AND status IN ('pending', 'snoozed') AND next_action_at <= ${now}
      ORDER BY next_action_at, member_id
      LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(this.db);
    return r.rows;
  }

  /** The earliest upcoming action of a campaign, for scheduling its next run. */
  async nextDue(campaignId: string): Promise<Date | null> {
    const r = await sql<{ at: Date | null }>`
      SELECT min(next_action_at) AS at FROM campaign_recipients
      WHERE campaign_id = ${campaignId} AND status IN ('pending', 'snoozed')`.execute(this.db);
    return r.rows[0]?.at ?? null;
  }

  /** Recipients still in the campaign (not done, skipped or failed). */
  async openCount(campaignId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM campaign_recipients
      WHERE campaign_id = ${campaignId} AND status IN ('pending', 'needs_personalization', 'snoozed')`.execute(
      this.db,
    );
    return r.rows[0]!.n;
  }

  /**
   * The facts about a batch of recipients that the rules need, in one query: profile, wishes,
   * blocks, connection to the sender, recent InMails for the caps, collisions, and the response to
   * this campaign so far. Shaped as one query with correlated subqueries so the batch costs one
   * round trip; each subquery uses an index on (recipient, time) or (campaign, member).
   */
  async facts(q: {
    campaignId: string;
    orgId: string;
    senderUserId: string;
    senderMemberId: string | null;
    memberIds: string[];
    capsSince: Date;
    ownershipSince: Date;
  }): Promise<FactsRow[]> {
    const r = await sql<FactsRow>`
      SELECT m.id, m.account_id, m.first_name, m.last_name, m.headline, m.summary, m.industry, m.seniority, m.city,
             m.region, m.country, m.time_zone, m.positions, m.education, m.projects, m.publications, m.skills,
             m.platforms, m.languages, m.open_to_work, m.years_experience, m.inmail_enabled, m.contact_later_until,
        EXISTS (SELECT 1 FROM member_blocks b WHERE b.member_id = m.id AND b.blocked_user_id = ${q.senderUserId}) AS blocked_user,
        EXISTS (SELECT 1 FROM member_blocks b WHERE b.member_id = m.id AND b.blocked_org_id = ${q.orgId}) AS blocked_org,
        (${q.senderMemberId}::uuid IS NOT NULL AND EXISTS (
          SELECT 1 FROM connections c WHERE c.member_a = least(m.id, ${q.senderMemberId}::uuid)
                                         AND c.member_b = greatest(m.id, ${q.senderMemberId}::uuid))) AS connected,
        (SELECT json_agg(json_build_object('at', i.sent_at, 'org', i.org_id)) FROM inmails i
          WHERE i.recipient_member_id = m.id AND i.channel = 'inmail' AND i.sent_at > ${q.capsSince}) AS recent,
        EXISTS (SELECT 1 FROM campaign_recipients o JOIN campaigns c ON c.id = o.campaign_id
                WHERE o.org_id = ${q.orgId} AND o.member_id = m.id AND o.campaign_id <> ${q.campaignId}
                  AND o.status IN ('pending', 'needs_personalization', 'snoozed')
                  AND c.status IN ('scheduled', 'running', 'paused')) AS in_other_campaign,
        (SELECT max(i.sent_at) FROM inmails i
          WHERE i.org_id = ${q.orgId} AND i.recipient_member_id = m.id AND i.sender_user_id <> ${q.senderUserId}
            AND i.sent_at > ${q.ownershipSince}) AS teammate_contacted_at,
        resp.accepted_at, resp.declined_at, resp.replied_at, resp.contact_later_until AS decline_contact_later_until,
        (SELECT max(cq.responded_at) FROM connection_requests cq
          WHERE cq.campaign_id = ${q.campaignId} AND cq.to_member_id = m.id AND cq.status = 'accepted') AS invitation_accepted_at
      FROM members m
      LEFT JOIN campaign_recipients cr ON cr.campaign_id = ${q.campaignId} AND cr.member_id = m.id
      LEFT JOIN LATERAL (
        SELECT min(i.accepted_at) AS accepted_at, min(i.declined_at) AS declined_at, min(i.replied_at) AS replied_at,
               max(i.contact_later_until) AS contact_later_until
        FROM inmails i WHERE i.thread_id = cr.thread_id
      ) resp ON true
      WHERE m.id = ANY(${q.memberIds}::uuid[])`.execute(this.db);
    return r.rows;
  }

  /** Writes the decisions that are not sends (waits, skips, stops ...) of a batch, in one statement. */
  async applyDecisions(campaignId: string, rows: Decided[], at: Date): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      UPDATE campaign_recipients cr SET
        status = x.status, next_action_at = x.next_action_at, skip_reason = x.skip_reason,
        outcome = x.outcome, step = coalesce(x.step, cr.step), last_sent_at = coalesce(x.last_sent_at, cr.last_sent_at),
        error = x.error, updated_at = ${at}
      FROM unnest(${rows.map((r) => r.memberId)}::uuid[], ${rows.map((r) => r.status)}::text[],
                  ${rows.map((r) => r.nextActionAt)}::timestamptz[], ${rows.map((r) => r.skipReason)}::text[],
                  ${rows.map((r) => r.outcome)}::text[], ${rows.map((r) => r.step)}::int[],
                  ${rows.map((r) => r.lastSentAt)}::timestamptz[], ${rows.map((r) => r.error)}::text[])
        AS x(member_id, status, next_action_at, skip_reason, outcome, step, last_sent_at, error)
      WHERE cr.campaign_id = ${campaignId} AND cr.member_id = x.member_id`.execute(this.db);
  }

  async recipient(campaignId: string, memberId: string): Promise<RecipientRow | undefined> {
    const r = await sql<RecipientRow>`
      SELECT * FROM campaign_recipients WHERE campaign_id = ${campaignId} AND member_id = ${memberId}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async lockRecipient(campaignId: string, memberId: string): Promise<RecipientRow | undefined> {
    const r = await sql<RecipientRow>`
      SELECT * FROM campaign_recipients WHERE campaign_id = ${campaignId} AND member_id = ${memberId}
      FOR UPDATE`.execute(this.db);
    return r.rows[0];
  }

  async updateRecipient(
    campaignId: string,
    memberId: string,
    p: {
      status: RecipientStatus;
      nextActionAt?: Date | null;
      personalization?: string | null;
      override?: boolean;
      skipReason?: string | null;
    },
    at: Date,
  ): Promise<void> {
    await sql`
      UPDATE campaign_recipients SET status = ${p.status},
        next_action_at = CASE WHEN ${p.nextActionAt !== undefined} THEN ${p.nextActionAt ?? null}::timestamptz ELSE next_action_at END,
        personalization = CASE WHEN ${p.personalization !== undefined} THEN ${p.personalization ?? null}::text ELSE personalization END,
        override = coalesce(${p.override ?? null}::boolean, override),
        skip_reason = CASE WHEN ${p.skipReason !== undefined} THEN ${p.skipReason ?? null}::text ELSE skip_reason END,
        updated_at = ${at}
      WHERE campaign_id = ${campaignId} AND member_id = ${memberId}`.execute(this.db);
  }

  /** A recipient whose send could not be made: out of the campaign, with the error. */
  async markFailed(campaignId: string, memberId: string, error: string, at: Date): Promise<void> {
    await sql`
      UPDATE campaign_recipients SET status = 'failed', next_action_at = NULL, error = ${error.slice(0, 1000)},
        updated_at = ${at}
      WHERE campaign_id = ${campaignId} AND member_id = ${memberId}`.execute(this.db);
  }

  /** Counts by status, skip reason and outcome, and the steps sent. */
  async progress(campaignId: string): Promise<{ status: string; reason: string | null; n: number }[]> {
    const r = await sql<{ status: string; reason: string | null; n: number }>`
      SELECT status, coalesce(skip_reason, outcome) AS reason, count(*)::int AS n FROM campaign_recipients
      WHERE campaign_id = ${campaignId} GROUP BY 1, 2 ORDER BY 1, 2`.execute(this.db);
    return r.rows;
  }

  /** Sends per step (every step sent to a recipient is one `campaign.step_sent` event). */
  async sendsByStep(campaignId: string): Promise<{ step: number; n: number }[]> {
    const r = await sql<{ step: number; n: number }>`
      SELECT (data->>'step')::int AS step, count(*)::int AS n FROM events
      WHERE campaign_id = ${campaignId} AND type = 'campaign.step_sent'
      GROUP BY 1 ORDER BY 1`.execute(this.db);
    return r.rows;
  }

  /** Recipients by the last step they reached. */
  async stepsSent(campaignId: string): Promise<{ step: number; n: number }[]> {
    const r = await sql<{ step: number; n: number }>`
      SELECT step, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = ${campaignId} AND step >= 0
      GROUP BY step ORDER BY step`.execute(this.db);
    return r.rows;
  }

  async recipients(
    campaignId: string,
    status: RecipientStatus | null,
    after: string | null,
    limit: number,
  ): Promise<
    (RecipientRow & { first_name: string; last_name: string; headline: string; time_zone: string })[]
  > {
    const r = await sql<
      RecipientRow & { first_name: string; last_name: string; headline: string; time_zone: string }
    >`
      SELECT cr.*, m.first_name, m.last_name, m.headline, m.time_zone
      FROM campaign_recipients cr JOIN members m ON m.id = cr.member_id
      WHERE cr.campaign_id = ${campaignId} AND (${status}::text IS NULL OR cr.status = ${status}::text)
        AND (${after}::uuid IS NULL OR cr.member_id > ${after}::uuid)
      ORDER BY cr.member_id LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** Credits still reserved for the campaign: the sum of its ledger entries' reserved deltas. */
  async reservation(campaignId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT coalesce(sum(reserved_delta), 0)::int AS n FROM ledger_entries WHERE campaign_id = ${campaignId}`.execute(
      this.db,
    );
    return r.rows[0]!.n;
  }

  /** Credits the campaign has spent (charged InMails). */
  async charged(campaignId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ledger_entries WHERE campaign_id = ${campaignId} AND kind = 'spend'`.execute(
      this.db,
    );
    return r.rows[0]!.n;
  }

  /** Serializes the contact counters of a batch of recipients, in a fixed order (no deadlocks). */
  async lockContacts(memberIds: string[]): Promise<void> {
    if (memberIds.length === 0) return;
    await sql`
      SELECT pg_advisory_xact_lock(k)
      FROM (SELECT DISTINCT hashtextextended('contact:' || id::text, 0) AS k FROM unnest(${memberIds}::uuid[]) AS id
            ORDER BY 1) s`.execute(this.db);
  }

  /**
   * The audience of a campaign for a dry run: the enrolled recipients once started, else the
   * members its source names (explicit ids or a candidate list), with the total.
   */
  /**
   * A page of the audience in member-id order, after `after` (keyset), with the size of the whole
   * audience (counted before the page is cut).
   */
  async audiencePreview(
    c: CampaignRow,
    limit: number,
    after: string | null = null,
  ): Promise<{
    total: number;
    rows: { id: string; first_name: string; last_name: string; time_zone: string }[];
  }> {
    type Row = { id: string; first_name: string; last_name: string; time_zone: string; total: number };
    let audience;
    if (c.audience_count !== null) {
      audience = sql`
        SELECT m.id, m.first_name, m.last_name, m.time_zone FROM campaign_recipients cr JOIN members m ON m.id = cr.member_id
        WHERE cr.campaign_id = ${c.id}`;
    } else if (c.audience.kind === 'members') {
      audience = sql`
        SELECT m.id, m.first_name, m.last_name, m.time_zone FROM members m
        WHERE m.id = ANY(${c.audience.memberIds}::uuid[])`;
    } else if (c.audience.kind === 'list') {
      audience = sql`
        SELECT m.id, m.first_name, m.last_name, m.time_zone
        FROM candidate_list_members lm JOIN candidate_lists l ON l.id = lm.list_id JOIN members m ON m.id = lm.member_id
        WHERE l.org_id = ${c.org_id} AND l.id = ${c.audience.listId}`;
    } else {
      // A saved search is run when the campaign starts; until then the preview cannot list it.
      return { total: 0, rows: [] };
    }
    const r = await sql<Row>`
      SELECT * FROM (SELECT a.*, count(*) OVER ()::int AS total FROM (${audience}) a) x
      WHERE ${after}::uuid IS NULL OR x.id > ${after}::uuid
      ORDER BY x.id LIMIT ${limit}`.execute(this.db);
    if (r.rows.length === 0 && after !== null) {
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${audience}) a`.execute(this.db);
      return { total: n.rows[0]!.n, rows: [] };
    }
    return { total: r.rows[0]?.total ?? 0, rows: r.rows };
  }
}
