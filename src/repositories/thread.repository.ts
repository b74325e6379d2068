import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface ThreadRow {
  id: string;
  org_id: string;
  sender_user_id: string;
  recipient_member_id: string;
  kind: 'inmail' | 'message';
  subject: string;
  created_at: Date;
  last_message_at: Date;
  recipient_unread: number;
  sender_unread: number;
}

export interface InboxThreadRow extends ThreadRow {
  sender_first_name: string;
  sender_last_name: string;
  sender_title: string;
  org_name: string;
  sender_member_id: string | null;
  sender_headline: string | null;
  inmail_id: string | null;
  inmail_status: string | null;
  last_body: string;
  last_author: 'sender' | 'recipient';
  recipient_first_name: string;
  recipient_last_name: string;
  recipient_headline: string;
}

export interface MessageRow {
  id: string;
  thread_id: string;
  inmail_id: string | null;
  author: 'sender' | 'recipient';
  author_user_id: string | null;
  body: string;
  created_at: Date;
}

const INBOX_SELECT = sql`
  SELECT t.*, u.first_name AS sender_first_name, u.last_name AS sender_last_name, u.title AS sender_title,
         o.name AS org_name, sm.id AS sender_member_id, sm.headline AS sender_headline,
         li.id AS inmail_id, li.status AS inmail_status, lm.body AS last_body, lm.author AS last_author,
         rm.first_name AS recipient_first_name, rm.last_name AS recipient_last_name, rm.headline AS recipient_headline
  FROM threads t
  JOIN users u ON u.id = t.sender_user_id
  JOIN organizations o ON o.id = t.org_id
  JOIN members rm ON rm.id = t.recipient_member_id
  LEFT JOIN members sm ON sm.account_id = u.account_id
  LEFT JOIN LATERAL (SELECT id, status FROM inmails WHERE thread_id = t.id ORDER BY sent_at DESC, id DESC LIMIT 1) li ON true
  LEFT JOIN LATERAL (SELECT body, author FROM messages WHERE thread_id = t.id ORDER BY seq DESC LIMIT 1) lm ON true`;

export class ThreadRepository {
  constructor(private readonly db: Executor) {}

  /** A member's threads, newest activity first, keyset-paged on (last_message_at, id). */
  async inbox(
    memberId: string,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<InboxThreadRow[]> {
    const r = await sql<InboxThreadRow>`
      ${INBOX_SELECT}
      WHERE t.recipient_member_id = ${memberId}
        AND (${after?.at ?? null}::timestamptz IS NULL OR (t.last_message_at, t.id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY t.last_message_at DESC, t.id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  /** An organization user's threads (the recruiter's sent box). */
  async sent(orgId: string, userId: string, after: { at: Date; id: string } | null, limit: number) {
    const r = await sql<InboxThreadRow>`
      ${INBOX_SELECT}
      WHERE t.org_id = ${orgId} AND t.sender_user_id = ${userId}
        AND (${after?.at ?? null}::timestamptz IS NULL OR (t.last_message_at, t.id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY t.last_message_at DESC, t.id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async get(id: string): Promise<InboxThreadRow | undefined> {
    const r = await sql<InboxThreadRow>`${INBOX_SELECT} WHERE t.id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  async messages(threadId: string): Promise<MessageRow[]> {
    const r = await sql<MessageRow>`
      SELECT id, thread_id, inmail_id, author, author_user_id, body, created_at FROM messages
      WHERE thread_id = ${threadId} ORDER BY seq`.execute(this.db);
    return r.rows;
  }

  async addMessage(m: {
    threadId: string;
    inmailId: string | null;
    author: 'sender' | 'recipient';
    authorUserId: string | null;
    body: string;
    at: Date;
  }): Promise<MessageRow> {
    const r = await sql<MessageRow>`
      WITH msg AS (
        INSERT INTO messages (thread_id, inmail_id, author, author_user_id, body, created_at)
        VALUES (${m.threadId}, ${m.inmailId}, ${m.author}, ${m.authorUserId}, ${m.body}, ${m.at})
        RETURNING id, thread_id, inmail_id, author, author_user_id, body, created_at
      ), t AS (
        UPDATE threads SET last_message_at = ${m.at},
          recipient_unread = recipient_unread + CASE WHEN ${m.author} = 'sender' THEN 1 ELSE 0 END,
          sender_unread = sender_unread + CASE WHEN ${m.author} = 'recipient' THEN 1 ELSE 0 END
        WHERE id = ${m.threadId}
      )
      SELECT * FROM msg`.execute(this.db);
    return r.rows[0]!;
  }

  async markRead(threadId: string, side: 'sender' | 'recipient'): Promise<void> {
    if (side === 'recipient') {
      await sql`UPDATE threads SET recipient_unread = 0 WHERE id = ${threadId} AND recipient_unread <> 0`.execute(
        this.db,
      );
    } else {
      await sql`UPDATE threads SET sender_unread = 0 WHERE id = ${threadId} AND sender_unread <> 0`.execute(
        this.db,
      );
    }
  }

  async unreadForMember(memberId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT coalesce(sum(recipient_unread), 0)::int AS n FROM threads WHERE recipient_member_id = ${memberId}`.execute(
      this.db,
    );
    return r.rows[0]!.n;
  }
}
