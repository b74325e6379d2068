/** The API's shapes as the web app uses them (timestamps are ISO strings on the wire). */

export type Iso = string;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface SeatView {
  id: string;
  holder: { userId: string; name: string } | null;
  licenseType: { id: string; key: string; name: string };
  balance: number;
  monthlyAllotment: number;
  rolloverCap: number;
  monthlyLimit: number | null;
  renewsAt: Iso;
  periodStartedAt: Iso;
  reserved: number;
  pendingRefunds: number;
  spentThisPeriod: number;
  revokedAt?: Iso | null;
}

export interface Me {
  via: 'session' | 'api_key';
  account: { id: string; email: string } | null;
  organization: { id: string; name: string; slug: string } | null;
  user: { id: string; firstName: string; lastName: string; title: string; roles: string[] } | null;
  memberId: string | null;
  scopes: string[] | null;
  /** Older servers do not send it. */
  seat?: SeatView | null;
}

export interface Location {
  city: string;
  region: string;
  country: string;
  timeZone: string;
}

export interface MemberCard {
  id: string;
  firstName: string;
  lastName: string;
  headline: string;
  currentTitle: string;
  currentCompany: string;
  location: Location;
  degree: 1 | 2 | 3;
  openToWork: boolean;
}

export interface CapStatus {
  used: number;
  limit: number;
  windowDays: number;
  freesAt: Iso | null;
}

/** A member's own profile (GET /v1/profile): the profile fields, without a viewer's view. */
export type OwnProfile = Omit<
  MemberDetail,
  'degree' | 'acceptsInmail' | 'contact' | 'currentTitle' | 'currentCompany'
> & {
  currentTitle?: string;
  currentCompany?: string;
};

export interface MemberDetail extends MemberCard {
  summary: string;
  industry: string;
  seniority: string;
  positions: { title: string; company: string; startYear: number; endYear: number | null }[];
  education: { school: string; degree: string; field: string; graduationYear: number }[];
  projects: { name: string; description: string }[];
  publications: string[];
  skills: string[];
  platforms: string[];
  languages: string[];
  yearsOfExperience: number;
  acceptsInmail: boolean;
  contact?: {
    lastContactedByMyOrgAt: Iso | null;
    inmailsFromMyOrg: {
      id: string;
      threadId?: string;
      sentAt: Iso;
      status: InmailStatus;
      channel?: string;
    }[];
    caps: { network: CapStatus; organization: CapStatus };
  };
}

export type InmailStatus = 'pending' | 'accepted' | 'declined' | 'replied' | 'expired';

export interface SendResult {
  id: string;
  threadId: string;
  recipientId: string;
  channel: 'inmail' | 'message';
  free: boolean;
  charged: boolean;
  seatId: string | null;
  creditsRemaining: number | null;
  status: InmailStatus;
  sentAt: Iso;
  expiresAt: Iso | null;
}

export interface ThreadSummary {
  id: string;
  kind: 'inmail' | 'message';
  subject: string;
  sender: {
    userId: string;
    name: string;
    title: string;
    organization: string;
    memberId: string | null;
    headline: string | null;
  };
  recipient: { memberId: string; name: string; headline: string };
  lastMessageAt: Iso;
  lastMessage: { body: string; author: 'sender' | 'recipient' };
  unread: number;
  inmail: { id: string; status: InmailStatus } | null;
}

export interface MessageView {
  id: string;
  author: 'sender' | 'recipient';
  body: string;
  createdAt: Iso;
}

export type DeclineReason = 'not_looking' | 'not_a_fit' | 'timing' | 'contact_later' | 'other';

export interface InmailView {
  id: string;
  threadId: string;
  subject: string;
  body: string;
  status: InmailStatus;
  channel: 'inmail' | 'message';
  charged: boolean;
  sentAt: Iso;
  expiresAt: Iso | null;
  openedAt: Iso | null;
  acceptedAt: Iso | null;
  declinedAt: Iso | null;
  repliedAt: Iso | null;
  declineReason: DeclineReason | null;
  contactLaterUntil: Iso | null;
  refundedAt: Iso | null;
}

export interface ThreadView {
  thread: ThreadSummary;
  messages: MessageView[];
  inmail: InmailView | null;
  canReply: boolean;
  side?: 'sender' | 'recipient';
}

export interface Preferences {
  inmailEnabled: boolean;
  contactLaterUntil: Iso | null;
  emailNotifications: boolean;
}

