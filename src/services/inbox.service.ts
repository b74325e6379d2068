/**
 * Threads as both sides see them: the member's inbox, the recruiter's sent box, a thread with its
 * messages, free conversation once a thread is open, spam reports, and the member's controls
 * (InMail on or off, contact me later, blocked senders and organizations).
 */
import type { Clock } from '../clock.ts';
import type { Principal } from '../domain/auth.ts';
import { conflict, forbidden, notFound } from '../domain/errors.ts';
import { restoreLinks } from '../domain/links.ts';
import type { Store } from '../repositories/index.ts';
import type { BlockRow } from '../repositories/block.repository.ts';
import type { InboxThreadRow, MessageRow } from '../repositories/thread.repository.ts';
import { inmailView } from './inmail.service.ts';
import type { NotificationService } from './notification.service.ts';

export interface ThreadSummary {
  id: string;
  kind: 'inmail' | 'message';
  subject: string;
  sender: {
    userId: string;
    name: string;
    title: string;
    organization: string;
    memberId: string | null;
    headline: string | null;
  };
  recipient: { memberId: string; name: string; headline: string };
  lastMessageAt: Date;
  lastMessage: { body: string; author: 'sender' | 'recipient' };
  unread: number;
  inmail: { id: string; status: string } | null;
}

export interface MessageView {
  id: string;
  author: 'sender' | 'recipient';
  body: string;
  createdAt: Date;
}

function summary(t: InboxThreadRow, side: 'sender' | 'recipient'): ThreadSummary {
  return {
    id: t.id,
    kind: t.kind,
    subject: t.subject,
    sender: {
      userId: t.sender_user_id,
      name: `${t.sender_first_name} ${t.sender_last_name}`,
      title: t.sender_title,
      organization: t.org_name,
      memberId: t.sender_member_id,
      headline: t.sender_headline,
    },
    recipient: {
      memberId: t.recipient_member_id,
      name: `${t.recipient_first_name} ${t.recipient_last_name}`,
      headline: t.recipient_headline,
    },
    lastMessageAt: t.last_message_at,
    lastMessage: { body: t.last_body, author: t.last_author },
    unread: side === 'recipient' ? t.recipient_unread : t.sender_unread,
    inmail: t.inmail_id ? { id: t.inmail_id, status: t.inmail_status! } : null,
  };
}

function messageView(m: MessageRow): MessageView {
  return { id: m.id, author: m.author, body: m.body, createdAt: m.created_at };
}

export interface Preferences {
  inmailEnabled: boolean;
  contactLaterUntil: Date | null;
  emailNotifications: boolean;
}

export interface BlockView {
  id: string;
  userId: string | null;
  organizationId: string | null;
  name: string;
  createdAt: Date;
}

function blockView(b: BlockRow): BlockView {
  return {
    id: b.id,
    userId: b.blocked_user_id,
    organizationId: b.blocked_org_id,
    name: b.blocked_user_id
      ? `${b.user_name ?? 'Someone'} (${b.org_name ?? ''})`
      : (b.org_name ?? 'An organization'),
    createdAt: b.created_at,
  };
}

export type Cursor = { at: Date; id: string } | null;

/** Which side of a thread a principal is on, or none (then the thread answers 404). */
function sideOf(p: Principal, t: InboxThreadRow): 'sender' | 'recipient' | null {
  if (p.memberId && t.recipient_member_id === p.memberId) return 'recipient';
  if (p.user && t.org_id === p.user.orgId) return 'sender';
  return null;
}

