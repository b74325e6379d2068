import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { NewEvent } from './event.repository.ts';
import type { NewInmail } from './inmail.repository.ts';

export interface RecordedSend {
  inmail: NewInmail;
  /** The debit, when the InMail is charged (the seat is locked by the caller). */
  charge: { seatId: string; actorUserId: string } | null;
  notification: {
    accountId: string;
    kind: string;
    title: string;
    body: string;
    link: string;
    data: Record<string, unknown>;
  } | null;
  events: NewEvent[];
  /** The idempotency key to complete with the response, if the request had one. */
  idempotency: { scope: string; key: string; response: unknown } | null;
}

/**
 * The write of the send path as ONE statement: thread, InMail, first message, the spend entry
 * and the seat's stored balance, the recipient's notification, the events and the idempotent
 * response. Each of these is an ordinary insert or update; putting them in data-modifying CTEs
 * makes the hottest write of the product a single round trip instead of eight (see
 * docs/benchmarks.md). All CTEs see the same snapshot and run to completion together; the
 * foreign keys between them are checked at the end of the statement.
 */
export class SendRepository {
  constructor(private readonly db: Executor) {}

  async record(s: RecordedSend): Promise<{ notificationId: string | null }> {
    const i = s.inmail;
    const e = s.events;
    const col = <T>(f: (x: NewEvent) => T) => e.map(f);
    const r = await sql<{ notification_id: string | null }>`
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
      ), msg AS (
        INSERT INTO messages (thread_id, inmail_id, author, author_user_id, body, created_at)
        VALUES (${i.threadId}, ${i.id}, 'sender', ${i.senderUserId}, ${i.body}, ${i.sentAt})
      ), spend AS (
        INSERT INTO ledger_entries (org_id, seat_id, kind, amount, inmail_id, campaign_id, actor_user_id, created_at)
        SELECT ${i.orgId}, ${s.charge?.seatId ?? null}::uuid, 'spend', -1, ${i.id}, ${i.campaignId ?? null}::uuid,
               ${s.charge?.actorUserId ?? null}::uuid, ${i.sentAt}::timestamptz
        WHERE ${s.charge !== null}
      ), seat AS (
        UPDATE seats SET balance = balance - 1 WHERE id = ${s.charge?.seatId ?? null}::uuid AND ${s.charge !== null}
      ), ev AS (
        INSERT INTO events (type, occurred_at, org_id, actor_user_id, actor_member_id, seat_id, recipient_member_id,
                            inmail_id, thread_id, campaign_id, data)
        SELECT * FROM unnest(${col((x) => x.type)}::text[], ${col((x) => x.occurredAt)}::timestamptz[],
          ${col((x) => x.orgId ?? null)}::uuid[], ${col((x) => x.actorUserId ?? null)}::uuid[],
          ${col((x) => x.actorMemberId ?? null)}::uuid[], ${col((x) => x.seatId ?? null)}::uuid[],
          ${col((x) => x.recipientMemberId ?? null)}::uuid[], ${col((x) => x.inmailId ?? null)}::uuid[],
          ${col((x) => x.threadId ?? null)}::uuid[], ${col((x) => x.campaignId ?? null)}::uuid[],
          ${col((x) => JSON.stringify(x.data ?? {}))}::jsonb[])
      ), idem AS (
        UPDATE idempotency_keys SET status_code = 201, response = ${JSON.stringify(s.idempotency?.response ?? null)}::jsonb
        WHERE scope = ${s.idempotency?.scope ?? null}::text AND key = ${s.idempotency?.key ?? null}::text
      ), n AS (
        INSERT INTO notifications (account_id, kind, title, body, link, data, created_at)
        SELECT ${s.notification?.accountId ?? null}::uuid, ${s.notification?.kind ?? ''}, ${s.notification?.title ?? ''},
               ${s.notification?.body ?? ''}, ${s.notification?.link ?? null}::text,
               ${JSON.stringify(s.notification?.data ?? {})}::jsonb, ${i.sentAt}::timestamptz
        WHERE ${s.notification !== null}
        RETURNING id
      )
      SELECT (SELECT id FROM n) AS notification_id`.execute(this.db);
    return { notificationId: r.rows[0]?.notification_id ?? null };
  }
}
