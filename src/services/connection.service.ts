/**
 * Connection requests: free, with an optional short note. Accepted requests make two members
 * 1st-degree connections (their messages are then free). After a withdrawal the same person
 * cannot be invited again for a cooldown (3 weeks by default); a weekly cap per member is a
 * setting, off by default.
 */
import type { Clock } from '../clock.ts';
import { conflict, DomainError, forbidden, notFound, unprocessable } from '../domain/errors.ts';
import type { Repos, Store } from '../repositories/index.ts';
import type { Tx } from '../db/database.ts';
import type {
  ConnectionRequestRow,
  ConnectionRequestStatus,
} from '../repositories/connection-request.repository.ts';
import type { NotificationService } from './notification.service.ts';

export interface ConnectionRules {
  noteMax: number;
  weeklyCap: number;
  cooldownDays: number;
}

export interface ConnectionRequestView {
  id: string;
  from: { memberId: string; name: string; headline: string };
  to: { memberId: string; name: string; headline: string };
  note: string | null;
  status: ConnectionRequestStatus;
  createdAt: Date;
  respondedAt: Date | null;
}

function view(c: ConnectionRequestRow): ConnectionRequestView {
  return {
    id: c.id,
    from: { memberId: c.from_member_id, name: c.from_name, headline: c.from_headline },
    to: { memberId: c.to_member_id, name: c.to_name, headline: c.to_headline },
    note: c.note,
    status: c.status,
    createdAt: c.created_at,
    respondedAt: c.responded_at,
  };
}

const DAY = 86_400_000;

export class ConnectionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
    private readonly rules: ConnectionRules,
  ) {}

  async request(fromId: string, toId: string, note: string | null): Promise<ConnectionRequestView> {
    if (fromId === toId) throw unprocessable('cannot_invite_self', 'You cannot invite yourself');
    if (note && [...note].length > this.rules.noteMax) {
      throw unprocessable(
        'note_too_long',
        `A note holds at most ${this.rules.noteMax} characters`,
        undefined,
        [{ field: 'note', message: `at most ${this.rules.noteMax} characters` }],
      );
    }
    return this.store.tx((r, trx) => this.requestInTx(r, trx, fromId, toId, note, this.clock.now(), null));
  }

  /** The invitation itself, inside the caller's transaction (campaign steps send them too). */
  async requestInTx(
    r: Repos,
    trx: Tx,
    fromId: string,
    toId: string,
    note: string | null,
    now: Date,
    campaignId: string | null,
  ): Promise<ConnectionRequestView> {
    const to = await r.members.get(toId);
    if (!to) throw notFound('member');
    if (await r.members.areConnected(fromId, toId))
      throw conflict('already_connected', 'You are already connected');
    await r.connectionRequests.lockSender(fromId);
    const withdrawn = await r.connectionRequests.lastWithdrawn(fromId, toId);
    if (withdrawn && now.getTime() - withdrawn.getTime() < this.rules.cooldownDays * DAY) {
      const freesAt = new Date(withdrawn.getTime() + this.rules.cooldownDays * DAY);
      throw new DomainError(
        'rate_limited',
        'invitation_cooldown',
        `You withdrew an invitation to this person; you can invite them again from ${freesAt.toISOString().slice(0, 10)}`,
        {
          retryAfterSeconds: Math.ceil((freesAt.getTime() - now.getTime()) / 1000),
          extra: { freesAt: freesAt.toISOString() },
        },
      );
    }
    if (this.rules.weeklyCap > 0) {
      const sent = await r.connectionRequests.sentSince(fromId, new Date(now.getTime() - 7 * DAY));
      if (sent >= this.rules.weeklyCap) {
        throw new DomainError(
          'rate_limited',
          'invitation_weekly_cap',
          `At most ${this.rules.weeklyCap} invitations a week`,
          { retryAfterSeconds: 86_400, extra: { limit: this.rules.weeklyCap } },
        );
      }
    }
    const created = await r.connectionRequests.create(fromId, toId, note, now, campaignId);
    if (!created) throw conflict('invitation_pending', 'An invitation to this person is already pending');
    await r.events.append({
      type: 'connection.requested',
      occurredAt: now,
      actorMemberId: fromId,
      recipientMemberId: toId,
      data: { requestId: created.id, withNote: !!note },
    });
    if (to.account_id) {
      await this.notifications.notify(r, trx, {
        accountId: to.account_id,
        kind: 'connection.requested',
        title: `${created.from_name} wants to connect`,
        body: note ?? '',
        link: '/invitations',
        data: { requestId: created.id },
      });
    }
    return view(created);
  }

  async list(memberId: string, direction: 'incoming' | 'outgoing', status: ConnectionRequestStatus | null) {
    return (await this.store.repos.connectionRequests.list(memberId, direction, status, 200)).map(view);
  }

  async accept(memberId: string, id: string): Promise<ConnectionRequestView> {
    return this.answer(memberId, id, 'accepted');
  }

  async ignore(memberId: string, id: string): Promise<ConnectionRequestView> {
    return this.answer(memberId, id, 'ignored');
  }

  async withdraw(memberId: string, id: string): Promise<ConnectionRequestView> {
    return this.answer(memberId, id, 'withdrawn');
  }

  private async answer(memberId: string, id: string, to: 'accepted' | 'ignored' | 'withdrawn') {
    const now = this.clock.now();
    return this.store.tx(async (r, trx) => {
      const c = await r.connectionRequests.lock(id);
      const mine = c && (to === 'withdrawn' ? c.from_member_id === memberId : c.to_member_id === memberId);
      if (!c || !(c.from_member_id === memberId || c.to_member_id === memberId)) throw notFound('invitation');
      if (!mine) {
        throw forbidden(
          to === 'withdrawn'
            ? 'Only the sender can withdraw an invitation'
            : 'Only the invitee can answer an invitation',
          'not_your_invitation',
        );
      }
      if (c.status === to) return view(c);
      if (c.status !== 'pending')
        throw conflict('invitation_closed', `This invitation is ${c.status}`, { currentStatus: c.status });
      await r.connectionRequests.setStatus(id, to, now);
      if (to === 'accepted') await r.members.connectMany([[c.from_member_id, c.to_member_id]]);
      await r.events.append({
        type: `connection.${to}`,
        occurredAt: now,
        actorMemberId: memberId,
        recipientMemberId: to === 'withdrawn' ? c.to_member_id : c.from_member_id,
        data: { requestId: id },
      });
      if (to === 'accepted') {
        const inviter = await r.members.get(c.from_member_id);
        if (inviter?.account_id) {
          await this.notifications.notify(r, trx, {
            accountId: inviter.account_id,
            kind: 'connection.accepted',
            title: `${c.to_name} accepted your invitation`,
            link: `/members/${c.to_member_id}`,
            data: { requestId: id, memberId: c.to_member_id },
          });
        }
      }
      return view((await r.connectionRequests.get(id))!);
    });
  }
}
