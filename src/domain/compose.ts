/**
 * Composing one message for one recipient: render a template (or take a plain subject and body),
 * enforce the personalization rule and the length limits. Pure, and shared by every send path
 * (one-off InMails, campaigns, sequences) and by the preview, so all of them refuse the same
 * messages for the same reasons.
 *
 * The personalization rule:
 * - A template whose subject or body has a `{{personalization}}` slot needs, for each recipient, a
 *   text that passes checkPersonalization against THAT recipient's profile.
 * - When the organization makes personalization mandatory (`mandatory`), every InMail needs one:
 *   a template without the slot cannot be used, and a plain message (no template) must carry a
 *   `personalization` text that passes the check AND appears in its body (so the reference the
 *   check approved is what the candidate reads).
 * - A `personalization` sent with a plain message is checked the same way even when it is not
 *   mandatory; sent with a template that has no slot, it is refused (it would go nowhere).
 */
import type { MemberProfile } from './profile.ts';
import type { PersonalizationResult, PersonalizationSuggestion } from './personalization.ts';
import { checkPersonalization, personalizationSuggestions } from './personalization.ts';
import type { JobContext, ParsedTemplate, SenderContext, TemplateField } from './template.ts';
import { parseTemplate, renderTemplate, requiresPersonalization, TemplateError } from './template.ts';

export interface TemplateSource {
  id: string;
  version: number;
  subject: string;
  body: string;
}

export interface ComposeRequest {
  /** Render this template; otherwise `subject` and `body` are the message as written. */
  template?: TemplateSource | null | undefined;
  subject?: string | undefined;
  body?: string | undefined;
  candidate: MemberProfile;
  sender: SenderContext;
  job?: JobContext | null | undefined;
  personalization?: string | null | undefined;
  /** The organization requires a checked personalization on every InMail. */
  mandatory: boolean;
}

export interface ComposeLimits {
  subjectMax: number;
  bodyMax: number;
}

export type ComposeRefusalCode =
  | 'personalization_required'
  | 'personalization_failed'
  | 'personalization_not_in_body'
  | 'personalization_unused'
  | 'merge_fields_missing'
  | 'message_too_long'
  | 'message_empty'
  | 'invalid_template';

export interface ComposeRefusal {
  code: ComposeRefusalCode;
  message: string;
  /** Members for the problem document: reason, suggestions, fields ... */
  extra: Record<string, unknown>;
}

export interface PersonalizationVerdict extends PersonalizationResult {
  /** Whether this message needs a personalization at all (a slot, or the organization's policy). */
  required: boolean;
}

export interface Composition {
  subject: string;
  body: string;
  templateId: string | null;
  templateVersion: number | null;
  /** Merge fields that had no value and no fallback (rendered as ''). */
  missing: TemplateField[];
  /** The check's verdict, when a personalization was required or given; null otherwise. */
  personalization: PersonalizationVerdict | null;
  /** Why the message may not be sent; null when it may. */
  refusal: ComposeRefusal | null;
}

