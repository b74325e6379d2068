/**
 * Campaigns and sequences as recruiters manage them: drafts, the frozen audience, the budget as a
 * ledger reservation, the status machine (domain/campaign.ts, the same moves the scheduler uses),
 * the dry run, progress, the personalization queue, and collision overrides. Sending itself is the
 * scheduler's (campaign-runner.ts).
 */
import type { Clock } from '../clock.ts';
import { allowedActions, transition, type CampaignAction } from '../domain/campaign.ts';
import { DateTime } from 'luxon';
import type { SkipReason } from '../domain/campaign-run.ts';
import {
  DomainError,
  forbidden,
  invalid,
  notFound,
  unprocessable,
  type FieldError,
} from '../domain/errors.ts';
import { checkPersonalization, personalizationSuggestions } from '../domain/personalization.ts';
import {
  DEFAULT_SEND_WINDOW,
  isInsideWindow,
  planSendTimes,
  validateSendWindow,
  type SendWindow,
} from '../domain/send-window.ts';
import { validateSequence, type SequenceStepKind } from '../domain/sequence.ts';
import { parseTemplate, requiresPersonalization, TemplateError } from '../domain/template.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { orgSendWindow } from './credit.service.ts';
import type { SearchService } from './search.service.ts';
import type { Repos, Store } from '../repositories/index.ts';
import { profileFromRow } from '../repositories/member-profile.ts';
import {
  type Audience,
  type CampaignRow,
  type RecipientStatus,
  type StepRow,
} from '../repositories/campaign.repository.ts';
import { completeCampaign } from './campaign-runner.ts';
import { post } from './credit.service.ts';

export const CAMPAIGN_RUN_JOB = 'campaigns.run';
export const CAMPAIGN_SWEEP_JOB = 'campaigns.sweep';

export interface StepInput {
  kind: SequenceStepKind;
  delayBusinessDays: number;
  subject?: string | undefined;
  body?: string | undefined;
  /** Text from one of the organization's templates (copied, with its version, when saved). */
  templateId?: string | null | undefined;
  templateVersion?: number | null | undefined;
  /** A template set: the template is chosen per candidate seniority when the step is sent. */
  templateSetId?: string | null | undefined;
}

type StepRowInput = Parameters<Repos['campaigns']['replaceSteps']>[1][number];

export interface CampaignInput {
  name: string;
  objective: CampaignRow['objective'];
  seatId?: string | undefined;
  audience: Audience;
  steps: StepInput[];
  budget?: number | null | undefined;
  reserve?: number | undefined;
  dailyCap?: number | null | undefined;
  window?: Partial<SendWindow> | undefined;
  ownershipWindowDays?: number | undefined;
  startAt?: Date | null | undefined;
}

export interface Actor {
  orgId: string;
  userId: string;
  roles: string[];
}

const MAX_EXPLICIT_MEMBERS = 10_000;

/** How often the sweeper tries again to start a scheduled campaign that could not start. */
export const START_RETRY_MINUTES = 15;

