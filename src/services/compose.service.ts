/**
 * What every send path does to a message before it is written: render the template for the
 * recipient, enforce the personalization rule and the organization's quality threshold, compute
 * the body's MinHash signature and rewrite its links into tracked ones. The rules themselves are in
 * domain/ (compose.ts, personalization.ts, quality.ts, links.ts); this service loads what they need
 * (the template version, the recipient's profile, the sender's card, the seat's recent signatures)
 * through the caller's transaction and turns a refusal into a DomainError.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../domain/auth.ts';
import { composeMessage, type Composition, type TemplateSource } from '../domain/compose.ts';
import { conflict, DomainError, notFound, unprocessable } from '../domain/errors.ts';
import { rewriteLinks, type TrackedLink } from '../domain/links.ts';
import type { MemberProfile } from '../domain/profile.ts';
import { assessQuality, minhashSignature, type QualityReport } from '../domain/quality.ts';
import type { JobContext, SenderContext } from '../domain/template.ts';
import type { Repos } from '../repositories/index.ts';
import { profileFromRow } from '../repositories/member-profile.ts';
import { storedSignature } from '../repositories/signature.repository.ts';
import type { TemplateRow } from '../repositories/template.repository.ts';

export interface ComposeOptions {
  subjectMax: number;
  bodyMax: number;
  /** Absolute base of tracked links when the caller names none (INMAIL_PUBLIC_URL, else the local server). */
  linkBaseUrl: string;
}

/** The part of a send request that says what the message is. */
export interface MessageInput {
  subject?: string | undefined;
  body?: string | undefined;
  templateId?: string | null | undefined;
  templateVersion?: number | null | undefined;
  personalization?: string | null | undefined;
  job?: JobContext | null | undefined;
}

export interface Author {
  orgId: string;
  userId: string;
  roles: readonly Role[];
  firstName: string;
  lastName: string;
}

/** How far back a seat's bodies count for the near-duplicate check, and how many at most. */
export const NEAR_DUPLICATE_DAYS = 7;
export const NEAR_DUPLICATE_MAX_BODIES = 500;

const DAY = 86_400_000;

export class ComposeService {
  constructor(readonly options: ComposeOptions) {}

  /**
   * The template version to render: the given version or the latest, visible to the author (another
   * organization's template and another user's personal one answer 404). With `forSend`, an
   * archived template is refused (409).
   */
  async template(
    r: Repos,
    author: Author,
    templateId: string,
    version: number | null | undefined,
    forSend: boolean,
  ): Promise<TemplateRow> {
    const viewer = { userId: author.userId, admin: author.roles.includes('org_admin') };
    const t = await r.templates.get(author.orgId, viewer, templateId, version ?? null);
    if (!t) {
      const exists = version != null && (await r.templates.get(author.orgId, viewer, templateId, null));
      throw exists ? notFound(`template version ${version}`) : notFound('template');
    }
    if (forSend && t.archived_at) {
      throw conflict('template_archived', 'This template is archived; restore it or choose another', {
        templateId,
      });
    }
    return t;
  }

  async senderContext(r: Repos, author: Author): Promise<SenderContext> {
    const card = await r.templates.senderCard(author.orgId, author.userId);
    return {
      firstName: card?.first_name ?? author.firstName,
      lastName: card?.last_name ?? author.lastName,
      title: card?.title ?? '',
      company: card?.company ?? '',
    };
  }

  async profile(r: Repos, memberId: string): Promise<MemberProfile> {
    const row = await r.members.get(memberId);
    if (!row) throw notFound('recipient');
    return profileFromRow(row);
  }

  /** Renders and checks without refusing: the preview shows the result as it is. */
  async composition(
    r: Repos,
    author: Author,
    input: MessageInput,
    candidate: MemberProfile,
    mandatory: boolean,
    template: TemplateRow | null,
  ): Promise<Composition> {
    const source: TemplateSource | null = template
      ? { id: template.id, version: template.version, subject: template.subject, body: template.body }
      : null;
    return composeMessage(
      {
        template: source,
        subject: input.subject,
        body: input.body,
        candidate,
        sender: await this.senderContext(r, author),
        job: input.job ?? null,
        personalization: input.personalization ?? null,
        mandatory,
      },
      { subjectMax: this.options.subjectMax, bodyMax: this.options.bodyMax },
    );
  }

  /**
   * The message to send to one recipient, or a DomainError saying why it may not be sent. A plain
   * message with no personalization to check needs no I/O at all (the hot path).
   */
  async compose(
    r: Repos,
    author: Author,
    input: MessageInput,
    recipientId: string,
    mandatory: boolean,
  ): Promise<Composition> {
    const given = (input.personalization ?? '').trim() !== '';
    if (!input.templateId && !mandatory && !given) {
      const subject = (input.subject ?? '').trim();
      const body = (input.body ?? '').trim();
      if (subject === '' || body === '') {
        throw unprocessable('message_empty', 'Send a subject and a body, or a templateId', undefined, [
          ...(subject === '' ? [{ field: 'subject', message: 'must not be empty' }] : []),
          ...(body === '' ? [{ field: 'body', message: 'must not be empty' }] : []),
        ]);
      }
      return {
        subject,
        body,
        templateId: null,
        templateVersion: null,
        missing: [],
        personalization: null,
        refusal: null,
      };
    }
    const template = input.templateId
      ? await this.template(r, author, input.templateId, input.templateVersion, true)
      : null;
    const c = await this.composition(
      r,
      author,
      input,
      await this.profile(r, recipientId),
      mandatory,
      template,
    );
    if (c.refusal) {
      throw new DomainError('unprocessable', c.refusal.code, c.refusal.message, { extra: c.refusal.extra });
    }
    return c;
  }

  /** The quality report of a message, with the near-duplicate check against the seat's recent bodies. */
  async quality(
    r: Repos,
    seatId: string | null,
    subject: string,
    body: string,
    now: Date,
  ): Promise<QualityReport> {
    const recentBodies = seatId
      ? await r.signatures.recentForSeat(
          seatId,
          new Date(now.getTime() - NEAR_DUPLICATE_DAYS * DAY),
          NEAR_DUPLICATE_MAX_BODIES,
        )
      : [];
    return assessQuality(
      { subject, body },
      { recentBodies, subjectMaxLength: this.options.subjectMax, bodyMaxLength: this.options.bodyMax },
    );
  }

  /** Refuses (422 quality_too_low, with the report) a message scoring below the organization's threshold. */
  async enforceQuality(
    r: Repos,
    seatId: string | null,
    subject: string,
    body: string,
    threshold: number | null,
    now: Date,
  ): Promise<void> {
    if (threshold === null) return;
    const report = await this.quality(r, seatId, subject, body, now);
    if (report.score < threshold) {
      throw unprocessable(
        'quality_too_low',
        `This message scores ${report.score} for quality; your organization requires at least ${threshold}. ` +
          (report.issues
            .filter((i) => i.severity !== 'info')
            .map((i) => i.message)
            .join('; ') || ''),
        { score: report.score, threshold, quality: report },
      );
    }
  }

  /** The stored form of a body's MinHash signature. */
  signature(body: string): number[] {
    return storedSignature(minhashSignature(body));
  }

  /** The body with its http(s) links replaced by tracked ones under `base` (default: the configured one). */
  trackLinks(body: string, base?: string): { body: string; links: TrackedLink[] } {
    return rewriteLinks(body, base ?? this.options.linkBaseUrl, () => randomBytes(16).toString('base64url'));
  }
}
