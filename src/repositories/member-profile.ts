/**
 * A member's database row as the domain's MemberProfile: the one mapping shared by search
 * (highlights, reindexing), the profile API, templates and campaigns.
 */
import type { Education, MemberProfile, Position, Project, Seniority } from '../domain/profile.ts';

/** The columns of `members` a profile is made of (any row that selects them maps to a profile). */
export interface ProfileColumns {
  id: string;
  first_name: string;
  last_name: string;
  headline: string;
  summary: string;
  industry: string;
  seniority: string;
  city: string;
  region: string;
  country: string;
  time_zone: string;
  positions: unknown[];
  education: unknown[];
  projects: unknown[];
  publications: string[];
  skills: string[];
  platforms: string[];
  languages: string[];
  open_to_work: boolean;
  years_experience: number;
}

export function profileFromRow(m: ProfileColumns): MemberProfile {
  return {
    id: m.id,
    firstName: m.first_name,
    lastName: m.last_name,
    headline: m.headline,
    summary: m.summary,
    industry: m.industry,
    seniority: m.seniority as Seniority,
    location: { city: m.city, region: m.region, country: m.country, timeZone: m.time_zone },
    positions: m.positions as Position[],
    skills: m.skills,
    platforms: m.platforms,
    education: m.education as Education[],
    projects: m.projects as Project[],
    publications: m.publications,
    languages: m.languages,
    openToWork: m.open_to_work,
    yearsOfExperience: m.years_experience,
  };
}
