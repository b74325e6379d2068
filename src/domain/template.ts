/**
 * InMail templates with merge fields: parsing, validation, rendering and the choice of a template by
 * seniority. Pure: the service layer loads templates and profiles and refuses invalid ones with 422.
 *
 * Syntax:
 *   {{candidate.firstName}}                  a merge field
 *   {{ candidate.currentTitle | "there" }}   a field with a fallback, used when the value is empty or missing
 *   {{personalization}}                      the recruiter's mandatory, per-recipient text (no fallback allowed)
 *
 * A fallback is a double-quoted string; `\"` and `\\` are its only escapes and it may not span lines.
 * Everything outside `{{ ... }}` is literal text (a lone `{` or `}}` included).
 */

import type { MemberProfile, Seniority } from './profile.ts';
import { currentPosition } from './profile.ts';

/** Every merge field a template may use. */
export const TEMPLATE_FIELDS = [
  'candidate.firstName',
  'candidate.lastName',
  'candidate.fullName',
  'candidate.currentTitle',
  'candidate.currentCompany',
  'candidate.topSkill',
  'candidate.headline',
  'candidate.city',
  'candidate.school',
  'candidate.industry',
  'sender.firstName',
  'sender.lastName',
  'sender.fullName',
  'sender.title',
  'sender.company',
  'job.title',
  'job.company',
  'job.location',
  'job.url',
  'personalization',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export type TemplatePart =
  | { kind: 'text'; text: string }
  | {
      kind: 'field';
      field: TemplateField;
      /** The fallback literal, already unescaped; absent when the tag has none. */
      fallback?: string;
      /** 0-based offset of the tag's `{{` in the source text. */
      position: number;
    };

/** A parsed template: literal text and merge fields, in order. */
export type ParsedTemplate = TemplatePart[];

export type TemplateErrorCode =
  'unknown_field' | 'unterminated_tag' | 'bad_fallback' | 'empty_tag' | 'missing_personalization';

export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(
    public readonly code: TemplateErrorCode,
    /** 0-based offset in the template text where the problem is. */
    public readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

export interface TemplateIssue {
  part: 'subject' | 'body';
  code: TemplateErrorCode;
  position: number;
  message: string;
}

export interface SenderContext {
  firstName: string;
  lastName: string;
  title: string;
  company: string;
}

export interface JobContext {
  title?: string;
  company?: string;
  location?: string;
  url?: string;
}

export interface RenderContext {
  candidate: MemberProfile;
  sender: SenderContext;
  job?: JobContext;
  /** The recruiter's personalization for this recipient; checked separately by checkPersonalization. */
  personalization?: string;
}

export interface RenderResult {
  text: string;
  /** Fields that had no value and no fallback (rendered as ''), once each, in order of first use. */
  missing: TemplateField[];
}

const FIELD_SET: ReadonlySet<string> = new Set(TEMPLATE_FIELDS);

/**
 * Whether a string names a known merge field.
 *
 * @example
 * isTemplateField('candidate.firstName'); // true
 * isTemplateField('candidate.salary'); // false
 */
export function isTemplateField(name: string): name is TemplateField {
  return FIELD_SET.has(name);
}

interface ScanResult {
  parts: TemplatePart[];
  errors: TemplateError[];
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Scans the whole text, collecting every error instead of stopping at the first one, so that
 * validation can show the recruiter all the problems at once. After a bad tag it resumes after the
 * tag's `}}` (or gives up on the rest when there is none).
 */
function scan(text: string): ScanResult {
  const parts: TemplatePart[] = [];
  const errors: TemplateError[] = [];
  let literal = '';
  let i = 0;
  const flush = (): void => {
    if (literal !== '') parts.push({ kind: 'text', text: literal });
    literal = '';
  };

  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) {
      literal += text.slice(i);
      break;
    }
    literal += text.slice(i, open);
    const tag = parseTag(text, open);
    if ('error' in tag) {
      errors.push(tag.error);
      if (tag.resume < 0) break;
      i = tag.resume;
      continue;
    }
    flush();
    parts.push(tag.part);
    i = tag.end;
  }
  flush();
  return { parts, errors };
}

type TagResult =
  { part: Extract<TemplatePart, { kind: 'field' }>; end: number } | { error: TemplateError; resume: number };

function parseTag(text: string, open: number): TagResult {
  const close = text.indexOf('}}', open + 2);
  // A fallback may itself contain "}}", so the real end of the tag is found while parsing it;
  // `close` only tells where to resume after an error.
  if (close < 0) return { error: unterminated(open), resume: -1 };
  const resumeAfterClose = close + 2;
  let i = open + 2;
  while (isSpace(text[i])) i++;

  if (i >= text.length) {
    return { error: unterminated(open), resume: -1 };
  }
  if (text.startsWith('}}', i)) {
    return {
      error: new TemplateError(
        'empty_tag',
        open,
        `Empty merge tag at position ${open}: name a field inside {{ }}`,
      ),
      resume: i + 2,
    };
  }

  const nameStart = i;
  while (i < text.length && !isSpace(text[i]) && text[i] !== '|' && !text.startsWith('}}', i)) i++;
  const name = text.slice(nameStart, i);
  if (i >= text.length) return { error: unterminated(open), resume: -1 };

  if (!isTemplateField(name)) {
    const guess = closestField(name);
    const hint = guess ? `; did you mean "${guess}"?` : '';
    return {
      error: new TemplateError(
        'unknown_field',
        nameStart,
        `Unknown merge field "${name}" at position ${nameStart}${hint}`,
      ),
      resume: resumeAfterClose,
    };
  }

  while (isSpace(text[i])) i++;
  if (i >= text.length) return { error: unterminated(open), resume: -1 };
  if (text.startsWith('}}', i)) {
    return { part: { kind: 'field', field: name, position: open }, end: i + 2 };
  }
  if (text[i] !== '|') {
    // Only whitespace may separate the field from `|` or `}}`: "{{candidate.first name}}" lands here.
    return {
      error: new TemplateError(
        'unknown_field',
        nameStart,
        `Unexpected text after "${name}" at position ${i}: a merge tag holds one field name`,
      ),
      resume: resumeAfterClose,
    };
  }

  const pipe = i;
  if (name === 'personalization') {
    // A default would let a generic sentence stand in for the per-recipient text that the
    // mandatory personalization check exists to force.
    return {
      error: new TemplateError(
        'bad_fallback',
        pipe,
        `{{personalization}} cannot have a fallback (position ${pipe}): it must be written for each recipient`,
      ),
      resume: resumeAfterClose,
    };
  }
  i++;
  while (isSpace(text[i])) i++;
  if (text[i] !== '"') {
    return {
      error: new TemplateError(
        'bad_fallback',
        i,
        `A fallback must be a double-quoted string, e.g. {{ ${name} | "there" }} (position ${i})`,
      ),
      resume: resumeAfterClose,
    };
  }
  const quote = i;
  i++;
  let fallback = '';
  for (;;) {
    const c = text[i];
    if (c === undefined || c === '\n' || c === '\r') {
      return {
        error: new TemplateError(
          'bad_fallback',
          quote,
          `Fallback string starting at position ${quote} is not closed with a double quote`,
        ),
        resume: resumeAfterClose,
      };
    }
    if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      fallback += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '"') break;
    fallback += c;
    i++;
  }
  i++;
  while (isSpace(text[i])) i++;
  if (i >= text.length) return { error: unterminated(open), resume: -1 };
  if (!text.startsWith('}}', i)) {
    const nextClose = text.indexOf('}}', i);
    return {
      error: new TemplateError(
        'bad_fallback',
        i,
        `Unexpected text after the fallback at position ${i}: close the tag with }}`,
      ),
      resume: nextClose < 0 ? -1 : nextClose + 2,
    };
  }
  return { part: { kind: 'field', field: name, fallback, position: open }, end: i + 2 };
}

