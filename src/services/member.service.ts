/**
 * Members as recruiters see them: cards with their network degree, and the full profile with the
 * organization's contact history and where the frequency caps stand. Recruiters never see a
 * member's email address.
 */
import type { Clock } from '../clock.ts';
import { capFreesAt } from '../domain/credits.ts';
import { notFound } from '../domain/errors.ts';
import type { Education, Position, Project } from '../domain/profile.ts';
import type { Store } from '../repositories/index.ts';
import type { MemberRow } from '../repositories/member.repository.ts';
import type { InmailRules } from './inmail.service.ts';

export interface MemberCard {
  id: string;
  firstName: string;
  lastName: string;
  headline: string;
  currentTitle: string;
  currentCompany: string;
  location: { city: string; region: string; country: string; timeZone: string };
  degree: 1 | 2 | 3;
  openToWork: boolean;
}

export interface CapStatus {
  used: number;
  limit: number;
  windowDays: number;
  freesAt: Date | null;
}

export interface MemberDetail extends MemberCard {
  summary: string;
  industry: string;
  seniority: string;
  positions: Position[];
  education: Education[];
  projects: Project[];
  publications: string[];
  skills: string[];
  platforms: string[];
  languages: string[];
  yearsOfExperience: number;
  acceptsInmail: boolean;
  contact: {
    lastContactedByMyOrgAt: Date | null;
    inmailsFromMyOrg: { id: string; threadId: string; sentAt: Date; status: string; channel: string }[];
    caps: { network: CapStatus; organization: CapStatus };
  };
}

export function card(m: MemberRow, degree: 1 | 2 | 3): MemberCard {
  return {
    id: m.id,
    firstName: m.first_name,
    lastName: m.last_name,
    headline: m.headline,
    currentTitle: m.current_title,
    currentCompany: m.current_company,
    location: { city: m.city, region: m.region, country: m.country, timeZone: m.time_zone },
    degree,
    openToWork: m.open_to_work,
  };
}

const DAY = 86_400_000;

export class MemberService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly rules: InmailRules,
  ) {}

  async list(viewerMemberId: string | null, cursor: { name: string; id: string } | null, limit: number) {
    const rows = await this.store.repos.members.page(cursor, limit + 1);
    const page = rows.slice(0, limit);
    const degrees = await this.store.repos.members.degrees(
      viewerMemberId,
      page.map((m) => m.id),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((m) => card(m, degrees.get(m.id) ?? 3)),
      nextCursor:
        rows.length > limit && last
          ? { name: `${last.last_name} ${last.first_name}`.toLowerCase(), id: last.id }
          : null,
    };
  }

  async get(viewer: { orgId: string; memberId: string | null }, id: string): Promise<MemberDetail> {
    const { repos } = this.store;
    const m = await repos.members.get(id);
    if (!m) throw notFound('member');
    const now = this.clock.now();
    const degree = (await repos.members.degrees(viewer.memberId, [id])).get(id) ?? 3;
    const history = await repos.inmails.historyForOrg(viewer.orgId, id, 20);
    const netWindow = this.rules.networkCapDays * DAY;
    const net = await repos.inmails.sentTo(id, new Date(now.getTime() - netWindow));
    const policy = await repos.policies.get(viewer.orgId);
    const orgWindow = policy.org_cap_window_days * DAY;
    const mine = await repos.inmails.sentTo(id, new Date(now.getTime() - orgWindow), viewer.orgId);
    return {
      ...card(m, degree),
      summary: m.summary,
      industry: m.industry,
      seniority: m.seniority,
      positions: m.positions as Position[],
      education: m.education as Education[],
      projects: m.projects as Project[],
      publications: m.publications,
      skills: m.skills,
      platforms: m.platforms,
      languages: m.languages,
      yearsOfExperience: m.years_experience,
      acceptsInmail: m.inmail_enabled && !(m.contact_later_until && m.contact_later_until > now),
      contact: {
        lastContactedByMyOrgAt: history[0]?.sent_at ?? null,
        inmailsFromMyOrg: history.map((i) => ({
          id: i.id,
          threadId: i.thread_id,
          sentAt: i.sent_at,
          status: i.status,
          channel: i.channel,
        })),
        caps: {
          network: {
            used: net.length,
            limit: this.rules.networkCap,
            windowDays: this.rules.networkCapDays,
            freesAt: capFreesAt(net, this.rules.networkCap, netWindow),
          },
          organization: {
            used: mine.length,
            limit: policy.org_cap_per_candidate,
            windowDays: policy.org_cap_window_days,
            freesAt: capFreesAt(mine, policy.org_cap_per_candidate, orgWindow),
          },
        },
      },
    };
  }
}