export interface Block {
  id: string;
  userId: string | null;
  organizationId: string | null;
  name: string;
  createdAt: Iso;
}

export interface Person {
  memberId: string;
  name: string;
  headline: string;
}

export interface ConnectionRequest {
  id: string;
  from: Person;
  to: Person;
  note: string | null;
  status: 'pending' | 'accepted' | 'ignored' | 'withdrawn';
  createdAt: Iso;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Iso;
  readAt: Iso | null;
}

export interface LicenseType {
  id: string;
  key: string;
  name: string;
  monthlyAllotment: number;
  rolloverCap: number;
  builtIn?: boolean;
}

export interface LedgerEntry {
  id: number | string;
  kind: string;
  amount: number;
  reservedDelta: number;
  inmailId: string | null;
  reason: string | null;
  createdAt: Iso;
}

export interface Policies {
  refundPolicy: 'response-within-90-days' | 'on-decline';
  refundWindowDays: number;
  refundTarget: 'seat' | 'pool';
  orgCapPerCandidate: number;
  orgCapWindowDays: number;
  mandatoryPersonalization: boolean;
  qualityBlockBelow: number | null;
  /** New campaigns' send window unless they set their own (the product default until an admin sets one). */
  defaultSendWindow: SendWindow;
}

export interface OrgUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  roles: string[];
  seatId: string | null;
  memberId?: string | null;
  disabled?: boolean;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Iso;
  createdBy: string;
  expiresAt: Iso | null;
  lastUsedAt: Iso | null;
  revokedAt: Iso | null;
}

export const SCOPES = [
  'members:read',
  'search:read',
  'inmails:read',
  'inmails:write',
  'seats:read',
  'seats:admin',
  'templates:read',
  'templates:write',
  'campaigns:read',
  'campaigns:write',
  'analytics:read',
  'projects:read',
  'projects:write',
  'events:read',
] as const;

// ---- templates, personalization, quality, send-time advice (docs/templates.md) ----

export type TemplateVisibility = 'personal' | 'shared';

export interface Template {
  id: string;
  orgId: string;
  owner: { userId: string; name: string };
  visibility: TemplateVisibility;
  name: string;
  seniority: string | null;
  roleFamily: string | null;
  version: number;
  latestVersion: number;
  subject: string;
  body: string;
  hasPersonalizationSlot: boolean;
  mergeFields: string[];
  archivedAt: Iso | null;
  createdAt: Iso;
  updatedAt: Iso;
}

export interface TemplateVersion {
  version: number;
  subject: string;
  body: string;
  hasPersonalizationSlot: boolean;
  createdBy: string;
  createdAt: Iso;
}

export interface TemplateSet {
  id: string;
  orgId: string;
  ownerUserId: string;
  name: string;
  /** Template id by seniority or seniority segment. */
  templates: Record<string, string>;
  defaultTemplateId: string | null;
  archivedAt: Iso | null;
  createdAt: Iso;
  updatedAt: Iso;
}

/** One element of a candidate's own profile (a project, a platform, a school ...). */
export interface ProfileElement {
  kind: string;
  value: string;
}

export interface PersonalizationVerdict {
  required: boolean;
  ok: boolean;
  reason?: string;
  message: string;
  matched: (ProfileElement & { matchedText: string })[];
  suggestions: ProfileElement[];
}

export interface QualityIssue {
  code: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  detail?: { count?: number; limit?: number; items?: string[] };
}

export interface QualityReport {
  score: number;
  level: 'good' | 'fair' | 'poor';
  issues: QualityIssue[];
}

export interface TemplatePreview {
  template: { id: string; version: number; name: string };
  candidateId: string;
  subject: string;
  body: string;
  missingFields: string[];
  personalization: PersonalizationVerdict | null;
  quality: QualityReport;
  qualityThreshold: number | null;
  trackedLinks: string[];
  sendable: boolean;
  refusal: { code: string; message: string } | null;
}

export interface Job {
  title?: string;
  company?: string;
  location?: string;
  url?: string;
}

export interface SendTimeAdvice {
  memberId: string;
  at: Iso;
  localTime: string;
  timeZone: string;
  fellBack: boolean;
  closesAt: Iso;
  source: 'default' | 'learned';
  explanation: string;
  basis: { sent: number; responses: number; minResponses: number; historyDays: number; responseDays: number };
  window: {
    days: number[];
    startHour: number;
    startMinute: number;
    endHour: number;
    endMinute: number;
  } | null;
  bestSlots:
    { weekday: number; hour: number; sent: number; responded: number; responseRate: number }[] | null;
}

