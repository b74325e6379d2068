/**
 * A member's profile as the domain sees it: the single shape shared by search, templates,
 * personalization and campaigns. Repositories map database rows to it; nothing here does I/O.
 */

/** Seniority levels, lowest first. Templates are segmented by them and search filters on them. */
export const SENIORITIES = [
  'intern',
  'entry',
  'associate',
  'senior',
  'lead',
  'manager',
  'director',
  'vp',
  'cxo',
  'partner',
] as const;
export type Seniority = (typeof SENIORITIES)[number];

export interface Position {
  title: string;
  company: string;
  /** Year the position started. */
  startYear: number;
  /** Year it ended; null for a current position. */
  endYear: number | null;
  description?: string;
}

export interface Education {
  school: string;
  degree: string;
  field: string;
  graduationYear: number | null;
}

export interface Project {
  name: string;
  description: string;
}

export interface Location {
  city: string;
  region: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country: string;
  /** IANA time zone, e.g. "America/New_York". */
  timeZone: string;
}

export interface MemberProfile {
  id: string;
  firstName: string;
  lastName: string;
  headline: string;
  summary: string;
  industry: string;
  seniority: Seniority;
  location: Location;
  /** Newest first; a current position has endYear null. */
  positions: Position[];
  skills: string[];
  /** Tools and platforms the member lists (Bloomberg, FactSet, Kubernetes ...). */
  platforms: string[];
  education: Education[];
  projects: Project[];
  publications: string[];
  /** Spoken languages, e.g. "English", "German". */
  languages: string[];
  openToWork: boolean;
  yearsOfExperience: number;
}

/** The member's current position (the first one without an end year), if any. */
export function currentPosition(p: Pick<MemberProfile, 'positions'>): Position | undefined {
  return p.positions.find((pos) => pos.endYear === null);
}
