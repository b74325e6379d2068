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
  /** MinHash signature of the body (stored form), kept per seat for the near-duplicate check. */
  signature?: { seatId: string; values: number[] } | null;
  /** Tracked links of the body: `inmail.body` already holds their tracked URLs. */
  links?: { token: string; url: string; trackedUrl: string }[];
}

/**
 * The write of the send path as ONE statement: thread, InMail, first message, the spend entry
 * and the seat's stored balance, the recipient's notification, the events, the idempotent
 * response, the body's MinHash signature and its tracked links. Each of these is an ordinary
 * insert or update; putting them in data-modifying CTEs makes the hottest write of the product a
 * single round trip instead of ten (see
 * docs/benchmarks.md). All CTEs see the same snapshot and run to completion together; the
 * foreign keys between them are checked at the end of the statement.
 */
export class SendRepository {
  constructor(private readonly db: Executor) {}

  async record(s: RecordedSend): Promise<{ notificationId: string | null }> {
    const i = s.inmail;
    const e = s.events;
    const col = <T>(f: (x: NewEvent) => T) => e.map(f);
    const links = s.links ?? [];
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
      ), sig AS (
        INSERT INTO inmail_signatures (inmail_id, seat_id, sent_at, signature)
        SELECT ${i.id}::uuid, ${s.signature?.seatId ?? null}::uuid, ${i.sentAt}::timestamptz,
               ${s.signature?.values ?? []}::int[]
        WHERE ${s.signature != null}
      ), links AS (
        INSERT INTO tracked_links (token, inmail_id, org_id, recipient_member_id, url, tracked_url, created_at)
        SELECT l.token, ${i.id}::uuid, ${i.orgId}::uuid, ${i.recipientMemberId}::uuid, l.url, l.tracked_url,
               ${i.sentAt}::timestamptz
        FROM unnest(${links.map((l) => l.token)}::text[], ${links.map((l) => l.url)}::text[],
                    ${links.map((l) => l.trackedUrl)}::text[]) AS l(token, url, tracked_url)
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

  /**
   * A campaign's batch of sends as one statement: the same rows as `record`, for many recipients
   * at once (arrays travel as parameters and unnest() turns them into rows). Charged rows debit
   * the seat, from the campaign's reservation when it has a budget; the recipients' progress is
   * updated in the same statement, so a send and its bookkeeping commit together or not at all.
   */
  async recordMany(b: {
    orgId: string;
    seatId: string;
    senderUserId: string;
    campaignId: string;
    step: number;
    sentAt: Date;
    expiresAt: Date;
    fromReservation: boolean;
    rows: {
      id: string;
      threadId: string;
      recipientId: string;
      charged: boolean;
      subject: string;
      body: string;
      templateId: string | null;
      templateVersion: number | null;
      accountId: string | null;
      notificationTitle: string;
      nextActionAt: Date | null;
    }[];
  }): Promise<{ notificationIds: string[] }> {
    if (b.rows.length === 0) return { notificationIds: [] };
    const col = <T>(f: (x: (typeof b.rows)[number]) => T) => b.rows.map(f);
    const chargedCount = b.rows.filter((x) => x.charged).length;
    const r = await sql<{ id: string }>`
      WITH x AS (
        SELECT * FROM unnest(${col((x) => x.id)}::uuid[], ${col((x) => x.threadId)}::uuid[],
          ${col((x) => x.recipientId)}::uuid[], ${col((x) => x.charged)}::boolean[], ${col((x) => x.subject)}::text[],
          ${col((x) => x.body)}::text[], ${col((x) => x.templateId)}::uuid[], ${col((x) => x.templateVersion)}::int[],
          ${col((x) => x.accountId)}::uuid[], ${col((x) => x.notificationTitle)}::text[],
          ${col((x) => x.nextActionAt)}::timestamptz[])
          AS x(id, thread_id, recipient, charged, subject, body, template_id, template_version, account_id, ntitle, next_at)
      ), t AS (
        INSERT INTO threads (id, org_id, sender_user_id, recipient_member_id, kind, subject, created_at, last_message_at,
                             recipient_unread)
        SELECT thread_id, ${b.orgId}::uuid, ${b.senderUserId}::uuid, recipient,
               CASE WHEN charged THEN 'inmail' ELSE 'message' END, subject, ${b.sentAt}::timestamptz, ${b.sentAt}::timestamptz, 1
        FROM x
      ), i AS (
        INSERT INTO inmails (id, thread_id, org_id, seat_id, sender_user_id, recipient_member_id, subject, body, status,
                             charged, channel, sent_at, expires_at, campaign_id, campaign_step, template_id, template_version)
        SELECT id, thread_id, ${b.orgId}::uuid, CASE WHEN charged THEN ${b.seatId}::uuid END, ${b.senderUserId}::uuid,
               recipient, subject, body, CASE WHEN charged THEN 'pending' ELSE 'accepted' END, charged,
               CASE WHEN charged THEN 'inmail' ELSE 'message' END, ${b.sentAt}::timestamptz, ${b.expiresAt}::timestamptz,
               ${b.campaignId}::uuid, ${b.step}::int, template_id, template_version
        FROM x
      ), msg AS (
        INSERT INTO messages (thread_id, inmail_id, author, author_user_id, body, created_at)
        SELECT thread_id, id, 'sender', ${b.senderUserId}::uuid, body, ${b.sentAt}::timestamptz FROM x
      ), spend AS (
        INSERT INTO ledger_entries (org_id, seat_id, kind, amount, reserved_delta, inmail_id, campaign_id, actor_user_id,
                                    created_at)
        SELECT ${b.orgId}::uuid, ${b.seatId}::uuid, 'spend', ${b.fromReservation ? 0 : -1}::int,
               ${b.fromReservation ? -1 : 0}::int, id, ${b.campaignId}::uuid, ${b.senderUserId}::uuid, ${b.sentAt}::timestamptz
        FROM x WHERE charged
      ), seat AS (
        UPDATE seats SET balance = balance - ${b.fromReservation ? 0 : chargedCount}::int,
                         reserved = reserved - ${b.fromReservation ? chargedCount : 0}::int
        WHERE id = ${b.seatId}::uuid AND ${chargedCount}::int > 0
      ), ev AS (
        INSERT INTO events (type, occurred_at, org_id, actor_user_id, seat_id, recipient_member_id, inmail_id, thread_id,
                            campaign_id, data)
        SELECT e.type, ${b.sentAt}::timestamptz, ${b.orgId}::uuid, ${b.senderUserId}::uuid,
               CASE WHEN x.charged THEN ${b.seatId}::uuid END, x.recipient, x.id, x.thread_id, ${b.campaignId}::uuid,
               jsonb_build_object('step', ${b.step}::int, 'templateId', x.template_id, 'templateVersion', x.template_version)
        FROM x CROSS JOIN LATERAL (VALUES
          (CASE WHEN x.charged THEN 'inmail.sent' ELSE 'message.sent' END),
          (CASE WHEN x.charged THEN 'inmail.delivered' ELSE 'message.delivered' END),
          ('campaign.step_sent')) AS e(type)
      ), rec AS (
        UPDATE campaign_recipients cr SET step = ${b.step}::int, last_sent_at = ${b.sentAt}::timestamptz,
               thread_id = coalesce(cr.thread_id, x.thread_id), first_inmail_id = coalesce(cr.first_inmail_id, x.id),
               status = 'pending', next_action_at = x.next_at, updated_at = ${b.sentAt}::timestamptz
        FROM x WHERE cr.campaign_id = ${b.campaignId}::uuid AND cr.member_id = x.recipient
      )
      INSERT INTO notifications (account_id, kind, title, body, link, data, created_at)
      SELECT account_id, CASE WHEN charged THEN 'inmail.received' ELSE 'message.received' END, ntitle, left(body, 300),
             '/inbox/' || thread_id, jsonb_build_object('inmailId', id, 'threadId', thread_id), ${b.sentAt}::timestamptz
      FROM x WHERE account_id IS NOT NULL
      RETURNING id`.execute(this.db);
    return { notificationIds: r.rows.map((x) => x.id) };
  }
}
