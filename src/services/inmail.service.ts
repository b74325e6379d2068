/**
 * Sending an InMail and the recipient's answers. The send path reads like a checklist: replay an
 * idempotent retry, check the recipient (exists, not blocked, accepting InMail, not snoozed), compose
 * the message (render its template, check the personalization: compose.service.ts), lock the seat
 * and check the quality threshold, lock the recipient's contact counter and check the frequency
 * caps, check the monthly limit and the balance, then write the debit, the thread, the message
 * (with tracked links), the notification, the events and the body's signature in one statement.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Role } from '../domain/auth.ts';
import { capFreesAt, refundDue, withinMonthlyLimit, type ResponseKind } from '../domain/credits.ts';
import { conflict, DomainError, forbidden, notFound, unprocessable } from '../domain/errors.ts';
import type { Tx } from '../db/database.ts';
import type { Repos, Store } from '../repositories/index.ts';
import type { InmailRow, InmailStatus } from '../repositories/inmail.repository.ts';
import type { OrgPolicyRow } from '../repositories/policy.repository.ts';
import { restoreLinks } from '../domain/links.ts';
import type { JobContext } from '../domain/template.ts';
import { ComposeService } from './compose.service.ts';
import { post } from './credit.service.ts';
import { sha256 } from './crypto.ts';
import type { NotificationService } from './notification.service.ts';

export interface Sender {
  orgId: string;
  userId: string;
  roles: Role[];
  memberId: string | null;
  firstName: string;
  lastName: string;
}

export interface SendInput {
  recipientId: string;
  /** The message as written; required unless it is rendered from `templateId`. */
  subject?: string | undefined;
  body?: string | undefined;
  seatId?: string | undefined;
  /** Render the message from this template (the latest version unless `templateVersion`). */
  templateId?: string | null | undefined;
  templateVersion?: number | null | undefined;
  campaignId?: string | null;
  /** The recruiter's text for this recipient: fills the template's slot, checked against the profile. */
  personalization?: string | null | undefined;
  /** Values of the job.* merge fields. */
  job?: JobContext | null | undefined;
  /** Absolute base URL of the tracked links (the request's own host); default: the configured one. */
  linkBaseUrl?: string | undefined;
}

export interface SendResult {
  id: string;
  threadId: string;
  recipientId: string;
  channel: 'inmail' | 'message';
  /** True for a free message to a 1st-degree connection: no credit was spent. */
  free: boolean;
  charged: boolean;
  seatId: string | null;
  creditsRemaining: number | null;
  status: string;
  sentAt: string;
  expiresAt: string;
  templateId?: string | null;
  templateVersion?: number | null;
}

export interface InmailRules {
  expiryDays: number;
  networkCap: number;
  networkCapDays: number;
}

