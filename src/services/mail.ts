/**
 * Outgoing email through SMTP (nodemailer), when SMTP_URL is set. Email is at least once: a
 * retried job may send a notification twice, never zero times once it was queued.
 */
import nodemailer, { type Transporter } from 'nodemailer';

export interface Mailer {
  send(m: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
    close() {
      transport.close();
    },
  };
}
