import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export type InmailStatus = 'pending' | 'accepted' | 'declined' | 'replied' | 'expired';

export interface InmailRow {
  id: string;
  thread_id: string;
  org_id: string;
  seat_id: string | null;
  sender_user_id: string;
  recipient_member_id: string;
  subject: string;
  body: string;
  status: InmailStatus;
  charged: boolean;
  channel: 'inmail' | 'message';
  sent_at: Date;
  expires_at: Date;
  opened_at: Date | null;
  accepted_at: Date | null;
  declined_at: Date | null;
  replied_at: Date | null;
  expired_at: Date | null;
  decline_reason: string | null;
  decline_note: string | null;
  contact_later_until: Date | null;
  refunded_at: Date | null;
  campaign_id: string | null;
  template_id: string | null;
  template_version: number | null;
}

export interface NewInmail {
  id: string;
  threadId: string;
  orgId: string;
  seatId: string | null;
  senderUserId: string;
  recipientMemberId: string;
  subject: string;
  body: string;
  charged: boolean;
  channel: 'inmail' | 'message';
  sentAt: Date;
  expiresAt: Date;
  campaignId?: string | null;
  templateId?: string | null;
  templateVersion?: number | null;
}

export class InmailRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Writes the thread, the InMail and its first message in one statement (one round trip on the
   * hot send path; data-modifying CTEs run in the same snapshot).
   */
  async create(i: NewInmail): Promise<void> {
    await sql`
      WITH t AS (
        INSERT INTO threads (id, org_id, sender_user_id, recipient_member_id, kind, subject, created_at,
                             last_message_at, recipient_unread)
        VALUES (${i.threadId}, ${i.orgId}, ${i.senderUserId}, ${i.recipientMemberId}, ${i.channel}, ${i.subject},
                ${i.sentAt}, ${i.sentAt}, 1)
      ), m AS (
        INSERT INTO inmails (id, thread_id, org_id, seat_id, sender_user_id, recipient_member_id, subject, body,
                             status, charged, channel, sent_at, expires_at, campaign_id, template_id, template_version)
        VALUES (${i.id}, ${i.threadId}, ${i.orgId}, ${i.seatId}, ${i.senderUserId}, ${i.recipientMemberId},
                ${i.subject}, ${i.body}, ${i.channel === 'message' ? 'accepted' : 'pending'}, ${i.charged},
                ${i.channel}, ${i.sentAt}, ${i.expiresAt}, ${i.campaignId ?? null}, ${i.templateId ?? null},
                ${i.templateVersion ?? null})
      )
      INSERT INTO messages (thread_id, inmail_id, author, author_user_id, body, created_at)
      VALUES (${i.threadId}, ${i.id}, 'sender', ${i.senderUserId}, ${i.body}, ${i.sentAt})`.execute(this.db);
  }

  async get(id: string): Promise<InmailRow | undefined> {
    const r = await sql<InmailRow>`SELECT * FROM inmails WHERE id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  async getForOrg(orgId: string, id: string): Promise<InmailRow | undefined> {
    const r = await sql<InmailRow>`SELECT * FROM inmails WHERE org_id = ${orgId} AND id = ${id}`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async getForRecipient(memberId: string, id: string): Promise<InmailRow | undefined> {
    const r = await sql<InmailRow>`
      SELECT * FROM inmails WHERE recipient_member_id = ${memberId} AND id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  /** Locks the InMail for a state change: accept, decline and reply serialize on this row. */
  async lockForRecipient(memberId: string, id: string): Promise<InmailRow | undefined> {
    const r = await sql<InmailRow>`
      SELECT * FROM inmails WHERE recipient_member_id = ${memberId} AND id = ${id} FOR UPDATE`.execute(
      this.db,
    );
    return r.rows[0];
  }

  async lock(id: string): Promise<InmailRow | undefined> {
    const r = await sql<InmailRow>`SELECT * FROM inmails WHERE id = ${id} FOR UPDATE`.execute(this.db);
    return r.rows[0];
  }

  /** Records the first open; returns true only for the call that recorded it. */
  async markOpened(id: string, at: Date): Promise<boolean> {
    const r = await sql`UPDATE inmails SET opened_at = ${at} WHERE id = ${id} AND opened_at IS NULL`.execute(
      this.db,
    );
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  async setResponse(
    id: string,
    r: {
      status: InmailStatus;
      acceptedAt?: Date;
      declinedAt?: Date;
      repliedAt?: Date;
      declineReason?: string;
      declineNote?: string | null;
      contactLaterUntil?: Date | null;
    },
  ): Promise<void> {
    await sql`
      UPDATE inmails SET status = ${r.status},
        accepted_at = coalesce(accepted_at, ${r.acceptedAt ?? null}::timestamptz),
        declined_at = coalesce(declined_at, ${r.declinedAt ?? null}::timestamptz),
        replied_at = coalesce(replied_at, ${r.repliedAt ?? null}::timestamptz),
        decline_reason = coalesce(${r.declineReason ?? null}::text, decline_reason),
        decline_note = coalesce(${r.declineNote ?? null}::text, decline_note),
        contact_later_until = coalesce(${r.contactLaterUntil ?? null}::timestamptz, contact_later_until)
      WHERE id = ${id}`.execute(this.db);
  }

  /** Marks the credit refunded; true only for the one call that did it. */
  async markRefunded(id: string, at: Date): Promise<boolean> {
    const r =
      await sql`UPDATE inmails SET refunded_at = ${at} WHERE id = ${id} AND refunded_at IS NULL`.execute(
        this.db,
      );
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  /** Send times of InMails to a member since an instant: all senders, or one organization. */
  async sentTo(recipientId: string, since: Date, orgId?: string): Promise<Date[]> {
    const r = await sql<{ sent_at: Date }>`
      SELECT sent_at FROM inmails
      WHERE recipient_member_id = ${recipientId} AND channel = 'inmail' AND sent_at > ${since}
        AND (${orgId ?? null}::uuid IS NULL OR org_id = ${orgId ?? null}::uuid)`.execute(this.db);
    return r.rows.map((x) => x.sent_at);
  }

  /**
   * InMails to a member since an instant, with their organization: both frequency caps (network
   * and organization) are computed from this one read.
   */
  async recentTo(recipientId: string, since: Date): Promise<{ sent_at: Date; org_id: string }[]> {
    const r = await sql<{ sent_at: Date; org_id: string }>`
      SELECT sent_at, org_id FROM inmails
      WHERE recipient_member_id = ${recipientId} AND channel = 'inmail' AND sent_at > ${since}`.execute(
      this.db,
    );
    return r.rows;
  }

  /** An organization's InMails to one member, newest first (the candidate's contact history). */
  async historyForOrg(orgId: string, recipientId: string, limit: number): Promise<InmailRow[]> {
    const r = await sql<InmailRow>`
      SELECT * FROM inmails WHERE org_id = ${orgId} AND recipient_member_id = ${recipientId}
      ORDER BY sent_at DESC, id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** Pending InMails past their expiry, oldest first, locked and skipped by concurrent workers. */
  async lockExpired(now: Date, limit: number): Promise<InmailRow[]> {
    const r = await sql<InmailRow>`
      SELECT * FROM inmails WHERE status = 'pending' AND expires_at <= ${now}
      ORDER BY expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(this.db);
    return r.rows;
  }

  async markExpired(id: string, at: Date): Promise<void> {
    await sql`UPDATE inmails SET status = 'expired', expired_at = ${at} WHERE id = ${id} AND status = 'pending'`.execute(
      this.db,
    );
  }

  /** The latest InMail of a thread (a thread starts with one; follow-ups add more). */
  async latestInThread(threadId: string): Promise<InmailRow | undefined> {
    const r = await sql<InmailRow>`
      SELECT * FROM inmails WHERE thread_id = ${threadId} ORDER BY sent_at DESC, id DESC LIMIT 1`.execute(
      this.db,
    );
    return r.rows[0];
  }
}