export const DECLINE_REASONS = ['not_looking', 'not_a_fit', 'timing', 'contact_later', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export interface InmailView {
  id: string;
  threadId: string;
  orgId: string;
  seatId: string | null;
  senderUserId: string;
  recipientId: string;
  subject: string;
  body: string;
  status: InmailStatus;
  channel: 'inmail' | 'message';
  charged: boolean;
  sentAt: Date;
  expiresAt: Date;
  openedAt: Date | null;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  repliedAt: Date | null;
  expiredAt: Date | null;
  declineReason: string | null;
  contactLaterUntil: Date | null;
  refundedAt: Date | null;
  templateId: string | null;
  templateVersion: number | null;
}

export function inmailView(i: InmailRow): InmailView {
  return {
    id: i.id,
    threadId: i.thread_id,
    orgId: i.org_id,
    seatId: i.seat_id,
    senderUserId: i.sender_user_id,
    recipientId: i.recipient_member_id,
    subject: i.subject,
    body: i.body,
    status: i.status,
    channel: i.channel,
    charged: i.charged,
    sentAt: i.sent_at,
    expiresAt: i.expires_at,
    openedAt: i.opened_at,
    acceptedAt: i.accepted_at,
    declinedAt: i.declined_at,
    repliedAt: i.replied_at,
    expiredAt: i.expired_at,
    declineReason: i.decline_reason,
    contactLaterUntil: i.contact_later_until,
    refundedAt: i.refunded_at,
    templateId: i.template_id,
    templateVersion: i.template_version,
  };
}

const DAY = 86_400_000;

function addMonths(at: Date, months: number): Date {
  const d = new Date(at);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export class InmailService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly rules: InmailRules,
    private readonly composer: ComposeService = new ComposeService({
      subjectMax: 200,
      bodyMax: 2000,
      linkBaseUrl: 'http://localhost:3000',
    }),
  ) {}

  /**
   * Sends an InMail (or, to a 1st-degree connection, a free message). With an idempotency key, a
   * retry returns the first result and never sends or charges twice, also when retries race.
   */
  async send(
    sender: Sender,
    input: SendInput,
    idempotencyKey?: string,
  ): Promise<{ result: SendResult; replayed: boolean }> {
    const scope = `inmail.send:${sender.orgId}:${sender.userId}`;
    const requestHash = sha256(
      JSON.stringify([
        input.recipientId,
        input.subject,
        input.body,
        input.seatId ?? null,
        input.templateId ?? null,
        // Only when present, so keys stored before these fields existed still match their retries.
        ...(input.templateVersion != null || input.personalization != null || input.job != null
          ? [input.templateVersion ?? null, input.personalization ?? null, input.job ?? null]
          : []),
      ]),
    );
    return this.store.tx(async (r, trx) => {
      const now = this.clock.now();
      if (idempotencyKey) {
        const claimed = await r.idempotency.claim(scope, idempotencyKey, requestHash, now);
        if (!claimed) {
          const prior = await r.idempotency.get(scope, idempotencyKey);
          if (!prior || prior.request_hash !== requestHash || !prior.response) {
            throw unprocessable(
              'idempotency_key_reused',
              'This Idempotency-Key was used for a different request; use a new key for a new InMail',
            );
          }
          return { result: prior.response as SendResult, replayed: true };
        }
      }
      const result = await this.sendInTx(
        r,
        trx,
        sender,
        input,
        now,
        idempotencyKey ? { scope, key: idempotencyKey } : null,
      );
      return { result, replayed: false };
    });
  }

  /**
   * The send itself, inside a transaction the caller opened (campaigns call it too). Reads: the
   * recipient (one query), the seat under its row lock, the recipient's contact lock and recent
   * InMails for the caps; then one statement writes everything (SendRepository.record).
   */
  async sendInTx(
    r: Repos,
    trx: Tx,
    sender: Sender,
    input: SendInput,
    now: Date,
    idempotency: { scope: string; key: string } | null = null,
  ): Promise<SendResult> {
    const recipient = await r.members.contactCheck(input.recipientId, sender);
    if (!recipient || recipient.id === sender.memberId) throw notFound('recipient');
    if (recipient.blocked_user || recipient.blocked_org) {
      throw forbidden(
        'The recipient does not accept messages from you or your organization',
        'blocked_by_recipient',
      );
    }
    const free = recipient.connected;
    if (!free) {
      if (!recipient.inmail_enabled) {
        throw unprocessable('recipient_inmail_off', 'The recipient has turned InMail off');
      }
      if (recipient.contact_later_until && recipient.contact_later_until > now) {
        throw unprocessable(
          'recipient_snoozed',
          `The recipient asked not to be contacted until ${recipient.contact_later_until.toISOString().slice(0, 10)}`,
          { until: recipient.contact_later_until.toISOString() },
        );
      }
    }

    // The organization's policies (mandatory personalization, quality threshold, caps) govern
    // InMails; a free message to a connection is personal mail. Then the message itself: rendered
    // from its template for this recipient, its personalization checked (domain/compose.ts).
    const policy = free ? null : await r.policies.get(sender.orgId);
    const message = await this.composer.compose(
      r,
      sender,
      input,
      recipient.id,
      policy?.mandatory_personalization ?? false,
    );

    // The seat: the one named (its holder, or an admin), else the sender's own.
    let seatId: string | null = null;
    let balance: number | null = null;
    if (!free) {
      const seat = input.seatId
        ? await r.seats.lock(sender.orgId, input.seatId)
        : await r.seats.lockHeldBy(sender.orgId, sender.userId);
      if (!seat) {
        throw input.seatId
          ? notFound('seat')
          : unprocessable('no_seat', 'You hold no seat; ask an org admin to assign one');
      }
      if (seat.user_id !== sender.userId && !sender.roles.includes('org_admin')) {
        throw forbidden('This seat belongs to someone else', 'not_your_seat');
      }
      if (seat.revoked_at) throw conflict('seat_revoked', 'This seat was revoked');
      await this.composer.enforceQuality(
        r,
        seat.id,
        message.subject,
        message.body,
        policy!.quality_block_below,
        now,
      );

      await r.members.lockContact(recipient.id);
      await this.checkCaps(r, sender.orgId, recipient.id, now, policy!);

      if (
        seat.monthly_limit !== null &&
        !withinMonthlyLimit(seat.monthly_limit, await r.seats.spentSince(seat.id, seat.period_started_at))
      ) {
        throw unprocessable(
          'monthly_limit_reached',
          `This seat may send ${seat.monthly_limit} InMails a month; the limit is reached until ${seat.renews_at.toISOString().slice(0, 10)}`,
          { limit: seat.monthly_limit, renewsAt: seat.renews_at.toISOString() },
        );
      }
      if (seat.balance < 1) {
        throw new DomainError(
          'payment_required',
          'insufficient_credits',
          `No InMail credits left on this seat; they renew on ${seat.renews_at.toISOString().slice(0, 10)}`,
          { extra: { balance: seat.balance, renewsAt: seat.renews_at.toISOString() } },
        );
      }
      seatId = seat.id;
      balance = seat.balance - 1;
    }

    const id = randomUUID();
    const threadId = randomUUID();
    const expiresAt = new Date(now.getTime() + this.rules.expiryDays * DAY);
    const channel = free ? 'message' : 'inmail';
    // The recipient's copy of an InMail carries tracked links; its sender is shown the originals.
    const tracked = free
      ? { body: message.body, links: [] }
      : this.composer.trackLinks(message.body, input.linkBaseUrl);
    const result: SendResult = {
      id,
      threadId,
      recipientId: recipient.id,
      channel,
      free,
      charged: !free,
      seatId,
      creditsRemaining: balance,
      status: free ? 'accepted' : 'pending',
      sentAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      templateId: message.templateId,
      templateVersion: message.templateVersion,
    };
    const base = {
      occurredAt: now,
      orgId: sender.orgId,
      actorUserId: sender.userId,
      seatId,
      recipientMemberId: recipient.id,
      inmailId: id,
      threadId,
      campaignId: input.campaignId ?? null,
    };
    const { notificationId } = await r.sends.record({
      inmail: {
        id,
        threadId,
        orgId: sender.orgId,
        seatId,
        senderUserId: sender.userId,
        recipientMemberId: recipient.id,
        subject: message.subject,
        body: tracked.body,
        charged: !free,
        channel,
        sentAt: now,
        expiresAt,
        campaignId: input.campaignId ?? null,
        templateId: message.templateId,
        templateVersion: message.templateVersion,
      },
      charge: seatId ? { seatId, actorUserId: sender.userId } : null,
      notification: recipient.account_id
        ? {
            accountId: recipient.account_id,
            kind: free ? 'message.received' : 'inmail.received',
            title: free
              ? `New message from ${sender.firstName} ${sender.lastName}`
              : `New InMail from ${sender.firstName} ${sender.lastName}: ${message.subject}`,
            body: tracked.body.slice(0, 300),
            link: `/inbox/${threadId}`,
            data: { inmailId: id, threadId },
          }
        : null,
      events: [
        {
          ...base,
          type: `${channel}.sent`,
          data: {
            templateId: message.templateId,
            templateVersion: message.templateVersion,
            personalized: message.personalization?.ok ?? false,
            trackedLinks: tracked.links.length,
          },
        },
        { ...base, type: `${channel}.delivered` },
      ],
      idempotency: idempotency ? { ...idempotency, response: result } : null,
      signature: seatId ? { seatId, values: this.composer.signature(message.body) } : null,
      links: tracked.links,
    });
    if (notificationId) await this.notifications.queueEmail(trx, notificationId);
    return result;
  }

  /**
   * The contact-frequency caps, checked under the recipient's contact lock so that two senders
   * racing for the same candidate cannot both pass: across the network, and per organization.
   * Both come from one read of the recipient's recent InMails.
   */
  async checkCaps(
    r: Repos,
    orgId: string,
    recipientId: string,
    now: Date,
    orgPolicy?: OrgPolicyRow,
  ): Promise<void> {
    const policy = orgPolicy ?? (await r.policies.get(orgId));
    const netWindow = this.rules.networkCapDays * DAY;
    const orgWindow = policy.org_cap_window_days * DAY;
    const recent = await r.inmails.recentTo(
      recipientId,
      new Date(now.getTime() - Math.max(netWindow, orgWindow)),
    );
    const net = recent.filter((x) => x.sent_at.getTime() > now.getTime() - netWindow).map((x) => x.sent_at);
    const netFrees = capFreesAt(net, this.rules.networkCap, netWindow);
    if (netFrees)
      throw this.capError('network', this.rules.networkCap, this.rules.networkCapDays, netFrees, now);
    const mine = recent
      .filter((x) => x.org_id === orgId && x.sent_at.getTime() > now.getTime() - orgWindow)
      .map((x) => x.sent_at);
    const orgFrees = capFreesAt(mine, policy.org_cap_per_candidate, orgWindow);
    if (orgFrees) {
      throw this.capError(
        'organization',
        policy.org_cap_per_candidate,
        policy.org_cap_window_days,
        orgFrees,
        now,
      );
    }
  }

  private capError(cap: 'network' | 'organization', limit: number, days: number, freesAt: Date, now: Date) {
    const who = cap === 'network' ? 'from all senders on the network' : 'from your organization';
    return new DomainError(
      'rate_limited',
      'frequency_cap',
      `This candidate may receive at most ${limit} InMail(s) ${who} in ${days} days; the next is possible from ${freesAt.toISOString()}`,
      {
        retryAfterSeconds: Math.max(1, Math.ceil((freesAt.getTime() - now.getTime()) / 1000)),
        extra: { cap, limit, windowDays: days, freesAt: freesAt.toISOString() },
      },
    );
  }

  /** The recipient opens an InMail: the first open is recorded once. */
  async openAsRecipient(memberId: string, inmailId: string): Promise<InmailView> {
    const now = this.clock.now();
    return this.store.tx((r) => this.openInTx(r, memberId, inmailId, now));
  }

  /** The open itself, inside a transaction the caller opened (the demo loader calls it too). */
  async openInTx(r: Repos, memberId: string, inmailId: string, now: Date): Promise<InmailView> {
    const i = await r.inmails.getForRecipient(memberId, inmailId);
    if (!i) throw notFound('InMail');
    if (await r.inmails.markOpened(i.id, now)) {
      await r.events.append({
        type: `${i.channel}.opened`,
        occurredAt: now,
        orgId: i.org_id,
        actorMemberId: memberId,
        seatId: i.seat_id,
        recipientMemberId: memberId,
        inmailId: i.id,
        threadId: i.thread_id,
        campaignId: i.campaign_id,
      });
      i.opened_at = now;
    }
    return inmailView(i);
  }

  /** The sender organization's view: the body with its original links (the recipient's has tracked ones). */
  async getForOrg(orgId: string, inmailId: string): Promise<InmailView> {
    const i = await this.store.repos.inmails.getForOrg(orgId, inmailId);
    if (!i) throw notFound('InMail');
    const links = await this.store.repos.trackedLinks.forInmails([i.id]);
    return {
      ...inmailView(i),
      body: restoreLinks(
        i.body,
        links.map((l) => ({ url: l.url, trackedUrl: l.tracked_url })),
      ),
    };
  }

  async accept(memberId: string, inmailId: string): Promise<InmailView> {
    return this.respond(memberId, inmailId, 'accepted', {});
  }

  async decline(
    memberId: string,
    inmailId: string,
    d: { reason: DeclineReason; contactLaterMonths?: number | undefined; note?: string | undefined },
  ): Promise<InmailView> {
    return this.respond(memberId, inmailId, 'declined', d);
  }

  async reply(memberId: string, inmailId: string, body: string) {
    return this.respond(memberId, inmailId, 'replied', { body });
  }

  /**
   * Accept, decline and reply all come here, serialized on the InMail's row lock: whatever their
   * order or concurrency, the state moves once and the credit is refunded at most once.
   */
  private async respond(
    memberId: string,
    inmailId: string,
    kind: ResponseKind,
    d: {
      reason?: DeclineReason;
      contactLaterMonths?: number | undefined;
      note?: string | undefined;
      body?: string;
    },
  ): Promise<InmailView> {
    return this.store.tx((r, trx) => this.respondInTx(r, trx, memberId, inmailId, kind, d, this.clock.now()));
  }

  /** The answer itself, inside a transaction the caller opened (the demo loader calls it too). */
  async respondInTx(
    r: Repos,
    trx: Tx,
    memberId: string,
    inmailId: string,
    kind: ResponseKind,
    d: {
      reason?: DeclineReason;
      contactLaterMonths?: number | undefined;
      note?: string | undefined;
      body?: string;
    },
    now: Date,
  ): Promise<InmailView> {
    const i = await r.inmails.lockForRecipient(memberId, inmailId);
    if (!i) throw notFound('InMail');
    if (i.channel === 'message' && kind !== 'replied') {
      throw conflict('not_an_inmail', 'This is a message from a connection: reply to it');
    }
    const first = i.status === 'pending';
    if (kind === 'accepted') {
      if (i.status === 'accepted' || i.status === 'replied') return inmailView(i);
      if (!first)
        throw conflict('already_responded', `This InMail is ${i.status}`, { currentStatus: i.status });
      await r.inmails.setResponse(i.id, { status: 'accepted', acceptedAt: now });
    } else if (kind === 'declined') {
      if (i.status === 'declined') return inmailView(i);
      if (!first)
        throw conflict('already_responded', `This InMail is ${i.status}`, { currentStatus: i.status });
      const contactLaterUntil =
        d.reason === 'contact_later' && d.contactLaterMonths ? addMonths(now, d.contactLaterMonths) : null;
      await r.inmails.setResponse(i.id, {
        status: 'declined',
        declinedAt: now,
        declineReason: d.reason!,
        declineNote: d.note ?? null,
        contactLaterUntil,
      });
    } else {
      if (i.status === 'declined' || i.status === 'expired') {
        throw conflict('conversation_closed', `This InMail is ${i.status}; the conversation is closed`, {
          currentStatus: i.status,
        });
      }
      await r.inmails.setResponse(i.id, { status: first ? 'replied' : i.status, repliedAt: now });
      await r.threads.addMessage({
        threadId: i.thread_id,
        inmailId: i.id,
        author: 'recipient',
        authorUserId: null,
        body: d.body!,
        at: now,
      });
    }

    const base = {
      occurredAt: now,
      orgId: i.org_id,
      actorMemberId: memberId,
      seatId: i.seat_id,
      recipientMemberId: memberId,
      inmailId: i.id,
      threadId: i.thread_id,
      campaignId: i.campaign_id,
    };
    const isFirstReply = kind === 'replied' && i.replied_at === null;
    if (kind !== 'replied' || isFirstReply) {
      await r.events.append({
        ...base,
        type: `${i.channel}.${kind}`,
        data:
          kind === 'declined' ? { reason: d.reason, contactLaterMonths: d.contactLaterMonths ?? null } : {},
      });
    } else {
      await r.events.append({ ...base, type: 'message.sent', data: { author: 'recipient' } });
    }
    if (first) await this.maybeRefund(r, i, kind, now);

    const senderAccount = await r.users.get(i.org_id, i.sender_user_id);
    if (senderAccount) {
      const member = await r.members.get(memberId);
      const name = member ? `${member.first_name} ${member.last_name}` : 'The candidate';
      await this.notifications.notify(r, trx, {
        accountId: senderAccount.account_id,
        kind: `inmail.${kind}`,
        title:
          kind === 'accepted'
            ? `${name} accepted your InMail "${i.subject}"`
            : kind === 'declined'
              ? `${name} declined your InMail "${i.subject}"`
              : `${name} replied to "${i.subject}"`,
        body: kind === 'replied' ? d.body!.slice(0, 300) : (d.note ?? ''),
        link: `/threads/${i.thread_id}`,
        data: { inmailId: i.id, threadId: i.thread_id },
      });
    }
    return inmailView((await r.inmails.get(i.id))!);
  }

  private async maybeRefund(r: Repos, i: InmailRow, kind: ResponseKind, now: Date): Promise<void> {
    const policy = await r.policies.get(i.org_id);
    const due = refundDue(policy.refund_policy, {
      response: kind,
      sentAt: i.sent_at,
      respondedAt: now,
      windowDays: policy.refund_window_days,
      charged: i.charged,
      alreadyRefunded: i.refunded_at !== null,
    });
    if (!due || !(await r.inmails.markRefunded(i.id, now))) return;
    const toSeat = policy.refund_target === 'seat' && i.seat_id !== null;
    if (toSeat) await r.seats.lock(i.org_id, i.seat_id!);
    else await r.pools.lock(i.org_id);
    await post(r, {
      orgId: i.org_id,
      seatId: toSeat ? i.seat_id : null,
      kind: 'refund',
      amount: 1,
      inmailId: i.id,
      campaignId: i.campaign_id,
      reason: `${kind} (${policy.refund_policy})`,
      at: now,
    });
    await r.events.append({
      type: 'inmail.refunded',
      occurredAt: now,
      orgId: i.org_id,
      // The recipient's answer is what refunds it.
      actorMemberId: i.recipient_member_id,
      seatId: i.seat_id,
      recipientMemberId: i.recipient_member_id,
      inmailId: i.id,
      threadId: i.thread_id,
      campaignId: i.campaign_id,
      data: { to: toSeat ? 'seat' : 'pool', policy: policy.refund_policy, response: kind },
    });
  }

  /** The expiry job: pending InMails older than the expiry become expired (no response). */
  async expireDue(batch = 200): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const n = await this.store.tx(async (r) => {
        const due = await r.inmails.lockExpired(now, batch);
        for (const i of due) {
          await r.inmails.markExpired(i.id, now);
          await r.events.append({
            type: 'inmail.expired',
            occurredAt: now,
            orgId: i.org_id,
            seatId: i.seat_id,
            recipientMemberId: i.recipient_member_id,
            inmailId: i.id,
            threadId: i.thread_id,
            campaignId: i.campaign_id,
          });
        }
        return due.length;
      });
      total += n;
      if (n < batch) return total;
    }
  }
}
