/**
 * Demo data: two organizations, their users, a network of synthetic members with plausible
 * connections. Loaded once, on the first start with an empty database, in one transaction (a
 * start that dies half-way leaves nothing behind and the next start loads it again).
 *
 * Every demo account shares one scrypt hash of the demo password: hashing 5,000 passwords one by
 * one would take minutes, and these accounts exist to be logged into with a published password.
 */
import type { Clock } from '../clock.ts';
import type { Role } from '../domain/auth.ts';
import type { Tx } from '../db/database.ts';
import type { Repos, Store } from '../repositories/index.ts';
import type { NewMember } from '../repositories/member.repository.ts';
import { seedUuid } from '../seed/ids.ts';
import { generateConnections, generateMember } from '../seed/profiles.ts';
import { hashPassword } from './crypto.ts';
import type { CreditService } from './credit.service.ts';
import type { DeclineReason, InmailService, Sender } from './inmail.service.ts';

/** Members member1..member50 are kept fresh for a newcomer's first InMail. */
export const FRESH_MEMBERS = 50;
const BATCH = 1000;

export interface DemoUser {
  email: string;
  org: 'demo' | 'northwind';
  firstName: string;
  lastName: string;
  title: string;
  roles: Role[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@demo.test',
    org: 'demo',
    firstName: 'Ada',
    lastName: 'Admin',
    title: 'Head of Talent Operations',
    roles: ['org_admin', 'recruiter'],
  },
  {
    email: 'recruiter1@demo.test',
    org: 'demo',
    firstName: 'Riley',
    lastName: 'Chen',
    title: 'Senior Technical Recruiter',
    roles: ['recruiter'],
  },
  {
    email: 'recruiter2@demo.test',
    org: 'demo',
    firstName: 'Sam',
    lastName: 'Okafor',
    title: 'Financial Services Recruiter',
    roles: ['recruiter'],
  },
  {
    email: 'recruiter3@demo.test',
    org: 'demo',
    firstName: 'Jordan',
    lastName: 'Alvarez',
    title: 'Legal Recruiter',
    roles: ['recruiter'],
  },
  {
    email: 'recruiter@northwind.test',
    org: 'northwind',
    firstName: 'Morgan',
    lastName: 'Lee',
    title: 'Talent Partner',
    roles: ['recruiter'],
  },
];

export interface DemoResult {
  organizations: number;
  members: number;
}

export type Progress = (line: string) => void;
/**
 * Progress of `addSynthetic`: first the members written with their accounts and search rows, then
 * the members whose connections are written (both out of `total`, only ever going up).
 */
export type Tick = (done: number, total: number, phase: 'members' | 'connections') => void;

function toNewMember(index: number, withAccount: boolean): { member: NewMember; email: string } {
  const g = generateMember(index);
  const { email, ...profile } = g;
  return {
    email,
    member: {
      ...profile,
      id: seedUuid('member', index),
      accountId: withAccount ? seedUuid('account', index) : null,
    },
  };
}