function unterminated(open: number): TemplateError {
  return new TemplateError(
    'unterminated_tag',
    open,
    `Merge tag opened at position ${open} is not closed with }}`,
  );
}

function closestField(name: string): TemplateField | undefined {
  const lower = name.toLowerCase();
  let best: TemplateField | undefined;
  let bestDistance = Infinity;
  for (const field of TEMPLATE_FIELDS) {
    const d = levenshtein(lower, field.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = field;
    }
  }
  // Typos and case slips are one or two edits; beyond that the guess is more confusing than helpful.
  return bestDistance <= 2 ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * Parses template text into literal text and merge fields; throws the first problem found.
 *
 * @example
 * parseTemplate('Hi {{ candidate.firstName | "there" }}!');
 * // [{kind:'text', text:'Hi '}, {kind:'field', field:'candidate.firstName', fallback:'there', position:3},
 * //  {kind:'text', text:'!'}]
 * parseTemplate('Hi {{candidate.name}}'); // throws TemplateError {code:'unknown_field', position:5}
 */
export function parseTemplate(text: string): ParsedTemplate {
  const { parts, errors } = scan(text);
  const first = errors[0];
  if (first) throw first;
  return parts;
}

/**
 * Every problem in a template's subject and body, for a 422 response; an empty list means it can be
 * saved. With `requirePersonalization`, a body without `{{personalization}}` is refused too.
 *
 * @example
 * validateTemplate({ subject: 'Hi {{candidate.firstName}}', body: 'About {{job.titel}}' });
 * // [{part:'body', code:'unknown_field', position:8, message:'Unknown merge field "job.titel" ...'}]
 */
export function validateTemplate(
  template: { subject: string; body: string },
  options: { requirePersonalization?: boolean } = {},
): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const part of ['subject', 'body'] as const) {
    const { parts, errors } = scan(template[part]);
    for (const e of errors) issues.push({ part, code: e.code, position: e.position, message: e.message });
    if (
      part === 'body' &&
      options.requirePersonalization &&
      errors.length === 0 &&
      !requiresPersonalization(parts)
    ) {
      issues.push({
        part,
        code: 'missing_personalization',
        position: template.body.length,
        message:
          'The body must contain {{personalization}}: every message needs text written for its recipient',
      });
    }
  }
  return issues;
}

