/**
 * The campaign scheduler: reads its state from the database, sends in batches, and resumes from
 * there after a restart. One batch is one transaction: it locks the campaign (a pause waits for at
 * most one batch), the seat, the due recipients (SKIP LOCKED) and their contact counters, gathers
 * the facts in one query, lets the domain decide for each recipient, and writes every send and
 * every decision. A send and its recipient's progress commit together; the unique key of
 * (campaign, candidate, step) on InMails makes a second send impossible even if a batch ran twice.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { addBusinessDays } from '../domain/business-days.ts';
import { campaignSendAllowance, transition } from '../domain/campaign.ts';
import {
  decide,
  memoWindowClock,
  type CampaignRules,
  type Decision,
  type RecipientFacts,
} from '../domain/campaign-run.ts';
import { nextSendTime, type SendWindow } from '../domain/send-window.ts';
import {
  chooseTemplateForSeniority,
  parseTemplate,
  renderTemplate,
  requiresPersonalization,
  type ParsedTemplate,
} from '../domain/template.ts';
import type { TemplateSetRow } from '../repositories/template.repository.ts';
import type { ComposeService } from './compose.service.ts';
import type { Tx } from '../db/database.ts';
import type { Repos, Store } from '../repositories/index.ts';
import {
  factsProfile,
  type CampaignRow,
  type Decided,
  type FactsRow,
  type RecipientRow,
  type StepRow,
} from '../repositories/campaign.repository.ts';
import type { InmailRules } from './inmail.service.ts';
import type { ConnectionService } from './connection.service.ts';
import { post } from './credit.service.ts';
import type { NotificationService } from './notification.service.ts';

const DAY = 86_400_000;

export interface RunnerOptions {
  /** Recipients per batch (one transaction). */
  batchSize: number;
}

export interface PreparedStep extends StepRow {
  subjectT: ParsedTemplate;
  bodyT: ParsedTemplate;
  needsPersonalization: boolean;
  /** For a template-set step: the set and its templates (latest versions), parsed, by id. */
  set: {
    row: TemplateSetRow;
    templates: Map<string, { version: number; subjectT: ParsedTemplate; bodyT: ParsedTemplate }>;
  } | null;
}

/**
 * Parses a campaign's step texts once per batch; a step with a `{{personalization}}` slot waits
 * for it. A template-set step loads the set's templates; it waits for personalization when any of
 * them has the slot.
 */
export async function prepareSteps(r: Repos, orgId: string, steps: StepRow[]): Promise<PreparedStep[]> {
  const out: PreparedStep[] = [];
  for (const s of steps) {
    const subjectT = parseTemplate(s.subject);
    const bodyT = parseTemplate(s.body);
    let set: PreparedStep['set'] = null;
    let needs = requiresPersonalization(subjectT) || requiresPersonalization(bodyT);
    if (s.template_set_id) {
      const row = await r.templates.getSet(orgId, s.template_set_id);
      if (row) {
        const templates = new Map<
          string,
          { version: number; subjectT: ParsedTemplate; bodyT: ParsedTemplate }
        >();
        const ids = new Set([
          ...Object.values(row.templates),
          ...(row.default_template_id ? [row.default_template_id] : []),
        ]);
        for (const id of ids) {
          const t = await r.templates.get(orgId, { userId: row.owner_user_id, admin: true }, id, null);
          if (!t || t.archived_at) continue;
          const parsed = {
            version: t.version,
            subjectT: parseTemplate(t.subject),
            bodyT: parseTemplate(t.body),
          };
          templates.set(id, parsed);
          needs ||= requiresPersonalization(parsed.subjectT) || requiresPersonalization(parsed.bodyT);
        }
        set = { row, templates };
      }
    }
    out.push({ ...s, subjectT, bodyT, needsPersonalization: needs, set });
  }
  return out;
}

export interface BatchResult {
  /** Recipients looked at. */
  processed: number;
  sent: number;
  /** True when the campaign was not running (paused, cancelled, locked by another runner). */
  stopped: boolean;
}