export class DemoService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly credits: CreditService,
    private readonly inmails: InmailService,
  ) {}

  /** Whether the demo organization exists (the start banner lists its logins). */
  async isLoaded(): Promise<boolean> {
    return (await this.store.repos.organizations.bySlug('demo-agency')) !== undefined;
  }

  /** Loads the demo when the database has no organization yet; returns what it loaded, or null. */
  async loadIfEmpty(opts: {
    password: string;
    members: number;
    progress?: Progress;
  }): Promise<DemoResult | null> {
    if ((await this.store.repos.organizations.count()) > 0) return null;
    const progress = opts.progress ?? (() => {});
    progress(`loading demo data (${opts.members} members) ...`);
    const hash = await hashPassword(opts.password);
    return this.store.tx(async (r, trx) => {
      // Another process may have loaded it between the check and this transaction.
      if ((await r.organizations.count()) > 0) return null;
      await this.insertMembers(r, 0, opts.members, hash);
      await this.insertConnections(r, 0, opts.members);
      await this.insertOrganizations(r, hash, opts.members);
      await this.insertSeatsAndHistory(r, trx, opts.members);
      return { organizations: 2, members: opts.members };
    });
  }

  /**
   * Adds `count` synthetic members (with accounts memberN@demo.test and the given password hash)
   * after the existing ones, connected among themselves, in batches of one transaction each.
   */
  async addSynthetic(
    count: number,
    password: string,
    tick: Tick = () => {},
  ): Promise<{ from: number; to: number }> {
    const hash = await hashPassword(password);
    const start = await this.store.repos.members.maxDemoIndex();
    // Two batches in flight: while PostgreSQL writes one (most of it is the search index), this
    // process generates the next. Batches touch disjoint members, so they never wait on each other.
    // (On PGlite, with its one connection, they simply take turns.)
    let next = 0;
    let done = 0;
    let failed = false;
    const lane = async () => {
      for (let from = next; from < count && !failed; from = next) {
        next += BATCH;
        const n = Math.min(BATCH, count - from);
        try {
          await this.store.tx((r) => this.insertMembers(r, start + from, n, hash));
        } catch (err) {
          failed = true; // the other lane stops after its batch, so nothing runs on after we return
          throw err;
        }
        done += n;
        tick(done, count, 'members');
      }
    };
    const lanes = await Promise.allSettled([lane(), lane()]);
    for (const l of lanes) if (l.status === 'rejected') throw l.reason;
    await this.insertConnectionsBatched(start, count, (k) => tick(k, count, 'connections'));
    return { from: start + 1, to: start + count };
  }

  private async insertMembers(r: Repos, from: number, count: number, hash: string): Promise<void> {
    await r.members.bulkLoadMode();
    for (let i = from; i < from + count; i += BATCH) {
      const rows = [];
      for (let k = i; k < Math.min(i + BATCH, from + count); k++) rows.push(toNewMember(k, true));
      await r.accounts.insertMany(
        rows.map((x) => ({ id: x.member.accountId!, email: x.email })),
        hash,
      );
      await r.members.insertMany(rows.map((x) => x.member));
    }
  }

  private async insertConnections(r: Repos, from: number, count: number): Promise<void> {
    let pairs: [string, string][] = [];
    for (const [a, b] of generateConnections(count)) {
      pairs.push([seedUuid('member', from + a), seedUuid('member', from + b)]);
      if (pairs.length >= 5000) {
        await r.members.connectMany(pairs);
        pairs = [];
      }
    }
    await r.members.connectMany(pairs);
  }

  /**
   * The connections among `count` new members, 5,000 pairs a transaction, two transactions in
   * flight. The generator yields every pair once, so the two never insert the same row. It yields
   * them member by member (each member's pairs with later ones), so once every batch up to some
   * pair is written, every member before that pair's first one is fully connected: `progress` gets
   * how many are.
   */
  private async insertConnectionsBatched(
    from: number,
    count: number,
    progress: (members: number) => void,
  ): Promise<void> {
    const pairs = generateConnections(count, 42 + from)[Symbol.iterator]();
    // Each member is in some twenty pairs: derive its id once.
    const ids = Array.from({ length: count }, (_, k) => seedUuid('member', from + k));
    // Batches in the order taken: the first member of each one's last pair, and whether it is written.
    const taken: { first: number; written: boolean }[] = [];
    let reported = 0;
    const take = (): { seq: number; batch: [string, string][] } => {
      const batch: [string, string][] = [];
      let first = 0;
      for (let p = pairs.next(); !p.done; p = pairs.next()) {
        batch.push([ids[p.value[0]]!, ids[p.value[1]]!]);
        first = p.value[0];
        if (batch.length >= 5000) break;
      }
      taken.push({ first, written: false });
      return { seq: taken.length - 1, batch };
    };
    const written = (seq: number): void => {
      taken[seq]!.written = true;
      while (reported < taken.length && taken[reported]!.written) reported++;
      const last = taken[reported - 1];
      if (last) progress(last.first);
    };
    let failed = false;
    const lane = async () => {
      for (let next = take(); next.batch.length > 0 && !failed; next = take()) {
        try {
          await this.store.tx((r) => r.members.connectMany(next.batch));
        } catch (err) {
          failed = true;
          throw err;
        }
        written(next.seq);
      }
    };
    const lanes = await Promise.allSettled([lane(), lane()]);
    for (const l of lanes) if (l.status === 'rejected') throw l.reason;
    progress(count);
  }

  private async insertOrganizations(r: Repos, hash: string, memberCount: number): Promise<void> {
    const demo = await r.organizations.create('Demo Agency', 'demo-agency');
    const northwind = await r.organizations.create('Northwind Talent', 'northwind-talent');
    for (const [k, u] of DEMO_USERS.entries()) {
      const accountId = seedUuid('user-account', u.email);
      await r.accounts.insertMany([{ id: accountId, email: u.email }], hash);
      await r.users.create({
        orgId: u.org === 'demo' ? demo.id : northwind.id,
        accountId,
        firstName: u.firstName,
        lastName: u.lastName,
        title: u.title,
        roles: u.roles,
      });
      // Recruiters are members of the network too, with connections of their own, but never to
      // member1..member50.
      const base = generateMember(10_000_000 + k);
      const company = u.org === 'demo' ? 'Demo Agency' : 'Northwind Talent';
      const memberId = seedUuid('user-member', u.email);
      await r.members.insertMany([
        {
          ...base,
          id: memberId,
          accountId,
          firstName: u.firstName,
          lastName: u.lastName,
          headline: `${u.title} at ${company}`,
          industry: 'Staffing and Recruiting',
          positions: [
            { title: u.title, company, startYear: 2021, endYear: null },
            ...base.positions.filter((p) => p.endYear !== null),
          ],
        },
      ]);
      const pairs: [string, string][] = [];
      const span = Math.max(1, memberCount - FRESH_MEMBERS);
      // At most a quarter of the network, so a small demo still has people to InMail.
      for (let j = 0; j < Math.min(150, Math.floor(span / 4)); j++) {
        const idx = FRESH_MEMBERS + ((k * 7919 + j * 104729) % span);
        pairs.push([memberId, seedUuid('member', idx)]);
      }
      await r.members.connectMany(pairs);
    }
  }

  /**
   * Seats (recruiter1 corporate, recruiter2 professional, recruiter3 lite with its 30 credits
   * unspent, the Northwind recruiter professional), bought 75 days ago, and two and a half months of
   * history for recruiter1 and recruiter2 written through the real send and answer paths with the
   * clock set to each moment: InMails sent, accepted, declined, replied, still pending, with
   * renewals on the way. Never to member1..member50, who stay fresh for a newcomer.
   */
  private async insertSeatsAndHistory(r: Repos, trx: Tx, memberCount: number): Promise<void> {
    const now = this.clock.now();
    const bought = new Date(now.getTime() - 75 * DAY);
    const seats: Record<string, { seatId: string; sender: Sender }> = {};
    const licence: Record<string, string> = {
      'recruiter1@demo.test': 'corporate',
      'recruiter2@demo.test': 'professional',
      'recruiter3@demo.test': 'lite',
      'recruiter@northwind.test': 'professional',
    };
    for (const u of DEMO_USERS) {
      const key = licence[u.email];
      if (!key) continue;
      const accountId = seedUuid('user-account', u.email);
      const user = (await r.users.findByAccount(accountId))!;
      // recruiter1 and recruiter2 have two and a half months of history; the other seats were
      // bought today (recruiter3's 30 lite credits are unspent).
      const since = u.email === 'recruiter1@demo.test' || u.email === 'recruiter2@demo.test' ? bought : now;
      const seat = await this.credits.createSeatInTx(
        r,
        user.org_id,
        null,
        { userId: user.id, licenseType: key },
        since,
      );
      seats[u.email] = {
        seatId: seat.id,
        sender: {
          orgId: user.org_id,
          userId: user.id,
          roles: user.roles,
          memberId: user.member_id,
          firstName: user.first_name,
          lastName: user.last_name,
        },
      };
    }

    type Step = { at: Date; run: () => Promise<void> };
    const steps: Step[] = [];
    const rand = mulberry32(20260301);
    const span = memberCount - FRESH_MEMBERS;
    let next = 0;
    const plan: [string, number, string][] = [
      ['recruiter1@demo.test', 48, 'Senior engineers'],
      ['recruiter2@demo.test', 30, 'Quant analysts'],
    ];
    const sent: { inmailId: string; memberId: string; at: Date }[] = [];
    for (const [email, count, theme] of plan) {
      const { seatId, sender } = seats[email]!;
      for (let k = 0; k < count; k++) {
        const index = FRESH_MEMBERS + ((next++ * 7919 + 13) % span);
        const memberId = seedUuid('member', index);
        const at = new Date(bought.getTime() + (1 + rand() * 73) * DAY);
        const subject = SUBJECTS[k % SUBJECTS.length]!.replace('{theme}', theme);
        steps.push({
          at,
          run: async () => {
            await this.credits.renewSeatInTx(r, sender.orgId, seatId, at);
            // InMail goes to people outside one's network: pass over the recruiter's connections.
            if (sender.memberId && (await r.members.areConnected(sender.memberId, memberId))) return;
            const member = (await r.members.get(memberId))!;
            const body =
              `Hi ${member.first_name}, I read about your work as ${member.current_title} at ${member.current_company}. ` +
              `I am hiring for a team that would value that experience. Would you be open to a 20-minute call this week?`;
            try {
              const res = await this.inmails.sendInTx(
                r,
                trx,
                sender,
                { recipientId: memberId, subject, body, seatId },
                at,
              );
              sent.push({ inmailId: res.id, memberId, at });
              // A free message to a connection has no accept or decline; leave it as it is.
              if (!res.free) this.planAnswer(steps, res.id, memberId, at, rand, trx, r, now);
            } catch {
              // a cap or a snooze on the way: the demo simply skips that candidate
            }
          },
        });
      }
    }
    // Steps add later steps (answers) as they run: process in time order until none are left.
    while (steps.length) {
      steps.sort((a, b) => a.at.getTime() - b.at.getTime());
      const step = steps.shift()!;
      await step.run();
    }
    for (const { seatId, sender } of Object.values(seats)) {
      await this.credits.renewSeatInTx(r, sender.orgId, seatId, now);
    }
  }

  private planAnswer(
    steps: { at: Date; run: () => Promise<void> }[],
    inmailId: string,
    memberId: string,
    sentAt: Date,
    rand: () => number,
    trx: Tx,
    r: Repos,
    now: Date,
  ): void {
    const p = rand();
    const at = new Date(sentAt.getTime() + (0.2 + rand() * 6) * DAY);
    if (at > now) return;
    // The member opens the InMail a little before answering; of those who never answer (about
    // half), some opened it and left it.
    const openedAt = new Date(
      Math.max(sentAt.getTime() + 60_000, at.getTime() - (0.05 + rand() * 0.5) * DAY),
    );
    const open = () => this.inmails.openInTx(r, memberId, inmailId, openedAt).then(() => {});
    if (p >= 0.5) {
      if (p < 0.7) steps.push({ at: openedAt, run: open });
      return;
    }
    const answer = async (
      kind: 'accepted' | 'declined' | 'replied',
      d: Parameters<InmailService['respondInTx']>[5],
    ) => {
      await open();
      await this.inmails.respondInTx(r, trx, memberId, inmailId, kind, d, at);
    };
    if (p < 0.22) {
      steps.push({
        at,
        run: async () => {
          await answer('accepted', {});
          await this.inmails.respondInTx(
            r,
            trx,
            memberId,
            inmailId,
            'replied',
            { body: REPLIES[Math.floor(rand() * REPLIES.length)]! },
            new Date(at.getTime() + 3_600_000),
          );
        },
      });
    } else if (p < 0.37) {
      const reasons: DeclineReason[] = ['not_looking', 'not_a_fit', 'timing', 'contact_later', 'other'];
      const reason = reasons[Math.floor(rand() * reasons.length)]!;
      steps.push({
        at,
        run: () =>
          answer('declined', {
            reason,
            ...(reason === 'contact_later' ? { contactLaterMonths: 3 } : {}),
            ...(reason === 'other' ? { note: 'Thanks, but I just started a new role.' } : {}),
          }),
      });
    } else {
      steps.push({
        at,
        run: () => answer('replied', { body: REPLIES[Math.floor(rand() * REPLIES.length)]! }),
      });
    }
  }
}

const DAY = 86_400_000;

const SUBJECTS = [
  '{theme}: a role that fits your background',
  'Your experience caught my eye',
  'Quick question about your next move',
  'An opening on a team you might like',
];

const REPLIES = [
  'Thanks for reaching out! Happy to talk. Thursday afternoon works for me.',
  'Interesting, could you share the salary range and whether it is remote-friendly?',
  'I am not actively looking, but I would hear more. What is the team size?',
  'Sure, send me a calendar invite for next week.',
];

/** A small seeded PRNG, so the demo history is the same on every install. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