export class InboxService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  async inbox(memberId: string, cursor: Cursor, limit: number) {
    const rows = await this.store.repos.threads.inbox(memberId, cursor, limit + 1);
    const items = rows.slice(0, limit).map((t) => summary(t, 'recipient'));
    const last = items[items.length - 1];
    return {
      items,
      unread: await this.store.repos.threads.unreadForMember(memberId),
      nextCursor: rows.length > limit && last ? { at: last.lastMessageAt, id: last.id } : null,
    };
  }

  async sent(orgId: string, userId: string, cursor: Cursor, limit: number) {
    const rows = await this.store.repos.threads.sent(orgId, userId, cursor, limit + 1);
    const items = rows.slice(0, limit).map((t) => summary(t, 'sender'));
    const links = await this.originalLinks(items.flatMap((t) => (t.inmail ? [t.inmail.id] : [])));
    if (links.length > 0) {
      for (const t of items) t.lastMessage.body = restoreLinks(t.lastMessage.body, links);
    }
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? { at: last.lastMessageAt, id: last.id } : null,
    };
  }

  /** A thread with its messages; reading it as the recipient (or the sender) marks it read. */
  async thread(p: Principal, threadId: string) {
    const t = await this.store.repos.threads.get(threadId);
    const side = t ? sideOf(p, t) : null;
    if (!t || !side) throw notFound('thread');
    await this.store.repos.threads.markRead(threadId, side);
    const rows = await this.store.repos.threads.messages(threadId);
    const messages = rows.map(messageView);
    const latest = await this.store.repos.inmails.latestInThread(threadId);
    const thread = { ...summary(t, side), unread: 0 };
    const inmail = latest ? inmailView(latest) : null;
    // The recipient's copy of an InMail has tracked links; its sender sees the links as written.
    const links =
      side === 'sender'
        ? await this.originalLinks([...new Set(rows.flatMap((m) => (m.inmail_id ? [m.inmail_id] : [])))])
        : [];
    if (links.length > 0) {
      for (const m of messages) m.body = restoreLinks(m.body, links);
      thread.lastMessage.body = restoreLinks(thread.lastMessage.body, links);
      if (inmail) inmail.body = restoreLinks(inmail.body, links);
    }
    return {
      thread,
      messages,
      inmail,
      canReply: this.canWrite(side, t.kind, latest?.status ?? null),
      side,
    };
  }

  /** Original and tracked URL of every tracked link of these InMails. */
  private async originalLinks(inmailIds: string[]): Promise<{ url: string; trackedUrl: string }[]> {
    if (inmailIds.length === 0) return [];
    const rows = await this.store.repos.trackedLinks.forInmails(inmailIds);
    return rows.map((l) => ({ url: l.url, trackedUrl: l.tracked_url }));
  }

  /**
   * Who may write in a thread: the recipient until it is declined or expired (a reply to a
   * pending InMail goes through the InMail's reply, which also answers it); the sender only once
   * the recipient accepted or replied, or in a free conversation between connections.
   */
  private canWrite(side: 'sender' | 'recipient', kind: 'inmail' | 'message', status: string | null): boolean {
    if (kind === 'message') return true;
    if (side === 'recipient') return status !== 'declined' && status !== 'expired';
    return status === 'accepted' || status === 'replied';
  }

  async postMessage(p: Principal, threadId: string, body: string): Promise<MessageView> {
    const now = this.clock.now();
    return this.store.tx(async (r, trx) => {
      const t = await r.threads.get(threadId);
      const side = t ? sideOf(p, t) : null;
      if (!t || !side) throw notFound('thread');
      // Locked so a reply racing a decline sees the final state.
      const newest = await r.inmails.latestInThread(threadId);
      const latest = newest ? await r.inmails.lock(newest.id) : undefined;
      if (side === 'recipient' && latest?.status === 'pending') {
        throw conflict(
          'answer_inmail_first',
          'Reply to the InMail itself (POST /v1/inmails/{id}/replies), or accept it',
        );
      }
      if (!this.canWrite(side, t.kind, latest?.status ?? null)) {
        throw side === 'sender'
          ? conflict(
              'awaiting_response',
              'The candidate has not accepted or replied yet; the conversation opens when they do',
            )
          : conflict('conversation_closed', 'This conversation is closed');
      }
      if (side === 'sender' && p.user!.id !== t.sender_user_id && !p.user!.roles.includes('org_admin')) {
        throw forbidden('Only the sender writes in this thread', 'not_your_thread');
      }
      const m = await r.threads.addMessage({
        threadId,
        inmailId: latest?.id ?? null,
        author: side,
        authorUserId: side === 'sender' ? p.user!.id : null,
        body,
        at: now,
      });
      await r.events.append({
        type: 'message.sent',
        occurredAt: now,
        orgId: t.org_id,
        actorUserId: side === 'sender' ? p.user!.id : null,
        actorMemberId: side === 'recipient' ? p.memberId : null,
        recipientMemberId: t.recipient_member_id,
        inmailId: latest?.id ?? null,
        threadId,
        data: { author: side },
      });
      const accountId =
        side === 'sender'
          ? await r.members.accountId(t.recipient_member_id)
          : (await r.users.get(t.org_id, t.sender_user_id))?.account_id;
      if (accountId) {
        const from =
          side === 'sender'
            ? `${t.sender_first_name} ${t.sender_last_name}`
            : `${t.recipient_first_name} ${t.recipient_last_name}`;
        await this.notifications.notify(r, trx, {
          accountId,
          kind: 'message.received',
          title: `New message from ${from}: ${t.subject}`,
          body: body.slice(0, 300),
          link: side === 'sender' ? `/inbox/${threadId}` : `/threads/${threadId}`,
          data: { threadId },
        });
      }
      return messageView(m);
    });
  }

  async reportSpam(memberId: string, threadId: string, note: string | null): Promise<{ reported: boolean }> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const t = await r.threads.get(threadId);
      if (!t || t.recipient_member_id !== memberId) throw notFound('thread');
      const reported = await r.blocks.reportSpam({
        memberId,
        threadId,
        orgId: t.org_id,
        senderUserId: t.sender_user_id,
        note,
        at: now,
      });
      if (reported) {
        await r.events.append({
          type: 'inmail.reported',
          occurredAt: now,
          orgId: t.org_id,
          actorMemberId: memberId,
          recipientMemberId: memberId,
          threadId,
          data: { senderUserId: t.sender_user_id },
        });
      }
      return { reported: true };
    });
  }

  async preferences(memberId: string): Promise<Preferences> {
    const m = await this.store.repos.members.get(memberId);
    if (!m) throw notFound('member');
    return {
      inmailEnabled: m.inmail_enabled,
      contactLaterUntil: m.contact_later_until,
      emailNotifications: m.email_notifications,
    };
  }

  async updatePreferences(
    memberId: string,
    p: {
      inmailEnabled?: boolean | undefined;
      contactLaterUntil?: Date | null | undefined;
      emailNotifications?: boolean | undefined;
    },
  ): Promise<Preferences> {
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const m = await r.members.updateSettings(memberId, p);
      if (!m) throw notFound('member');
      await r.events.append({
        type: 'member.preferences_changed',
        occurredAt: now,
        actorMemberId: memberId,
        data: {
          inmailEnabled: m.inmail_enabled,
          contactLaterUntil: m.contact_later_until,
          emailNotifications: m.email_notifications,
        },
      });
      return {
        inmailEnabled: m.inmail_enabled,
        contactLaterUntil: m.contact_later_until,
        emailNotifications: m.email_notifications,
      };
    });
  }

  async blocks(memberId: string): Promise<BlockView[]> {
    return (await this.store.repos.blocks.list(memberId)).map(blockView);
  }

  async block(
    memberId: string,
    target: { userId?: string | undefined; organizationId?: string | undefined },
  ): Promise<BlockView> {
    return this.store.tx(async (r) => {
      if (target.userId) {
        if (!(await r.users.exists(target.userId))) throw notFound('user');
        return blockView(await r.blocks.add(memberId, { userId: target.userId }, this.clock.now()));
      }
      if (!(await r.organizations.get(target.organizationId!))) throw notFound('organization');
      return blockView(await r.blocks.add(memberId, { orgId: target.organizationId! }, this.clock.now()));
    });
  }

  async unblock(memberId: string, blockId: string): Promise<void> {
    if (!(await this.store.repos.blocks.remove(memberId, blockId))) throw notFound('block');
  }
}
