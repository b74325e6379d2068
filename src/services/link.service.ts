/**
 * Tracked links: a click on `GET /r/{token}` records the first click per link (an InMail has one
 * recipient, so once per recipient and link), emits `inmail.clicked`, and sends the browser to the
 * stored URL. Bots (by user agent) and HEAD requests are redirected without being counted.
 */
import type { Clock } from '../clock.ts';
import { notFound } from '../domain/errors.ts';
import { isBotUserAgent, isTrackableUrl, TOKEN_RE } from '../domain/links.ts';
import type { Store } from '../repositories/index.ts';

export interface ClickResult {
  /** Where to redirect: always the stored http(s) URL. */
  url: string;
  /** Whether this request was recorded as the link's first click. */
  recorded: boolean;
}

export class LinkService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async click(token: string, req: { userAgent: string | undefined; method: string }): Promise<ClickResult> {
    if (!TOKEN_RE.test(token)) throw notFound('link');
    const now = this.clock.now();
    return this.store.tx(async (r) => {
      const link = await r.trackedLinks.byToken(token);
      // Stored URLs are http(s) by construction (and by a CHECK); refuse anything else all the same.
      if (!link || !isTrackableUrl(link.url)) throw notFound('link');
      const url = new URL(link.url).href;
      const person = req.method === 'GET' && !isBotUserAgent(req.userAgent);
      if (!person) return { url, recorded: false };
      const recorded = await r.trackedLinks.recordClick(link.id, now, req.userAgent?.slice(0, 500) ?? null);
      if (recorded) {
        await r.events.append({
          type: 'inmail.clicked',
          occurredAt: now,
          orgId: link.org_id,
          seatId: link.seat_id,
          recipientMemberId: link.recipient_member_id,
          inmailId: link.inmail_id,
          threadId: link.thread_id,
          campaignId: link.campaign_id,
          data: { url: link.url, linkId: link.id },
        });
      }
      return { url, recorded };
    });
  }
}
