/**
 * Email notifications through a real SMTP server (smtp-server on a local port): an InMail to a
 * member queues an email job in the send transaction; a worker delivers it.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from './support/app.ts';
import { as, memberId } from './support/client.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let server: SMTPServer;
let t: TestApp;
const inbox: Received[] = [];
const waiters: ((m: Received) => void)[] = [];

before(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        const m = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        };
        inbox.push(m);
        for (const w of waiters.splice(0)) w(m);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  t = await createTestApp({
    jobs: true,
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'InMail <inmail@demo.test>',
      INMAIL_PUBLIC_URL: 'https://inmail.example',
    },
  });
});
after(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function nextMail(to: string, timeoutMs = 30_000): Promise<Received> {
  const found = inbox.find((m) => m.to.includes(to));
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no mail for ${to} within ${timeoutMs} ms`)), timeoutMs);
    const wait = (m: Received) => {
      if (m.to.includes(to)) {
        clearTimeout(timer);
        resolve(m);
      } else waiters.push(wait);
    };
    waiters.push(wait);
  });
}

test('the recipient of an InMail receives a notification email', { timeout: 60_000 }, async () => {
  const r3 = await as(t.app, 'recruiter3@demo.test');
  const sent = await r3.post('/v1/inmails', {
    recipientId: memberId(30),
    subject: 'Platform engineering lead',
    body: 'Hi, your Kubernetes migration work stood out. Open to a chat?',
  });
  assert.equal(sent.status, 201);
  const mail = await nextMail('member30@demo.test');
  assert.equal(mail.from, 'inmail@demo.test');
  assert.match(mail.raw, /Subject: New InMail from Jordan Alvarez: Platform engineering lead/);
  assert.match(mail.raw, /Kubernetes migration/);
  assert.match(mail.raw, /https:\/\/inmail\.example\/inbox\//);
});

test(
  'a member who turned email notifications off gets none, but still the in-app one',
  { timeout: 60_000 },
  async () => {
    const m = await as(t.app, 'member31@demo.test');
    await m.patch('/v1/preferences', { emailNotifications: false });
    const r3 = await as(t.app, 'recruiter3@demo.test');
    const sent = await r3.post('/v1/inmails', {
      recipientId: memberId(31),
      subject: 'Hello',
      body: 'A question for you?',
    });
    assert.equal(sent.status, 201);
    // The reply from another member proves the queue has moved past member31's job.
    await r3.post('/v1/inmails', { recipientId: memberId(32), subject: 'Hello', body: 'Another question?' });
    await nextMail('member32@demo.test');
    const id = (await m.get('/v1/notifications')).body.items[0].id;
    const deadline = Date.now() + 20_000;
    // wait until the job for member31 is done (it runs before or alongside member32's)
    for (;;) {
      const row = await t.services.store.repos.notifications.forEmail(id);
      const jobs = await t.queue!.boss.findJobs('notifications.email', { data: { notificationId: id } });
      if (jobs.every((j) => j.state === 'completed') || Date.now() > deadline) {
        assert.equal(row?.emailed_at, null);
        break;
      }
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(inbox.filter((x) => x.to.includes('member31@demo.test')).length, 0);
    assert.equal((await m.get('/v1/notifications')).body.items[0].kind, 'inmail.received');
  },
);