/**
 * Errors of the database or its connection rather than of a recipient's data (SQLSTATE classes 08
 * connection, 40 rollback, 53 resources, 57 operator intervention, 58 system, XX internal; and
 * Node's socket errors): they are retried as they are, never blamed on a recipient.
 */
export function isOperationalError(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^(08|40|53|57|58|XX|E[A-Z])/.test(code);
}

/** Recipients failing one after another before the runner pauses the campaign instead. */
export const FAILURES_BEFORE_PAUSE = 3;

export class CampaignRunner {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly connections: ConnectionService,
    private readonly composer: ComposeService,
    private readonly rules: InmailRules,
    private readonly opts: RunnerOptions,
  ) {}

  /**
   * Runs a campaign until nothing is due or `maxMs` passed: plans first sends that are not planned
   * yet, then sends batch after batch. Completes the campaign when every recipient is through.
   * Returns when the next run should happen (null: no need, the campaign is over or not running).
   */
  async run(campaignId: string, maxMs = 20_000): Promise<{ sent: number; nextRunAt: Date | null }> {
    const started = Date.now();
    let sent = 0;
    await this.planUnplanned(campaignId);
    const failures = { inARow: 0 };
    for (;;) {
      const b = await this.batchIsolating(campaignId, failures);
      sent += b.sent;
      if (b.stopped) return { sent, nextRunAt: null };
      if (b.processed === 0) break;
      if (Date.now() - started > maxMs) return { sent, nextRunAt: this.clock.now() };
    }
    return { sent, nextRunAt: await this.finishOrNext(campaignId) };
  }

  /** Places the first send of every recipient without one in their send window, in batches. */
  async planUnplanned(campaignId: string): Promise<void> {
    for (;;) {
      const done = await this.store.tx(async (r) => {
        const c = await r.campaigns.lockForRun(campaignId);
        if (!c) return true;
        const rows = await r.campaigns.unplanned(campaignId, 2000);
        if (rows.length === 0) return true;
        const now = this.clock.now();
        const notBefore = c.start_at && c.start_at > now ? c.start_at : now;
        const open = memoWindowClock(now, c.send_window);
        // Inside the window now: send now. Otherwise at the next opening, spread over it by a hash of
        // the recipient, so thousands in one zone do not all fire at 08:00:00.
        await r.campaigns.plan(
          campaignId,
          rows.map((x) => ({
            memberId: x.member_id,
            at:
              notBefore === now && open.isOpen(x.time_zone)
                ? now
                : nextSendTime(now, x.time_zone, c.send_window, { notBefore, spreadKey: x.member_id }).at,
          })),
        );
        return false;
      });
      if (done) return;
    }
  }

  private async finishOrNext(campaignId: string): Promise<Date | null> {
    return this.store.tx(async (r) => {
      const c = await r.campaigns.lockForRun(campaignId);
      if (!c) return null;
      if ((await r.campaigns.openCount(campaignId)) > 0) return r.campaigns.nextDue(campaignId);
      await completeCampaign(r, c, this.clock.now());
      return null;
    });
  }

  /**
   * A batch, with a recipient whose send cannot be made kept from blocking the rest: a batch that
   * fails (on a recipient's broken data, say) is rolled back whole and retried with the first due
   * recipient alone; if that fails too, that recipient is marked failed with the error and the
   * campaign goes on. After FAILURES_BEFORE_PAUSE failures in a row the fault is likely not the
   * recipients': the campaign is paused with the error instead. Database errors propagate (the
   * job retries them).
   */
  private async batchIsolating(campaignId: string, failures: { inARow: number }): Promise<BatchResult> {
    let err: unknown;
    for (const size of [this.opts.batchSize, 1]) {
      try {
        const b = await this.batch(campaignId, size);
        if (b.processed > 0) failures.inARow = 0;
        return b;
      } catch (e) {
        if (isOperationalError(e)) throw e;
        err = e;
      }
    }
    const reason = err instanceof Error ? err.message : String(err);
    return this.store.tx(async (r) => {
      const now = this.clock.now();
      const c = await r.campaigns.lockForRun(campaignId);
      if (!c) return { processed: 0, sent: 0, stopped: true };
      if (++failures.inARow >= FAILURES_BEFORE_PAUSE) {
        transition(c.status, 'pause');
        const why = `${failures.inARow} recipients in a row could not be sent to: ${reason}`;
        await r.campaigns.setStatus(c.id, 'paused', now, { paused: true, pausedReason: why });
        await r.events.append({
          type: 'campaign.paused',
          occurredAt: now,
          orgId: c.org_id,
          campaignId: c.id,
          data: { reason: why },
        });
        return { processed: 0, sent: 0, stopped: true };
      }
      const [rec] = await r.campaigns.claimDue(campaignId, now, 1);
      if (!rec) return { processed: 0, sent: 0, stopped: false };
      await r.campaigns.markFailed(campaignId, rec.member_id, reason, now);
      await r.events.append({
        type: 'campaign.recipient_failed',
        occurredAt: now,
        orgId: c.org_id,
        recipientMemberId: rec.member_id,
        campaignId: c.id,
        data: { step: rec.step + 1, error: reason },
      });
      return { processed: 1, sent: 0, stopped: false };
    });
  }

  /** One batch of up to `size` due recipients: one transaction. */
  async batch(campaignId: string, size = this.opts.batchSize): Promise<BatchResult> {
    return this.store.tx(async (r, trx) => {
      const now = this.clock.now();
      const c = await r.campaigns.lockForRun(campaignId);
      if (!c) return { processed: 0, sent: 0, stopped: true };
      const due = await r.campaigns.claimDue(campaignId, now, size);
      if (due.length === 0) return { processed: 0, sent: 0, stopped: false };

      const seat = (await r.seats.lock(c.org_id, c.seat_id))!;
      const sender = (await r.users.get(c.org_id, seat.user_id ?? c.created_by))!;
      const org = (await r.organizations.get(c.org_id))!;
      const policy = await r.policies.get(c.org_id);
      const steps = await prepareSteps(r, c.org_id, await r.campaigns.steps(campaignId));
      const rules: CampaignRules = {
        orgId: c.org_id,
        steps: steps.map((s) => ({
          kind: s.kind,
          delayBusinessDays: s.delay_business_days,
          templateId: s.template_id ?? '',
          needsPersonalization: s.needsPersonalization,
        })),
        window: c.send_window,
        ownershipWindowDays: c.ownership_window_days,
        networkCap: this.rules.networkCap,
        networkCapDays: this.rules.networkCapDays,
        orgCap: policy.org_cap_per_candidate,
        orgCapDays: policy.org_cap_window_days,
      };

      const ids = due.map((d) => d.member_id);
      await r.campaigns.lockContacts(ids);
      const capsSince = new Date(
        now.getTime() - Math.max(this.rules.networkCapDays, policy.org_cap_window_days) * DAY,
      );
      const factRows = await r.campaigns.facts({
        campaignId,
        orgId: c.org_id,
        senderUserId: sender.id,
        senderMemberId: sender.member_id,
        memberIds: ids,
        capsSince,
        ownershipSince: new Date(now.getTime() - c.ownership_window_days * DAY),
      });
      const factsById = new Map(factRows.map((f) => [f.id, f]));

      // Credits this batch may spend: the reservation (budget) or the balance above the reserve,
      // and the seat's daily cap.
      const reservation = c.budget !== null ? await r.campaigns.reservation(campaignId) : 0;
      const dayStart = new Date(Math.floor(now.getTime() / DAY) * DAY);
      const allowance = campaignSendAllowance({
        budget: null,
        sentSoFar: 0,
        seatBalance: c.budget !== null ? Math.max(0, reservation) : seat.balance,
        reserveToKeep: c.budget !== null ? 0 : c.reserve_keep,
        dailyCap: c.daily_cap,
        sentToday: c.daily_cap !== null ? await r.seats.spentSince(seat.id, dayStart) : 0,
      });
      let credits = allowance.allowed;

      const windowClock = memoWindowClock(now, c.send_window);
      const decided: Decided[] = [];
      const sends = new Map<number, { rec: RecipientRow; facts: FactsRow; charged: boolean }[]>();
      for (const rec of due) {
        const f = factsById.get(rec.member_id);
        if (!f) {
          decided.push(skip(rec, 'manual', 'the member no longer exists'));
          continue;
        }
        if (rec.status === 'snoozed' && rec.next_action_at && rec.next_action_at <= now) {
          decided.push(stop(rec, 'contact_later'));
          continue;
        }
        const d: Decision = decide(
          {
            step: rec.step,
            lastSentAt: rec.last_sent_at,
            personalization: rec.personalization,
            override: rec.override,
            hasThread: rec.thread_id !== null,
          },
          toFacts(f),
          rules,
          now,
          windowClock,
        );
        switch (d.type) {
          case 'send': {
            const step = steps[d.step]!;
            const charged = step.kind === 'inmail' && !f.connected;
            if (charged && credits <= 0) {
              if (allowance.limitedBy === 'daily_cap' && c.daily_cap !== null) {
                const tomorrow = new Date(dayStart.getTime() + DAY);
                decided.push(
                  wait(
                    rec,
                    nextSendTime(tomorrow, f.time_zone, c.send_window, {
                      spreadKey: `${rec.member_id}:${d.step}`,
                    }).at,
                  ),
                );
              } else if (d.step === 0 || rec.step === -1) {
                decided.push(skip(rec, 'budget_exhausted'));
              } else {
                decided.push(stop(rec, 'no_response'));
              }
              break;
            }
            if (charged) credits--;
            const list = sends.get(d.step) ?? [];
            list.push({ rec, facts: f, charged });
            sends.set(d.step, list);
            break;
          }
          case 'wait':
            decided.push(wait(rec, d.until));
            break;
          case 'skip':
            decided.push(skip(rec, d.reason));
            break;
          case 'personalize':
            decided.push({ ...base(rec), status: 'needs_personalization', nextActionAt: null });
            break;
          case 'snooze':
            decided.push({
              ...base(rec),
              status: 'snoozed',
              nextActionAt: d.until,
              outcome: 'contact_later',
            });
            break;
          case 'stop':
            decided.push(stop(rec, d.outcome));
            break;
          case 'pass': {
            const step = steps[d.step]!;
            const next = addBusinessDays(now, step.delay_business_days, f.time_zone, c.send_window.holidays);
            decided.push({
              ...base(rec),
              status: 'pending',
              nextActionAt: next,
              step: d.step,
              lastSentAt: now,
            });
            break;
          }
        }
      }

      let sent = 0;
      for (const [stepIndex, list] of sends) {
        sent += await this.sendStep(r, trx, c, seat.id, sender, org.name, steps[stepIndex]!, list, now);
      }
      await r.campaigns.applyDecisions(campaignId, decided, now);
      const skipped = decided.filter((d) => d.status === 'skipped');
      if (skipped.length) {
        await r.events.append(
          ...skipped.map((d) => ({
            type: 'campaign.recipient_skipped',
            occurredAt: now,
            orgId: c.org_id,
            recipientMemberId: d.memberId,
            campaignId,
            data: { reason: d.skipReason },
          })),
        );
      }
      return { processed: due.length, sent, stopped: false };
    });
  }

  /** Sends one step to a group of recipients of a batch. */
  private async sendStep(
    r: Repos,
    trx: Tx,
    c: CampaignRow,
    seatId: string,
    sender: { id: string; first_name: string; last_name: string; title: string; member_id: string | null },
    orgName: string,
    step: PreparedStep,
    list: { rec: RecipientRow; facts: FactsRow; charged: boolean }[],
    now: Date,
  ): Promise<number> {
    const senderCtx = {
      firstName: sender.first_name,
      lastName: sender.last_name,
      title: sender.title,
      company: orgName,
    };
    /** The text for one recipient: the step's own, or the template its set picks for their seniority. */
    const render = (rec: RecipientRow, f: FactsRow) => {
      const candidate = factsProfile(f);
      const ctx = { candidate, sender: senderCtx, personalization: rec.personalization ?? '' };
      let subjectT = step.subjectT;
      let bodyT = step.bodyT;
      let templateId = step.template_id;
      let templateVersion = step.template_version;
      if (step.set) {
        const setRow = step.set.row;
        const chosen = chooseTemplateForSeniority(
          {
            templates: setRow.templates,
            ...(setRow.default_template_id ? { default: setRow.default_template_id } : {}),
          },
          candidate,
        );
        const t = chosen ? step.set.templates.get(chosen) : undefined;
        if (!t || !chosen) return null;
        subjectT = t.subjectT;
        bodyT = t.bodyT;
        templateId = chosen;
        templateVersion = t.version;
      }
      return {
        subject: renderTemplate(subjectT, ctx).text.trim(),
        body: renderTemplate(bodyT, ctx).text.trim(),
        templateId,
        templateVersion,
      };
    };
    // The same instant and delay for everyone: compute each zone's business-day arithmetic once.
    const nextByZone = new Map<string, Date>();
    const nextAt = (f: FactsRow) => {
      let at = nextByZone.get(f.time_zone);
      if (!at) {
        at = addBusinessDays(now, step.delay_business_days, f.time_zone, c.send_window.holidays);
        nextByZone.set(f.time_zone, at);
      }
      return at;
    };
    const noTemplate = (rec: RecipientRow): Decided => ({
      ...base(rec),
      status: 'skipped',
      nextActionAt: null,
      skipReason: 'no_template',
    });

    if (step.kind === 'inmail' || step.kind === 'message') {
      const expiresAt = new Date(now.getTime() + this.rules.expiryDays * DAY);
      const rows = [];
      const skipped: Decided[] = [];
      for (const { rec, facts, charged } of list) {
        const m = render(rec, facts);
        if (!m) {
          skipped.push(noTemplate(rec));
          continue;
        }
        // Links in a paid InMail become tracked links; free messages to connections stay as written.
        const tracked = charged ? this.composer.trackLinks(m.body) : { body: m.body, links: [] };
        rows.push({
          id: randomUUID(),
          threadId: randomUUID(),
          recipientId: rec.member_id,
          charged,
          subject: m.subject || '(no subject)',
          body: tracked.body,
          links: tracked.links,
          templateId: m.templateId,
          templateVersion: m.templateVersion,
          accountId: facts.account_id,
          notificationTitle: charged
            ? `New InMail from ${sender.first_name} ${sender.last_name}: ${m.subject}`
            : `New message from ${sender.first_name} ${sender.last_name}`,
          nextActionAt: nextAt(facts),
        });
      }
      if (skipped.length) await r.campaigns.applyDecisions(c.id, skipped, now);
      const { notificationIds } = await r.sends.recordMany({
        orgId: c.org_id,
        seatId,
        senderUserId: sender.id,
        campaignId: c.id,
        step: step.position,
        sentAt: now,
        expiresAt,
        fromReservation: c.budget !== null,
        rows,
      });
      for (const id of notificationIds) await this.notifications.queueEmail(trx, id);
      return rows.length;
    }

    let sent = 0;
    for (const { rec, facts } of list) {
      const m = render(rec, facts);
      if (!m) {
        await r.campaigns.applyDecisions(c.id, [noTemplate(rec)], now);
        continue;
      }
      if (step.kind === 'follow_up') {
        if (!rec.thread_id) continue;
        await r.threads.addMessage({
          threadId: rec.thread_id,
          inmailId: rec.first_inmail_id,
          author: 'sender',
          authorUserId: sender.id,
          body: m.body,
          at: now,
        });
        if (facts.account_id) {
          await this.notifications.notify(r, trx, {
            accountId: facts.account_id,
            kind: 'message.received',
            title: `New message from ${sender.first_name} ${sender.last_name}`,
            body: m.body.slice(0, 300),
            link: `/inbox/${rec.thread_id}`,
            data: { threadId: rec.thread_id },
          });
        }
      } else if (sender.member_id) {
        try {
          await this.connections.requestInTx(
            r,
            trx,
            sender.member_id,
            rec.member_id,
            m.body.slice(0, 300) || null,
            now,
            c.id,
          );
        } catch {
          // already connected or already invited: the step is done either way
        }
      }
      await r.events.append({
        type: 'campaign.step_sent',
        occurredAt: now,
        orgId: c.org_id,
        actorUserId: sender.id,
        recipientMemberId: rec.member_id,
        threadId: rec.thread_id,
        campaignId: c.id,
        data: { step: step.position, kind: step.kind },
      });
      await r.campaigns.applyDecisions(
        c.id,
        [
          {
            ...base(rec),
            status: 'pending',
            nextActionAt: nextAt(facts),
            step: step.position,
            lastSentAt: now,
          },
        ],
        now,
      );
      sent++;
    }
    return sent;
  }
}