// ---- campaigns (docs/campaigns.md) ----

export type CampaignStatus = 'draft' | 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';
export type CampaignObjective = 'fill_role' | 'build_pipeline' | 'keep_in_touch';
export type StepKind = 'inmail' | 'follow_up' | 'connection_request' | 'message';

export interface SendWindow {
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  startHour: number;
  startMinute: number;
  endHour: number;
  endMinute: number;
  holidays: string[];
  /** Only for recipients without a valid zone of their own. */
  timeZone: string;
}

export type Audience =
  | { kind: 'members'; memberIds: string[] }
  | { kind: 'list'; listId: string }
  | { kind: 'saved_search'; savedSearchId: string };

export interface CampaignStep {
  position: number;
  kind: StepKind;
  delayBusinessDays: number;
  subject: string;
  body: string;
  templateId: string | null;
  templateVersion: number | null;
  templateSetId: string | null;
}

export interface CampaignProgress {
  planned: number;
  needsPersonalization: number;
  snoozed: number;
  skipped: number;
  skippedByReason: Record<string, number>;
  done: number;
  doneByOutcome: Record<string, number>;
  failed: number;
  /** Recipients by the last step they were sent (0-based step position). */
  sentByStep: Record<string, number>;
  creditsSpent: number;
  creditsReserved: number;
}

export interface Campaign {
  id: string;
  name: string;
  objective: CampaignObjective;
  status: CampaignStatus;
  seatId: string;
  audience: Audience;
  audienceCount: number | null;
  budget: number | null;
  reserve: number;
  dailyCap: number | null;
  window: SendWindow;
  ownershipWindowDays: number;
  startAt: Iso | null;
  startedAt: Iso | null;
  pausedAt: Iso | null;
  /** Scheduled: why it could not start at its time (tried again every 15 minutes); paused by the runner: why. */
  pausedReason: string | null;
  finishedAt: Iso | null;
  createdAt: Iso;
  /** Empty in lists; filled on GET /v1/campaigns/{id}. */
  steps: CampaignStep[];
  progress: CampaignProgress;
}

export type RecipientStatus = 'pending' | 'needs_personalization' | 'snoozed' | 'skipped' | 'done' | 'failed';

export interface CampaignRecipient {
  memberId: string;
  name: string;
  headline: string;
  timeZone: string;
  status: RecipientStatus;
  /** The last step sent (0-based); -1 before the first. */
  step: number;
  nextActionAt: Iso | null;
  lastSentAt: Iso | null;
  threadId: string | null;
  skipReason: string | null;
  outcome: string | null;
  override: boolean;
  personalization: string | null;
}

export interface DryRun {
  total: number;
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: string | null;
  window: SendWindow;
  items: {
    memberId: string;
    name: string;
    timeZone: string;
    fellBack: boolean;
    plannedAt: Iso;
    localTime: string;
  }[];
}

export interface QueueNext {
  waiting: number;
  candidate: {
    memberId: string;
    name: string;
    headline: string;
    currentTitle: string;
    currentCompany: string;
    skills: string[];
    platforms: string[];
    projects: { name: string; description: string }[];
    suggestions: ProfileElement[];
    step: { position: number; kind: string; subject: string; body: string } | null;
  } | null;
}

// ---- search extras (docs/search.md) ----

export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  filters: Record<string, unknown>;
  alerts: boolean;
  lastAlertAt: Iso | null;
  createdAt: Iso;
  updatedAt: Iso;
}

export interface SearchHistoryItem {
  id: number;
  query: string;
  filters: Record<string, unknown>;
  total: { count: number; exact: boolean };
  searchedAt: Iso;
}

export interface CandidateList {
  id: string;
  name: string;
  description: string;
  size: number;
  createdBy: string;
  createdAt: Iso;
  updatedAt: Iso;
}

export interface ListMember {
  id: string;
  firstName: string;
  lastName: string;
  headline: string;
  currentTitle: string;
  currentCompany: string;
  location: { city: string; region: string; country: string };
  openToWork: boolean;
  addedAt: Iso;
  addedBy: string;
}

export interface AddToListResult {
  added: number;
  alreadyOnList: number;
  unknown: number;
  size: number;
  matched?: number;
}

// ---- projects and the pipeline (docs/analytics.md) ----

export const STAGES = [
  'uncontacted',
  'contacted',
  'replied',
  'screening',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];
