/**
 * What a refused send means, in the recruiter's words. The API's codes are stable; the extra
 * members of the problem document (freesAt, renewsAt, until ...) make the message specific.
 */
import type { Problem } from './client.ts';

export interface SendErrorText {
  title: string;
  detail: string;
  /** Is there something to try later (a date), or is it final? */
  retryAt: string | null;
}

/** The server's detail as a sentence: with a full stop, whether or not it came with one. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function day(iso: unknown, format: (d: Date) => string): string | null {
  if (typeof iso !== 'string') return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : format(d);
}

/**
 * @example
 * describeSendError({ status: 402, code: 'insufficient_credits', detail: '...', renewsAt: '2026-04-01T00:00:00Z' })
 * // { title: 'No InMail credits left', detail: 'This seat has no credits left. They renew on 1 Apr 2026.', ... }
 */
export function describeSendError(
  p: Problem,
  format: (d: Date) => string = (d) => d.toLocaleString(),
): SendErrorText {
  switch (p.code) {
    case 'insufficient_credits': {
      const renews = day(p.renewsAt, format);
      return {
        title: 'No InMail credits left',
        detail: `This seat has no credits left.${renews ? ` They renew on ${renews}.` : ''} Nothing was sent or charged.`,
        retryAt: typeof p.renewsAt === 'string' ? p.renewsAt : null,
      };
    }
    case 'frequency_cap': {
      const frees = day(p.freesAt, format);
      const who = p.cap === 'network' ? 'from all recruiters on the network' : 'from your organization';
      const limit = typeof p.limit === 'number' ? p.limit : null;
      const days = typeof p.windowDays === 'number' ? p.windowDays : null;
      return {
        title: 'Contact limit reached for this candidate',
        detail:
          (limit && days
            ? `This candidate may receive at most ${limit} InMail${limit > 1 ? 's' : ''} ${who} in ${days} days.`
            : p.detail) +
          (frees ? ` The next one is possible from ${frees}.` : '') +
          ' Nothing was charged.',
        retryAt: typeof p.freesAt === 'string' ? p.freesAt : null,
      };
    }
    case 'blocked_by_recipient':
      return {
        title: 'You cannot contact this member',
        detail: 'The member has blocked you or your organization. Nothing was charged.',
        retryAt: null,
      };
    case 'recipient_inmail_off':
      return {
        title: 'This member does not accept InMails',
        detail: 'They turned InMail off. Nothing was charged.',
        retryAt: null,
      };
    case 'recipient_snoozed': {
      const until = day(p.until, format);
      return {
        title: 'The member asked to be contacted later',
        detail: `${until ? `They do not want InMails until ${until}.` : p.detail} Nothing was charged.`,
        retryAt: typeof p.until === 'string' ? p.until : null,
      };
    }
    case 'monthly_limit_reached': {
      const renews = day(p.renewsAt, format);
      return {
        title: "This seat's monthly limit is reached",
        detail: `An org admin set a monthly limit on this seat.${renews ? ` It resets on ${renews}.` : ''}`,
        retryAt: typeof p.renewsAt === 'string' ? p.renewsAt : null,
      };
    }
    case 'no_seat':
      return {
        title: 'You hold no seat',
        detail: 'Sending InMails needs a seat with credits. Ask an org admin to assign you one.',
        retryAt: null,
      };
    case 'personalization_required':
      return {
        title: 'Make it personal first',
        detail: `${sentence(p.detail)} Nothing was sent or charged.`,
        retryAt: null,
      };
    case 'personalization_failed':
      return {
        title: 'The personalization was not accepted',
        detail: `${sentence(p.detail)} Nothing was sent or charged.`,
        retryAt: null,
      };
    case 'personalization_not_in_body':
      return {
        title: 'Put the personalization in the message',
        detail: `${sentence(p.detail)} Nothing was sent or charged.`,
        retryAt: null,
      };
    case 'personalization_unused':
      return {
        title: 'This template has no personalization slot',
        detail:
          'The text you wrote would go nowhere: clear it, or choose a template with a {{personalization}} slot. Nothing was sent or charged.',
        retryAt: null,
      };
    case 'quality_too_low': {
      const score = typeof p.score === 'number' ? p.score : null;
      const threshold = typeof p.threshold === 'number' ? p.threshold : null;
      return {
        title: "Below your organization's quality bar",
        detail:
          (score !== null && threshold !== null
            ? `This message scores ${score}; your organization requires at least ${threshold}.`
            : p.detail) + ' Fix the issues below and send again. Nothing was charged.',
        retryAt: null,
      };
    }
    case 'merge_fields_missing': {
      const fields = Array.isArray(p.fields) ? p.fields.filter((f) => typeof f === 'string') : [];
      return {
        title: 'Some merge fields have no value for this candidate',
        detail:
          (fields.length ? `No value for ${fields.map((f) => `{{${String(f)}}}`).join(', ')}.` : p.detail) +
          ' Fill in the job details, or give the fields a fallback in the template. Nothing was charged.',
        retryAt: null,
      };
    }
    case 'message_too_long':
    case 'message_empty':
      return { title: 'The message cannot be sent as it is', detail: p.detail, retryAt: null };
    case 'template_archived':
      return {
        title: 'This template is archived',
        detail: 'Restore it on the Templates page, or choose another one.',
        retryAt: null,
      };
    case 'idempotency_key_reused':
      return { title: 'Please send again', detail: p.detail, retryAt: null };
    default:
      return { title: 'The InMail was not sent', detail: p.detail, retryAt: null };
  }
}

/** Elements of the candidate's profile a refused personalization suggests mentioning. */
export function problemSuggestions(p: Problem): { kind: string; value: string }[] {
  if (!Array.isArray(p.suggestions)) return [];
  return (p.suggestions as unknown[]).flatMap((x) =>
    x && typeof x === 'object' && typeof (x as { value?: unknown }).value === 'string'
      ? [
          {
            kind: String((x as { kind?: unknown }).kind ?? ''),
            value: (x as { value: string }).value,
          },
        ]
      : [],
  );
}
