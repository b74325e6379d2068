import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface NotificationRow {
  id: string;
  account_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
  emailed_at: Date | null;
}

export class NotificationRepository {
  constructor(private readonly db: Executor) {}

  async create(n: {
    accountId: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    data: Record<string, unknown>;
    at: Date;
  }): Promise<string> {
    const r = await sql<{ id: string }>`
      INSERT INTO notifications (account_id, kind, title, body, link, data, created_at)
      VALUES (${n.accountId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link}, ${JSON.stringify(n.data)}::jsonb, ${n.at})
      RETURNING id`.execute(this.db);
    return r.rows[0]!.id;
  }

  async page(
    accountId: string,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<NotificationRow[]> {
    const r = await sql<NotificationRow>`
      SELECT * FROM notifications
      WHERE account_id = ${accountId}
        AND (${after?.at ?? null}::timestamptz IS NULL OR (created_at, id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      ORDER BY created_at DESC, id DESC LIMIT ${limit}`.execute(this.db);
    return r.rows;
  }

  async unreadCount(accountId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM notifications WHERE account_id = ${accountId} AND read_at IS NULL`.execute(
      this.db,
    );
    return r.rows[0]!.n;
  }

  async markRead(accountId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
    const r = await sql<NotificationRow>`
      UPDATE notifications SET read_at = coalesce(read_at, ${at})
      WHERE account_id = ${accountId} AND id = ${id} RETURNING *`.execute(this.db);
    return r.rows[0];
  }

  async markAllRead(accountId: string, at: Date): Promise<number> {
    const r = await sql`
      UPDATE notifications SET read_at = ${at} WHERE account_id = ${accountId} AND read_at IS NULL`.execute(
      this.db,
    );
    return Number(r.numAffectedRows ?? 0);
  }

  /** A notification with its recipient's address, for the email job. */
  async forEmail(
    id: string,
  ): Promise<(NotificationRow & { email: string; wants_email: boolean }) | undefined> {
    const r = await sql<NotificationRow & { email: string; wants_email: boolean }>`
      SELECT n.*, a.email, coalesce(m.email_notifications, true) AS wants_email
      FROM notifications n JOIN accounts a ON a.id = n.account_id
      LEFT JOIN members m ON m.account_id = a.id
      WHERE n.id = ${id}`.execute(this.db);
    return r.rows[0];
  }

  async markEmailed(id: string, at: Date): Promise<boolean> {
    const r =
      await sql`UPDATE notifications SET emailed_at = ${at} WHERE id = ${id} AND emailed_at IS NULL`.execute(
        this.db,
      );
    return Number(r.numAffectedRows ?? 0) > 0;
  }
}
