/**
 * In-app notifications (one per InMail, reply, accepted invitation ...) and, when SMTP is
 * configured, an email for each: the email job is queued in the same transaction as the
 * notification, so it exists exactly when the notification does.
 */
import type { Clock } from '../clock.ts';
import { notFound } from '../domain/errors.ts';
import type { Tx } from '../db/database.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Repos, Store } from '../repositories/index.ts';
import type { NotificationRow } from '../repositories/notification.repository.ts';
import type { Mailer } from './mail.ts';

export const EMAIL_JOB = 'notifications.email';

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

function view(n: NotificationRow): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    data: n.data,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}

export interface NewNotification {
  accountId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  data?: Record<string, unknown>;
}

export class NotificationService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly queue: JobQueue | null,
    private readonly mailer: Mailer | null,
    private readonly publicUrl: string | undefined,
  ) {}

  /** Creates a notification inside the caller's transaction (and queues its email). */
  async notify(r: Repos, trx: Tx, n: NewNotification): Promise<string> {
    const id = await r.notifications.create({
      accountId: n.accountId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? '',
      link: n.link ?? null,
      data: n.data ?? {},
      at: this.clock.now(),
    });
    await this.queueEmail(trx, id);
    return id;
  }

  /** Queues the email of a notification written in this transaction, when email is configured. */
  async queueEmail(trx: Tx, notificationId: string): Promise<void> {
    if (this.queue && this.mailer) await this.queue.enqueue(trx, EMAIL_JOB, { notificationId });
  }

  async list(accountId: string, cursor: { at: Date; id: string } | null, limit: number) {
    const rows = await this.store.repos.notifications.page(accountId, cursor, limit + 1);
    const items = rows.slice(0, limit).map(view);
    const last = items[items.length - 1];
    return {
      items,
      unread: await this.store.repos.notifications.unreadCount(accountId),
      nextCursor: rows.length > limit && last ? { at: last.createdAt, id: last.id } : null,
    };
  }

  async markRead(accountId: string, id: string): Promise<NotificationView> {
    const row = await this.store.repos.notifications.markRead(accountId, id, this.clock.now());
    if (!row) throw notFound('notification');
    return view(row);
  }

  async markAllRead(accountId: string): Promise<{ marked: number }> {
    return { marked: await this.store.repos.notifications.markAllRead(accountId, this.clock.now()) };
  }

  /** The email job: sends the notification's email once it is due, unless the member opted out. */
  async sendEmail(notificationId: string): Promise<'sent' | 'skipped'> {
    if (!this.mailer) return 'skipped';
    const n = await this.store.repos.notifications.forEmail(notificationId);
    if (!n || n.emailed_at || !n.wants_email) return 'skipped';
    const link = n.link && this.publicUrl ? `\n\nOpen it: ${new URL(n.link, this.publicUrl).toString()}` : '';
    await this.mailer.send({
      to: n.email,
      subject: n.title,
      text: `${n.body || n.title}${link}\n\n-- InMail. You can turn these emails off in your InMail preferences.`,
    });
    await this.store.repos.notifications.markEmailed(n.id, this.clock.now());
    return 'sent';
  }
}
