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
import type { Repos, Store } from '../repositories/index.ts';
import type { NewMember } from '../repositories/member.repository.ts';
import { seedUuid } from '../seed/ids.ts';
import { generateConnections, generateMember } from '../seed/profiles.ts';
import { hashPassword } from './crypto.ts';

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
export type Tick = (done: number, total: number) => void;

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
    return this.store.tx(async (r) => {
      // Another process may have loaded it between the check and this transaction.
      if ((await r.organizations.count()) > 0) return null;
      await this.insertMembers(r, 0, opts.members, hash);
      await this.insertConnections(r, 0, opts.members);
      await this.insertOrganizations(r, hash, opts.members);
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
    for (let done = 0; done < count; done += BATCH) {
      const n = Math.min(BATCH, count - done);
      await this.store.tx((r) => this.insertMembers(r, start + done, n, hash));
      tick(done + n, count);
    }
    await this.insertConnectionsBatched(start, count);
    return { from: start + 1, to: start + count };
  }

  private async insertMembers(r: Repos, from: number, count: number, hash: string): Promise<void> {
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

  private async insertConnectionsBatched(from: number, count: number): Promise<void> {
    let pairs: [string, string][] = [];
    for (const [a, b] of generateConnections(count, 42 + from)) {
      pairs.push([seedUuid('member', from + a), seedUuid('member', from + b)]);
      if (pairs.length >= 5000) {
        const batch = pairs;
        await this.store.tx((r) => r.members.connectMany(batch));
        pairs = [];
      }
    }
    if (pairs.length) await this.store.tx((r) => r.members.connectMany(pairs));
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
      for (let j = 0; j < Math.min(150, span); j++) {
        const idx = FRESH_MEMBERS + ((k * 7919 + j * 104729) % span);
        pairs.push([memberId, seedUuid('member', idx)]);
      }
      await r.members.connectMany(pairs);
    }
  }
}