/**
 * Whether the template has a `{{personalization}}` slot, so the per-recipient check must pass before sending.
 *
 * @example
 * requiresPersonalization(parseTemplate('Hi {{candidate.firstName}}, {{personalization}}')); // true
 */
export function requiresPersonalization(parsed: ParsedTemplate): boolean {
  return parsed.some((p) => p.kind === 'field' && p.field === 'personalization');
}

/**
 * The most recent school: the highest graduation year; entries without a year rank after dated
 * ones (an unknown year is not evidence of recency), and ties keep the profile's order.
 */
function mostRecentSchool(candidate: MemberProfile): string | undefined {
  let best: { school: string; year: number } | undefined;
  for (const e of candidate.education) {
    const year = e.graduationYear ?? -Infinity;
    if (!best || year > best.year) best = { school: e.school, year };
  }
  return best?.school;
}

const joinName = (first: string, last: string): string =>
  [first.trim(), last.trim()].filter(Boolean).join(' ');

function fieldValue(field: TemplateField, ctx: RenderContext): string | undefined {
  const c = ctx.candidate;
  switch (field) {
    case 'candidate.firstName':
      return c.firstName;
    case 'candidate.lastName':
      return c.lastName;
    case 'candidate.fullName':
      return joinName(c.firstName, c.lastName);
    case 'candidate.currentTitle':
      return currentPosition(c)?.title;
    case 'candidate.currentCompany':
      return currentPosition(c)?.company;
    case 'candidate.topSkill':
      return c.skills[0];
    case 'candidate.headline':
      return c.headline;
    case 'candidate.city':
      return c.location.city;
    case 'candidate.school':
      return mostRecentSchool(c);
    case 'candidate.industry':
      return c.industry;
    case 'sender.firstName':
      return ctx.sender.firstName;
    case 'sender.lastName':
      return ctx.sender.lastName;
    case 'sender.fullName':
      return joinName(ctx.sender.firstName, ctx.sender.lastName);
    case 'sender.title':
      return ctx.sender.title;
    case 'sender.company':
      return ctx.sender.company;
    case 'job.title':
      return ctx.job?.title;
    case 'job.company':
      return ctx.job?.company;
    case 'job.location':
      return ctx.job?.location;
    case 'job.url':
      return ctx.job?.url;
    case 'personalization':
      return ctx.personalization;
  }
}