export type ProjectStatus = 'open' | 'on_hold' | 'closed';

export interface Project {
  id: string;
  name: string;
  description: string;
  status: ProjectStatus;
  owner: { userId: string; name: string } | null;
  createdBy: string;
  createdAt: Iso;
  updatedAt: Iso;
  candidates: number;
}

export interface ProjectCandidate {
  id: string;
  projectId: string;
  projectName: string;
  memberId: string;
  name: string;
  headline: string;
  currentTitle: string;
  currentCompany: string;
  seniority: string;
  stage: Stage;
  owner: { userId: string; name: string } | null;
  addedAt: Iso;
  stageChangedAt: Iso;
  notes: number;
}

export interface ProjectNote {
  id: string;
  authorUserId: string;
  authorName: string;
  body: string;
  createdAt: Iso;
}

export interface ProjectCandidateDetail extends ProjectCandidate {
  history: {
    from: Stage | null;
    to: Stage;
    at: Iso;
    source: 'added' | 'manual' | 'auto';
    actorUserId: string | null;
    eventId: number | null;
  }[];
  noteItems: ProjectNote[];
}

export interface Board {
  project: Project;
  /** `nextCursor` continues a column: GET /v1/projects/{id}/candidates?stage=…&cursor=… */
  columns: { stage: Stage; count: number; candidates: ProjectCandidate[]; nextCursor: string | null }[];
  summary: { total: number; contacted: number; screened: number };
  current: boolean;
}

// ---- analytics (docs/analytics.md) ----

export interface ReportMeta {
  report: string;
  from: string;
  /** Exclusive. */
  to: string;
  windowDays: number | null;
  window: string;
  groupBy: string | null;
  filters: Record<string, unknown>;
  source: 'rollup' | 'raw' | 'ledger';
  completeBefore?: string;
  generatedAt: Iso;
  current: boolean;
}

export interface OutreachMetrics {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  accepted: number;
  declined: number;
  replied: number;
  responded: number;
  noResponse: number;
  responseRate: number | null;
  acceptanceRate: number | null;
  medianHoursToFirstResponse: number | null;
  screened: number;
  screenConversion: number | null;
}

export interface OutreachReport {
  meta: ReportMeta;
  totals: OutreachMetrics;
  rows: (OutreachMetrics & { key: string; label: string })[];
}

export interface TrendPoint {
  period: string;
  sent: number;
  responded: number;
  responseRate: number | null;
  accepted: number;
  acceptanceRate: number | null;
  screened: number;
  screenConversion: number | null;
}

export interface TrendsReport {
  meta: ReportMeta & { interval: 'month' | 'week' };
  series: { key: string; label: string; points: TrendPoint[] }[];
}

export interface HeatCell {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  sent: number;
  responded: number;
  responseRate: number | null;
}

export interface HeatmapReport {
  meta: ReportMeta;
  cells: HeatCell[];
}

export interface CreditFlows {
  granted: number;
  spent: number;
  refunded: number;
  expired: number;
  adjusted: number;
  transferredIn: number;
  reservedInPeriod: number;
  releasedInPeriod: number;
  netUsed: number;
  balance: number;
  reserved: number;
  pendingRefunds: number;
  pacePerDay: number;
}

export interface CreditsReport {
  meta: ReportMeta;
  totals: CreditFlows & {
    key: string;
    label: string;
    seats: number;
    nextRenewalAt: Iso | null;
    seatsRunningOut: number;
  };
  pool: { balance: number | null };
  seats: (CreditFlows & {
    seatId: string;
    userId: string | null;
    holder: string | null;
    team: string | null;
    licenseType: string;
    monthlyAllotment: number;
    renewsAt: Iso | null;
    runsOutAt: Iso | null;
    runsOutBeforeRenewal: boolean;
    projectedBalanceAtRenewal: number | null;
  })[];
}

export interface AbArm {
  variant: { kind: 'template' | 'subject'; templateId?: string; templateVersion?: number; subject?: string };
  label: string;
  sent: number;
  responded: number;
  responseRate: number | null;
}

export interface AbTestReport {
  meta: ReportMeta & { level: number; minSample: number };
  a: AbArm;
  b: AbArm;
  test: {
    status: 'ok' | 'not_enough_data';
    reason: string | null;
    rateA: number | null;
    rateB: number | null;
    difference: number | null;
    confidenceInterval: { level: number; low: number; high: number } | null;
    z: number | null;
    pValue: number | null;
    significant: boolean | null;
    minSample: number;
  };
}