export class CampaignService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly queue: JobQueue | null,
    private readonly search: SearchService,
  ) {}

  /**
   * A saved search's matches, frozen at start (up to 10,000, best first). Computed before the
   * start's transaction opens: the search runs its own (on the embedded database a transaction
   * inside another would wait for itself).
   */
  private async savedSearchAudience(c: CampaignRow): Promise<string[] | null> {
    if (c.audience.kind !== 'saved_search') return null;
    const saved = await this.store.repos.savedSearches.get(c.org_id, c.created_by, c.audience.savedSearchId);
    if (!saved) throw notFound('saved search');
    const owner = await this.store.repos.users.get(c.org_id, c.created_by);
    return this.search.matchingIds(
      { orgId: c.org_id, userId: c.created_by, memberId: owner?.member_id ?? null },
      { query: saved.query, filters: saved.filters as never },
      MAX_EXPLICIT_MEMBERS,
    );
  }

  // ---- drafts -------------------------------------------------------------------------------

  async create(actor: Actor, input: CampaignInput) {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const seatId = await this.resolveSeat(r, actor, input.seatId);
      // The organization's default window (set by an admin) unless the campaign sets its own.
      const window = this.window(input.window, orgSendWindow(await r.policies.get(actor.orgId)));
      const steps = await this.resolveSteps(r, actor, input.steps);
      await this.validateAudience(r, actor.orgId, actor.userId, input.audience);
      const id = await r.campaigns.create({
        orgId: actor.orgId,
        createdBy: actor.userId,
        name: input.name,
        objective: input.objective,
        seatId,
        audience: input.audience,
        budget: input.budget ?? null,
        reserveKeep: input.reserve ?? 0,
        dailyCap: input.dailyCap ?? null,
        window,
        ownershipWindowDays: input.ownershipWindowDays ?? 30,
        startAt: input.startAt ?? null,
        at: now,
      });
      await r.campaigns.replaceSteps(id, steps);
      await r.events.append({
        type: 'campaign.created',
        occurredAt: now,
        orgId: actor.orgId,
        actorUserId: actor.userId,
        campaignId: id,
      });
      return this.view(r, (await r.campaigns.get(actor.orgId, id))!);
    });
  }

  async update(actor: Actor, id: string, input: Partial<CampaignInput>) {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const c = await r.campaigns.lock(actor.orgId, id);
      if (!c) throw notFound('campaign');
      if (c.status !== 'draft' && c.status !== 'scheduled') {
        throw new DomainError(
          'conflict',
          'campaign_not_editable',
          `A ${c.status} campaign cannot be edited; pause it or create a new one`,
        );
      }
      const seatId = input.seatId !== undefined ? await this.resolveSeat(r, actor, input.seatId) : undefined;
      const steps = input.steps ? await this.resolveSteps(r, actor, input.steps) : null;
      if (input.audience) await this.validateAudience(r, actor.orgId, actor.userId, input.audience);
      await r.campaigns.update(
        actor.orgId,
        id,
        {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.objective !== undefined ? { objective: input.objective } : {}),
          ...(seatId !== undefined ? { seatId } : {}),
          ...(input.audience !== undefined ? { audience: input.audience } : {}),
          ...(input.budget !== undefined ? { budget: input.budget } : {}),
          ...(input.reserve !== undefined ? { reserveKeep: input.reserve } : {}),
          ...(input.dailyCap !== undefined ? { dailyCap: input.dailyCap } : {}),
          ...(input.window !== undefined
            ? { window: this.window({ ...c.send_window, ...input.window }) }
            : {}),
          ...(input.ownershipWindowDays !== undefined
            ? { ownershipWindowDays: input.ownershipWindowDays }
            : {}),
          ...(input.startAt !== undefined ? { startAt: input.startAt } : {}),
        },
        now,
      );
      if (steps) await r.campaigns.replaceSteps(id, steps);
      return this.view(r, (await r.campaigns.get(actor.orgId, id))!);
    });
  }

  async get(orgId: string, id: string) {
    const c = await this.store.repos.campaigns.get(orgId, id);
    if (!c) throw notFound('campaign');
    return this.view(this.store.repos, c);
  }

  async list(orgId: string, cursor: { at: Date; id: string } | null, limit: number) {
    const rows = await this.store.repos.campaigns.list(orgId, cursor, limit + 1);
    const page = rows.slice(0, limit);
    const items = await Promise.all(page.map((c) => this.view(this.store.repos, c, false)));
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > limit && last ? { at: last.created_at, id: last.id } : null };
  }

  // ---- the status machine -------------------------------------------------------------------

  /**
   * Starts a draft or scheduled campaign now (or schedules it, when its start is in the future):
   * freezes the audience with its count and reserves the budget on the seat.
   */
  async start(actor: Actor, id: string) {
    const now = this.clock.now();
    const pre = await this.store.repos.campaigns.get(actor.orgId, id);
    if (!pre) throw notFound('campaign');
    // A saved search is run when the campaign begins: now, unless a draft is only being scheduled
    // (a scheduled campaign started early begins now too).
    const scheduling = pre.status === 'draft' && pre.start_at !== null && pre.start_at > now;
    const searched = scheduling ? null : await this.savedSearchAudience(pre);
    const view = await this.store.tx(async (r, trx) => {
      const c = await r.campaigns.lock(actor.orgId, id);
      if (!c) throw notFound('campaign');
      if (c.start_at && c.start_at > now && c.status === 'draft') {
        transition(c.status, 'schedule');
        await this.checkStartable(r, c);
        await r.campaigns.setStatus(id, 'scheduled', now);
        await r.events.append({
          type: 'campaign.scheduled',
          occurredAt: now,
          orgId: c.org_id,
          actorUserId: actor.userId,
          campaignId: id,
          data: { startAt: c.start_at },
        });
        return this.view(r, (await r.campaigns.get(actor.orgId, id))!);
      }
      transition(c.status, 'start');
      await this.begin(r, c, actor.userId, now, searched);
      if (this.queue) await this.queue.enqueue(trx, CAMPAIGN_RUN_JOB, { campaignId: id });
      return this.view(r, (await r.campaigns.get(actor.orgId, id))!);
    });
    return view;
  }

  /** Running campaigns (the sweeper makes sure each has a scheduler run queued). */
  async runningIds(): Promise<string[]> {
    return (await this.store.repos.campaigns.active(this.clock.now()))
      .filter((c) => c.status === 'running')
      .map((c) => c.id);
  }

  /**
   * The sweeper starts scheduled campaigns whose time has come. One that cannot start (no credits to
   * reserve, an empty audience) stays scheduled, with the reason in `pausedReason` and a
   * `campaign.start_failed` event when the reason is new, and is tried again every
   * START_RETRY_MINUTES: it starts once it can (credits renew, the list fills), or the recruiter
   * cancels it. (The status machine has no other move from scheduled.) A failed attempt leaves
   * nothing behind: it is rolled back whole, and the reason is written afterwards.
   */
  async startDue(): Promise<string[]> {
    const now = this.clock.now();
    const started: string[] = [];
    for (const a of await this.store.repos.campaigns.active(now)) {
      if (a.status !== 'scheduled') continue;
      const pre = await this.store.repos.campaigns.get(a.org_id, a.id);
      if (!pre) continue;
      if (pre.paused_reason && pre.updated_at.getTime() > now.getTime() - START_RETRY_MINUTES * 60_000)
        continue;
      const searched = await this.savedSearchAudience(pre).catch(() => null);
      try {
        await this.store.tx(async (r, trx) => {
          const c = await r.campaigns.lock(a.org_id, a.id);
          if (!c || c.status !== 'scheduled') return;
          await this.begin(r, c, null, now, searched);
          if (this.queue) await this.queue.enqueue(trx, CAMPAIGN_RUN_JOB, { campaignId: c.id });
          started.push(c.id);
        });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        await this.store.tx(async (r) => {
          const c = await r.campaigns.lock(a.org_id, a.id);
          if (!c || c.status !== 'scheduled') return;
          await r.campaigns.setStatus(c.id, 'scheduled', now, { pausedReason: reason });
          if (c.paused_reason === reason) return;
          await r.events.append({
            type: 'campaign.start_failed',
            occurredAt: now,
            orgId: c.org_id,
            campaignId: c.id,
            data: { reason },
          });
        });
      }
    }
    return started;
  }

  private async checkStartable(r: Repos, c: CampaignRow) {
    const policy = await r.policies.get(c.org_id);
    const steps = await r.campaigns.steps(c.id);
    if (steps.length === 0) throw unprocessable('no_steps', 'A campaign needs at least one step');
    if (policy.mandatory_personalization) {
      const missing = steps.filter(
        (s) =>
          s.kind !== 'connection_request' &&
          !requiresPersonalization(parseTemplate(s.body)) &&
          !requiresPersonalization(parseTemplate(s.subject)),
      );
      if (missing.length) {
        throw unprocessable(
          'personalization_slot_required',
          'Your organization requires personalization: every message step needs a {{personalization}} slot',
          undefined,
          missing.map((s) => ({ field: `steps.${s.position}.body`, message: 'add {{personalization}}' })),
        );
      }
    }
    const seat = await r.seats.get(c.org_id, c.seat_id);
    if (!seat || seat.revoked_at)
      throw unprocessable('seat_unavailable', 'The campaign seat is revoked or gone');
  }

  /** Enrolls the audience, reserves the budget, and moves the campaign to running. */
  private async begin(
    r: Repos,
    c: CampaignRow,
    actorUserId: string | null,
    now: Date,
    searched: string[] | null = null,
  ) {
    await this.checkStartable(r, c);
    let count = 0;
    const a = c.audience;
    if (a.kind === 'members') count = await r.campaigns.enroll(c.id, c.org_id, a.memberIds, now);
    else if (a.kind === 'list') count = await r.campaigns.enrollList(c.id, c.org_id, a.listId, now);
    else count = await r.campaigns.enroll(c.id, c.org_id, searched ?? [], now);
    if (count === 0) throw unprocessable('empty_audience', 'The audience is empty');

    let reserved = 0;
    if (c.budget !== null) {
      const seat = (await r.seats.lock(c.org_id, c.seat_id))!;
      const available = Math.max(0, seat.balance - c.reserve_keep);
      reserved = Math.min(c.budget, available);
      if (reserved <= 0) {
        throw new DomainError(
          'payment_required',
          'insufficient_credits',
          `The seat holds ${seat.balance} credits and must keep ${c.reserve_keep}: nothing left to reserve for the budget`,
          { extra: { balance: seat.balance, reserve: c.reserve_keep } },
        );
      }
      await post(r, {
        orgId: c.org_id,
        seatId: c.seat_id,
        kind: 'reserve',
        amount: -reserved,
        reservedDelta: reserved,
        campaignId: c.id,
        actorUserId,
        reason: `budget of campaign "${c.name}"`,
        at: now,
      });
    }
    await r.campaigns.setStatus(c.id, 'running', now, { started: true, audienceCount: count });
    await r.events.append({
      type: 'campaign.started',
      occurredAt: now,
      orgId: c.org_id,
      actorUserId,
      seatId: c.seat_id,
      campaignId: c.id,
      data: { audience: count, reserved },
    });
  }

  async act(actor: Actor, id: string, action: Exclude<CampaignAction, 'start' | 'schedule'>) {
    const now = this.clock.now();
    return this.store.tx(async (r, trx) => {
      // Waits for a running batch to finish: a pause takes effect before the next one.
      const c = await r.campaigns.lock(actor.orgId, id);
      if (!c) throw notFound('campaign');
      const to = transition(c.status, action);
      if (to === 'completed' || to === 'cancelled') {
        await completeCampaign(r, c, now, to);
      } else {
        await r.campaigns.setStatus(id, to, now, { paused: to === 'paused' });
        await r.events.append({
          type: `campaign.${action === 'pause' ? 'paused' : 'resumed'}`,
          occurredAt: now,
          orgId: c.org_id,
          actorUserId: actor.userId,
          campaignId: id,
        });
        if (to === 'running' && this.queue)
          await this.queue.enqueue(trx, CAMPAIGN_RUN_JOB, { campaignId: id });
      }
      return this.view(r, (await r.campaigns.get(actor.orgId, id))!);
    });
  }

  // ---- dry run, progress, recipients -----------------------------------------------------------

  /** The planned first send of every recipient (up to `limit`) in their own time zone. */
  async dryRun(orgId: string, id: string, limit: number, after: string | null = null) {
    const c = await this.store.repos.campaigns.get(orgId, id);
    if (!c) throw notFound('campaign');
    const now = this.clock.now();
    const searched = c.audience_count === null ? await this.savedSearchAudience(c) : null;
    const members = await this.store.repos.campaigns.audiencePreview(
      searched ? { ...c, audience: { kind: 'members', memberIds: searched } } : c,
      limit + 1,
      after,
    );
    const more = members.rows.length > limit;
    if (more) members.rows.pop();
    const planned = planSendTimes(
      now,
      members.rows.map((m) => ({ id: m.id, timeZone: m.time_zone })),
      c.send_window,
      c.start_at && c.start_at > now ? { notBefore: c.start_at } : {},
    );
    const byId = new Map(members.rows.map((m) => [m.id, m]));
    // As the scheduler does: a recipient whose window is open right now is sent to right now.
    const immediate = !(c.start_at && c.start_at > now);
    return {
      total: members.total,
      nextCursor: more ? members.rows.at(-1)!.id : null,
      window: c.send_window,
      items: planned.map((p) => {
        const m = byId.get(p.id)!;
        return {
          memberId: p.id,
          name: `${m.first_name} ${m.last_name}`,
          timeZone: p.timeZone,
          fellBack: p.fellBack,
          plannedAt: immediate && isInsideWindow(now, p.timeZone, c.send_window) ? now : p.at,
          localTime: localTime(
            immediate && isInsideWindow(now, p.timeZone, c.send_window) ? now : p.at,
            p.timeZone,
          ),
        };
      }),
    };
  }

  async recipients(
    orgId: string,
    id: string,
    status: RecipientStatus | null,
    after: string | null,
    limit: number,
  ) {
    if (!(await this.store.repos.campaigns.get(orgId, id))) throw notFound('campaign');
    const rows = await this.store.repos.campaigns.recipients(id, status, after, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((x) => ({
        memberId: x.member_id,
        name: `${x.first_name} ${x.last_name}`,
        headline: x.headline,
        timeZone: x.time_zone,
        status: x.status,
        step: x.step,
        nextActionAt: x.next_action_at,
        lastSentAt: x.last_sent_at,
        threadId: x.thread_id,
        skipReason: x.skip_reason,
        outcome: x.outcome,
        override: x.override,
        personalization: x.personalization,
        error: x.error,
      })),
      nextCursor: rows.length > limit ? page[page.length - 1]!.member_id : null,
    };
  }

  // ---- the personalization queue ------------------------------------------------------------

  /** The next recipient waiting for personalization, with what to write about. */
  async nextToPersonalize(orgId: string, id: string) {
    const c = await this.store.repos.campaigns.get(orgId, id);
    if (!c) throw notFound('campaign');
    const [rec] = await this.store.repos.campaigns.recipients(id, 'needs_personalization', null, 1);
    const waiting = (await this.store.repos.campaigns.progress(id))
      .filter((p) => p.status === 'needs_personalization')
      .reduce((a, p) => a + p.n, 0);
    if (!rec) return { waiting: 0, candidate: null };
    const m = (await this.store.repos.members.get(rec.member_id))!;
    const profile = profileFromRow(m);
    const step = (await this.store.repos.campaigns.steps(id))[rec.step + 1];
    return {
      waiting,
      candidate: {
        memberId: rec.member_id,
        name: `${m.first_name} ${m.last_name}`,
        headline: m.headline,
        currentTitle: m.current_title,
        currentCompany: m.current_company,
        skills: m.skills,
        platforms: m.platforms,
        projects: profile.projects,
        suggestions: personalizationSuggestions(profile),
        step: step
          ? { position: step.position, kind: step.kind, subject: step.subject, body: step.body }
          : null,
      },
    };
  }

  /**
   * Saves the personalization of one recipient after checking it against THAT recipient's
   * profile; a failing text is refused with the reason and suggestions, and nothing generic goes
   * out. The recipient then waits for their send window like everyone else.
   */
  async personalize(orgId: string, id: string, memberId: string, text: string) {
    const now = this.clock.now();
    return this.store.tx(async (r, trx) => {
      const c = await r.campaigns.get(orgId, id);
      if (!c) throw notFound('campaign');
      const rec = await r.campaigns.lockRecipient(id, memberId);
      if (!rec) throw notFound('recipient');
      if (rec.status !== 'needs_personalization' && rec.status !== 'pending') {
        throw new DomainError('conflict', 'recipient_not_waiting', `This recipient is ${rec.status}`);
      }
      const m = (await r.members.get(memberId))!;
      const verdict = checkPersonalization(text, profileFromRow(m));
      if (!verdict.ok) {
        throw unprocessable(
          'personalization_failed',
          verdict.message,
          { reason: verdict.reason, suggestions: verdict.suggestions },
          [{ field: 'text', message: verdict.message, code: verdict.reason ?? 'failed' }],
        );
      }
      await r.campaigns.updateRecipient(
        id,
        memberId,
        { status: 'pending', personalization: text.trim(), nextActionAt: now },
        now,
      );
      // Due now: the scheduler sends it in the recipient's window without waiting for the sweep.
      if (this.queue && c.status === 'running')
        await this.queue.enqueue(trx, CAMPAIGN_RUN_JOB, { campaignId: id });
      return { ok: true, matched: verdict.matched };
    });
  }

  /** The verdict on a personalization text for one recipient, without saving it (live checks). */
  async checkPersonalizationText(orgId: string, id: string, memberId: string, text: string) {
    const { repos } = this.store;
    if (!(await repos.campaigns.get(orgId, id))) throw notFound('campaign');
    if (!(await repos.campaigns.recipient(id, memberId))) throw notFound('recipient');
    const m = (await repos.members.get(memberId))!;
    const v = checkPersonalization(text, profileFromRow(m));
    return {
      ok: v.ok,
      reason: v.reason ?? null,
      message: v.message,
      matched: v.matched,
      suggestions: v.suggestions,
    };
  }

  /** An admin lifts the collision rules (other campaign, teammate's ownership) for one recipient. */
  async override(actor: Actor, id: string, memberId: string) {
    if (!actor.roles.includes('org_admin'))
      throw forbidden('Only org admins override collision rules', 'missing_role');
    const now = this.clock.now();
    return this.store.tx(async (r, trx) => {
      const c = await r.campaigns.get(actor.orgId, id);
      if (!c) throw notFound('campaign');
      const rec = await r.campaigns.lockRecipient(id, memberId);
      if (!rec) throw notFound('recipient');
      const overridable: (SkipReason | null)[] = ['other_campaign', 'teammate_contacted'];
      if (rec.status === 'skipped' && !overridable.includes(rec.skip_reason as SkipReason)) {
        throw unprocessable(
          'not_overridable',
          `A recipient skipped for "${rec.skip_reason}" cannot be overridden`,
        );
      }
      await r.campaigns.updateRecipient(
        id,
        memberId,
        {
          status: rec.status === 'skipped' ? 'pending' : rec.status,
          override: true,
          skipReason: null,
          ...(rec.status === 'skipped' ? { nextActionAt: now } : {}),
        },
        now,
      );
      if (this.queue && c.status === 'running')
        await this.queue.enqueue(trx, CAMPAIGN_RUN_JOB, { campaignId: id });
      await r.events.append({
        type: 'campaign.override',
        occurredAt: now,
        orgId: actor.orgId,
        actorUserId: actor.userId,
        recipientMemberId: memberId,
        campaignId: id,
      });
      return { ok: true };
    });
  }

  /** The recruiter takes a recipient out of the campaign (e.g. from the personalization queue). */
  async skipRecipient(actor: Actor, id: string, memberId: string) {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const c = await r.campaigns.get(actor.orgId, id);
      if (!c) throw notFound('campaign');
      const rec = await r.campaigns.lockRecipient(id, memberId);
      if (!rec) throw notFound('recipient');
      if (rec.status === 'done' || rec.status === 'skipped') return { ok: true };
      await r.campaigns.updateRecipient(
        id,
        memberId,
        { status: 'skipped', skipReason: 'manual', nextActionAt: null },
        now,
      );
      return { ok: true };
    });
  }

  // ---- helpers ------------------------------------------------------------------------------

  private async resolveSeat(r: Repos, actor: Actor, seatId: string | undefined): Promise<string> {
    const seat = seatId
      ? await r.seats.get(actor.orgId, seatId)
      : await r.seats.byUser(actor.orgId, actor.userId);
    if (!seat)
      throw seatId
        ? notFound('seat')
        : unprocessable('no_seat', 'You hold no seat; name the seat to send from');
    if (seat.user_id !== actor.userId && !actor.roles.includes('org_admin')) {
      throw forbidden('This seat belongs to someone else', 'not_your_seat');
    }
    return seat.id;
  }

  private window(w: Partial<SendWindow> | undefined, base: SendWindow = DEFAULT_SEND_WINDOW): SendWindow {
    const window: SendWindow = { ...base, ...(w ?? {}) } as SendWindow;
    const errors = validateSendWindow(window);
    if (errors.length)
      throw invalid(
        'invalid_send_window',
        'The send window is not valid',
        errors.map((e) => ({ ...e, field: `window.${e.field}` })),
      );
    return window;
  }

  /**
   * Validates the steps and resolves their text: a template's subject and body are copied with
   * its version (a campaign keeps the version it was written with); a template set is checked and
   * chosen from per candidate at send time; inline text is parsed for unknown merge fields.
   */
  private async resolveSteps(r: Repos, actor: Actor, steps: StepInput[]): Promise<StepRowInput[]> {
    const errors: FieldError[] = validateSequence(
      steps.map((s) => ({
        kind: s.kind,
        delayBusinessDays: s.delayBusinessDays,
        templateId: s.templateId ?? s.templateSetId ?? 'inline',
        ...(s.kind === 'connection_request' ? { note: s.body ?? '' } : {}),
      })),
    );
    const viewer = { userId: actor.userId, admin: actor.roles.includes('org_admin') };
    const out: StepRowInput[] = [];
    for (const [i, s] of steps.entries()) {
      let subject = s.subject ?? '';
      let body = s.body ?? '';
      let version: number | null = null;
      if (s.templateId && s.templateSetId) {
        errors.push({
          field: `steps.${i}.templateSetId`,
          message: 'give a template or a template set, not both',
        });
      }
      if (s.templateId) {
        const t = await r.templates.get(actor.orgId, viewer, s.templateId, s.templateVersion ?? null);
        if (!t) throw notFound(`template of step ${i}`);
        if (t.archived_at)
          throw new DomainError('conflict', 'template_archived', `The template of step ${i} is archived`);
        subject = s.subject ?? t.subject;
        body = s.body ?? t.body;
        version = t.version;
      } else if (s.templateSetId) {
        const set = await r.templates.getSet(actor.orgId, s.templateSetId);
        if (!set || set.archived_at) throw notFound(`template set of step ${i}`);
      }
      if (!s.templateSetId) {
        for (const [part, text] of [
          ['subject', subject],
          ['body', body],
        ] as const) {
          try {
            parseTemplate(text);
          } catch (err) {
            if (!(err instanceof TemplateError)) throw err;
            errors.push({
              field: `steps.${i}.${part}`,
              message: `${err.message} (at ${err.position})`,
              code: err.code,
            });
          }
        }
        if ((s.kind === 'inmail' || s.kind === 'message') && !subject.trim()) {
          errors.push({ field: `steps.${i}.subject`, message: 'an InMail or message step needs a subject' });
        }
        if (s.kind !== 'connection_request' && !body.trim()) {
          errors.push({ field: `steps.${i}.body`, message: 'must not be empty (or give a template)' });
        }
      }
      out.push({
        kind: s.kind,
        delayBusinessDays: s.delayBusinessDays,
        templateId: s.templateId ?? null,
        templateVersion: version,
        templateSetId: s.templateSetId ?? null,
        subject,
        body,
      });
    }
    if (errors.length) throw unprocessable('invalid_steps', 'The steps are not valid', undefined, errors);
    return out;
  }

  private async validateAudience(r: Repos, orgId: string, actorUserId: string, a: Audience) {
    if (a.kind === 'members') {
      if (a.memberIds.length === 0 || a.memberIds.length > MAX_EXPLICIT_MEMBERS) {
        throw invalid(
          'invalid_audience',
          `Give 1 to ${MAX_EXPLICIT_MEMBERS} member ids, or a candidate list`,
          [{ field: 'audience.memberIds', message: `1 to ${MAX_EXPLICIT_MEMBERS} ids` }],
        );
      }
    } else if (a.kind === 'list') {
      if (!(await r.campaigns.listExists(orgId, a.listId))) throw notFound('candidate list');
    } else if (!(await r.savedSearches.get(orgId, actorUserId, a.savedSearchId))) {
      throw notFound('saved search');
    }
  }

  private async view(r: Repos, c: CampaignRow, withDetail = true) {
    const steps = withDetail ? await r.campaigns.steps(c.id) : [];
    const progress = await r.campaigns.progress(c.id);
    const sum = (status: string) => progress.filter((p) => p.status === status).reduce((a, p) => a + p.n, 0);
    const byReason = (status: string) =>
      Object.fromEntries(
        progress.filter((p) => p.status === status && p.reason).map((p) => [p.reason!, p.n]),
      );
    const reached = await r.campaigns.stepsSent(c.id);
    const sends = await r.campaigns.sendsByStep(c.id);
    const a = c.audience;
    return {
      id: c.id,
      name: c.name,
      objective: c.objective,
      status: c.status,
      allowedActions: allowedActions(c.status),
      seatId: c.seat_id,
      // Lists of campaigns carry the audience's kind and size, not up to 10,000 ids.
      audience: withDetail || a.kind !== 'members' ? a : { kind: a.kind, count: a.memberIds.length },
      audienceCount: c.audience_count,
      budget: c.budget,
      reserve: c.reserve_keep,
      dailyCap: c.daily_cap,
      window: c.send_window,
      ownershipWindowDays: c.ownership_window_days,
      startAt: c.start_at,
      startedAt: c.started_at,
      pausedAt: c.paused_at,
      pausedReason: c.paused_reason,
      finishedAt: c.finished_at,
      createdAt: c.created_at,
      steps: steps.map((s: StepRow) => ({
        position: s.position,
        kind: s.kind,
        delayBusinessDays: s.delay_business_days,
        subject: s.subject,
        body: s.body,
        templateId: s.template_id,
        templateVersion: s.template_version,
        templateSetId: s.template_set_id,
      })),
      progress: {
        planned: sum('pending'),
        needsPersonalization: sum('needs_personalization'),
        snoozed: sum('snoozed'),
        skipped: sum('skipped'),
        skippedByReason: byReason('skipped'),
        done: sum('done'),
        doneByOutcome: byReason('done'),
        failed: sum('failed'),
        sentByStep: Object.fromEntries(sends.map((x) => [String(x.step), x.n])),
        reachedStep: Object.fromEntries(reached.map((x) => [String(x.step), x.n])),
        creditsSpent: await r.campaigns.charged(c.id),
        creditsReserved: await r.campaigns.reservation(c.id),
      },
    };
  }
}

/** The instant in the recipient's zone, ISO 8601 with its offset: 2026-03-10T08:42:00.000-04:00. */
function localTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISO() ?? at.toISOString();
}