/**
 * Renders a parsed template to plain text. Values are inserted verbatim and never re-parsed, so a
 * profile containing `{{job.url}}` or `<script>` stays literal text; escaping for HTML is the
 * job of whatever displays it. A field without value or fallback renders as '' and is listed in `missing`.
 *
 * @example
 * renderTemplate(parseTemplate('Hi {{candidate.firstName}}, {{ job.title | "a role" }}'), { candidate, sender });
 * // { text: 'Hi Ana, a role', missing: [] }
 */
export function renderTemplate(parsed: ParsedTemplate, context: RenderContext): RenderResult {
  let text = '';
  const missing: TemplateField[] = [];
  for (const part of parsed) {
    if (part.kind === 'text') {
      text += part.text;
      continue;
    }
    const value = fieldValue(part.field, context)?.trim() ?? '';
    if (value !== '') {
      text += value;
    } else if (part.fallback !== undefined) {
      text += part.fallback;
    } else if (!missing.includes(part.field)) {
      missing.push(part.field);
    }
  }
  return { text, missing };
}

/**
 * The seed agency's three template segments. Every Seniority belongs to exactly one:
 *   associate        <- intern, entry, associate   (individual contributors early in their career)
 *   senior-associate <- senior, lead, manager      (experienced, leading work or people)
 *   partner-track    <- director, vp, cxo, partner (leadership and ownership roles)
 */
export const SENIORITY_SEGMENTS = ['associate', 'senior-associate', 'partner-track'] as const;
export type SenioritySegment = (typeof SENIORITY_SEGMENTS)[number];

const SEGMENT_OF: Record<Seniority, SenioritySegment> = {
  intern: 'associate',
  entry: 'associate',
  associate: 'associate',
  senior: 'senior-associate',
  lead: 'senior-associate',
  manager: 'senior-associate',
  director: 'partner-track',
  vp: 'partner-track',
  cxo: 'partner-track',
  partner: 'partner-track',
};

/**
 * The segment a seniority belongs to.
 *
 * @example
 * senioritySegment('lead'); // 'senior-associate'
 */
export function senioritySegment(seniority: Seniority): SenioritySegment {
  return SEGMENT_OF[seniority];
}

/** Keys of a template set: a Seniority value or a segment ('associate' is both, consistently). */
export type SeniorityTag = Seniority | SenioritySegment;

export interface TemplateSet {
  templates: Partial<Record<SeniorityTag, string>>;
  /** Used when neither the candidate's seniority nor its segment has a template. */
  default?: string;
}

/**
 * Picks the template id for a candidate: an entry for their exact Seniority wins, then one for its
 * segment, then the set's default; null when none applies.
 *
 * @example
 * const set = { templates: { associate: 't1', 'senior-associate': 't2', partner: 't4' }, default: 't0' };
 * chooseTemplateForSeniority(set, { seniority: 'manager' }); // 't2' (segment)
 * chooseTemplateForSeniority(set, { seniority: 'partner' }); // 't4' (exact seniority)
 */
export function chooseTemplateForSeniority(
  set: TemplateSet,
  candidate: Pick<MemberProfile, 'seniority'>,
): string | null {
  return (
    set.templates[candidate.seniority] ??
    set.templates[senioritySegment(candidate.seniority)] ??
    set.default ??
    null
  );
}