/** Parsed templates by text: a campaign renders the same few templates thousands of times. */
const parsedCache = new Map<string, ParsedTemplate>();
function parsed(text: string): ParsedTemplate {
  let p = parsedCache.get(text);
  if (!p) {
    p = parseTemplate(text);
    if (parsedCache.size > 500) parsedCache.clear();
    parsedCache.set(text, p);
  }
  return p;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function suggestionsOf(
  r: PersonalizationResult | null,
  candidate: MemberProfile,
): PersonalizationSuggestion[] {
  return r?.suggestions ?? personalizationSuggestions(candidate);
}

/**
 * Composes the message for one recipient. Never throws for content problems: `refusal` says why the
 * message may not be sent (the preview shows it, the send path turns it into a 422).
 *
 * @example
 * composeMessage({ template: { id, version: 2, subject: 'Hi {{candidate.firstName}}', body: '{{personalization}} Open to a chat?' },
 *   candidate, sender, personalization: 'Your Project Phoenix rewrite at Skadden stood out.', mandatory: false },
 *   { subjectMax: 200, bodyMax: 2000 });
 * // { subject: 'Hi Ana', body: 'Your Project Phoenix rewrite ... Open to a chat?', templateVersion: 2, refusal: null, ... }
 */
export function composeMessage(req: ComposeRequest, limits: ComposeLimits): Composition {
  const text = req.personalization?.trim() ?? '';
  const given = text !== '';
  const out: Composition = {
    subject: '',
    body: '',
    templateId: req.template?.id ?? null,
    templateVersion: req.template?.version ?? null,
    missing: [],
    personalization: null,
    refusal: null,
  };
  const refuse = (code: ComposeRefusalCode, message: string, extra: Record<string, unknown> = {}) => {
    out.refusal ??= { code, message, extra };
    return out;
  };

  let hasSlot = false;
  let subjectParts: ParsedTemplate | null = null;
  let bodyParts: ParsedTemplate | null = null;
  if (req.template) {
    try {
      subjectParts = parsed(req.template.subject);
      bodyParts = parsed(req.template.body);
    } catch (e) {
      const position = e instanceof TemplateError ? e.position : 0;
      return refuse('invalid_template', `The template cannot be rendered: ${(e as Error).message}`, {
        position,
      });
    }
    hasSlot = requiresPersonalization(subjectParts) || requiresPersonalization(bodyParts);
  }

  const required = hasSlot || req.mandatory;
  let verdict: PersonalizationResult | null = null;
  if (required || given) {
    verdict = checkPersonalization(text, req.candidate);
    out.personalization = { ...verdict, required };
  }

  if (req.template && subjectParts && bodyParts) {
    const ctx = {
      candidate: req.candidate,
      sender: req.sender,
      ...(req.job ? { job: req.job } : {}),
      ...(text ? { personalization: text } : {}),
    };
    const s = renderTemplate(subjectParts, ctx);
    const b = renderTemplate(bodyParts, ctx);
    out.subject = s.text.trim();
    out.body = b.text.trim();
    out.missing = [...new Set([...s.missing, ...b.missing])].filter((f) => f !== 'personalization');
  } else {
    out.subject = (req.subject ?? '').trim();
    out.body = (req.body ?? '').trim();
  }

  if (req.mandatory && req.template && !hasSlot) {
    refuse(
      'personalization_required',
      'Your organization requires a personalization in every InMail, and this template has no {{personalization}} slot: add one to the template',
      { reason: 'no_slot', suggestions: suggestionsOf(verdict, req.candidate) },
    );
  } else if (given && req.template && !hasSlot) {
    refuse(
      'personalization_unused',
      'This template has no {{personalization}} slot, so the personalization would go nowhere',
      {
        reason: 'no_slot',
      },
    );
  } else if (required && !given) {
    refuse(
      'personalization_required',
      req.template
        ? `This template needs a personalization for ${req.candidate.firstName || 'the candidate'}: a sentence about something specific in their profile`
        : `Your organization requires a personalization in every InMail: send a "personalization" that mentions something specific in ${req.candidate.firstName || 'the candidate'}'s profile, and include it in the body`,
      { reason: 'empty', suggestions: suggestionsOf(verdict, req.candidate) },
    );
  } else if (verdict && !verdict.ok) {
    refuse('personalization_failed', verdict.message, {
      reason: verdict.reason,
      suggestions: verdict.suggestions,
      matched: verdict.matched,
    });
  } else if (given && !req.template && !squash(out.body).includes(squash(text))) {
    refuse(
      'personalization_not_in_body',
      'Include the personalization in the body: the candidate must read the reference that was checked',
      { reason: 'not_in_body' },
    );
  }

  if (out.missing.length > 0) {
    refuse(
      'merge_fields_missing',
      `No value for ${out.missing.join(', ')} for this recipient: give the fields a fallback ({{ field | "..." }}) or the job details`,
      { fields: out.missing },
    );
  }
  const over = [
    ...(out.subject.length > limits.subjectMax
      ? [{ field: 'subject', length: out.subject.length, limit: limits.subjectMax }]
      : []),
    ...(out.body.length > limits.bodyMax
      ? [{ field: 'body', length: out.body.length, limit: limits.bodyMax }]
      : []),
  ];
  if (over.length > 0) {
    refuse(
      'message_too_long',
      over.map((o) => `The ${o.field} is ${o.length} characters; at most ${o.limit}`).join('; '),
      { limits: over },
    );
  }
  if (out.subject === '' || out.body === '') {
    refuse('message_empty', 'The rendered subject and body must not be empty', {
      fields: [...(out.subject === '' ? ['subject'] : []), ...(out.body === '' ? ['body'] : [])],
    });
  }
  return out;
}