/** Completes a campaign: releases what is left of its reservation. The caller holds its lock. */
export async function completeCampaign(
  r: Repos,
  c: CampaignRow,
  now: Date,
  status: 'completed' | 'cancelled' = 'completed',
) {
  const left = await r.campaigns.reservation(c.id);
  if (left > 0) {
    await r.seats.lock(c.org_id, c.seat_id);
    await post(r, {
      orgId: c.org_id,
      seatId: c.seat_id,
      kind: 'release',
      amount: left,
      reservedDelta: -left,
      campaignId: c.id,
      reason: `campaign ${status}`,
      at: now,
    });
  }
  await r.campaigns.setStatus(c.id, status, now, { finished: true });
  await r.events.append({
    type: `campaign.${status}`,
    occurredAt: now,
    orgId: c.org_id,
    campaignId: c.id,
    data: { released: left },
  });
}

function toFacts(f: FactsRow): RecipientFacts {
  const response = f.accepted_at
    ? { kind: 'accepted' as const, at: f.accepted_at }
    : f.replied_at
      ? { kind: 'replied' as const, at: f.replied_at }
      : f.declined_at
        ? { kind: 'declined' as const, at: f.declined_at }
        : f.invitation_accepted_at
          ? { kind: 'accepted' as const, at: f.invitation_accepted_at }
          : null;
  return {
    memberId: f.id,
    timeZone: f.time_zone,
    profile: factsProfile(f),
    inmailEnabled: f.inmail_enabled,
    contactLaterUntil: f.contact_later_until,
    blockedUser: f.blocked_user,
    blockedOrg: f.blocked_org,
    connected: f.connected,
    recentInmails: (f.recent ?? []).map((x) => ({ at: new Date(x.at), orgId: x.org })),
    inOtherCampaign: f.in_other_campaign,
    teammateContactedAt: f.teammate_contacted_at,
    response,
    responseContactLaterUntil: f.declined_at ? f.decline_contact_later_until : null,
  };
}

function base(rec: RecipientRow): Omit<Decided, 'status' | 'nextActionAt'> {
  return {
    memberId: rec.member_id,
    skipReason: null,
    outcome: null,
    step: null,
    lastSentAt: null,
    error: null,
  };
}
function skip(rec: RecipientRow, reason: string, error: string | null = null): Decided {
  return { ...base(rec), status: 'skipped', nextActionAt: null, skipReason: reason, error };
}
function stop(rec: RecipientRow, outcome: string): Decided {
  return { ...base(rec), status: 'done', nextActionAt: null, outcome };
}
function wait(rec: RecipientRow, until: Date): Decided {
  return { ...base(rec), status: 'pending', nextActionAt: until };
}

export type { SendWindow };
