/**
 * Tracked links: the http(s) links of an InMail body are replaced by redirect links
 * (`{base}/r/{token}`) that record a click and lead to the original URL. Pure: the caller supplies
 * the tokens (random ones in production) and stores the mapping.
 *
 * Rules:
 * - Only `http://` and `https://` links are rewritten (and ever stored). Anything else —
 *   `javascript:`, `ftp:`, `mailto:`, a bare `www.example.com` — stays in the body as plain text.
 * - A link ends at whitespace, a quote, `<`, `>` or a bracket; trailing sentence punctuation
 *   (`.`, `,`, `;`, `:`, `!`, `?`) and an unbalanced closing parenthesis are not part of it.
 * - The same URL twice in one body is one tracked link (one token).
 */
import { isbot } from 'isbot';

/** Longest URL that is tracked; longer ones are left as text. */
export const MAX_TRACKED_URL_LENGTH = 2048;
/** At most this many distinct links of one body are tracked; the rest stay as they are. */
export const MAX_TRACKED_LINKS = 20;

const LINK_RE = /\bhttps?:\/\/[^\s<>"'`{}|\\^[\]]+/gi;

export interface FoundLink {
  /** The link as written in the body. */
  url: string;
  /** Offset of its first character in the body. */
  start: number;
}

export interface TrackedLink {
  token: string;
  /** The original URL, as written. */
  url: string;
  /** What replaced it in the body: `${base}/r/${token}`. */
  trackedUrl: string;
}

/**
 * Whether a URL may be stored and redirected to: it parses, is http or https, has a host and is
 * not too long.
 *
 * @example
 * isTrackableUrl('https://jobs.example.com/42'); // true
 * isTrackableUrl('javascript:alert(1)'); // false
 * isTrackableUrl('ftp://files.example.com/cv.pdf'); // false
 */
export function isTrackableUrl(url: string): boolean {
  if (url.length > MAX_TRACKED_URL_LENGTH) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
}

function trimLink(raw: string): string {
  let url = raw.replace(/[.,;:!?]+$/, '');
  // "(see https://example.com/a)": the closing parenthesis belongs to the sentence, unless the URL
  // opened one itself (https://en.wikipedia.org/wiki/Go_(programming_language)).
  while (url.endsWith(')') && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length) {
    url = url.slice(0, -1).replace(/[.,;:!?]+$/, '');
  }
  return url;
}

/**
 * The http(s) links of a text, in order, that may be tracked.
 *
 * @example
 * findLinks('See https://example.com/job. Or ftp://x.org'); // [{ url: 'https://example.com/job', start: 4 }]
 */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  for (const m of text.matchAll(LINK_RE)) {
    const url = trimLink(m[0]);
    if (isTrackableUrl(url)) out.push({ url, start: m.index });
  }
  return out;
}

/**
 * Replaces each distinct trackable link of `body` by `${base}/r/${token}`; `newToken` is called once
 * per distinct URL. Returns the rewritten body and the links to store.
 *
 * @example
 * rewriteLinks('Apply: https://example.com/job.', 'https://inmail.example', () => 'AAAAAAAAAAAAAAAAAAAAAA');
 * // { body: 'Apply: https://inmail.example/r/AAAAAAAAAAAAAAAAAAAAAA.',
 * //   links: [{ token: 'AAAA…', url: 'https://example.com/job', trackedUrl: 'https://inmail.example/r/AAAA…' }] }
 */
export function rewriteLinks(
  body: string,
  base: string,
  newToken: () => string,
): { body: string; links: TrackedLink[] } {
  const found = findLinks(body);
  if (found.length === 0) return { body, links: [] };
  const prefix = `${base.replace(/\/+$/, '')}/r/`;
  const byUrl = new Map<string, TrackedLink>();
  let out = '';
  let at = 0;
  for (const f of found) {
    let link = byUrl.get(f.url);
    if (!link) {
      if (byUrl.size >= MAX_TRACKED_LINKS) continue;
      const token = newToken();
      link = { token, url: f.url, trackedUrl: prefix + token };
      byUrl.set(f.url, link);
    }
    out += body.slice(at, f.start) + link.trackedUrl;
    at = f.start + f.url.length;
  }
  out += body.slice(at);
  return { body: out, links: [...byUrl.values()] };
}

/**
 * The body as its sender wrote it: every tracked link replaced by its original URL.
 *
 * @example
 * restoreLinks('Apply: https://inmail.example/r/AAAA…', [{ trackedUrl: 'https://inmail.example/r/AAAA…', url: 'https://example.com/job' }]);
 * // 'Apply: https://example.com/job'
 */
export function restoreLinks(
  body: string,
  links: readonly Pick<TrackedLink, 'url' | 'trackedUrl'>[],
): string {
  let out = body;
  for (const l of links) out = out.split(l.trackedUrl).join(l.url);
  return out;
}

/** A redirect token: 22 characters of base64url (128 random bits). */
export const TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;

/**
 * Whether a request comes from a bot rather than a person opening the link: no user agent at all,
 * or one that the `isbot` package's maintained pattern list recognises (crawlers, link unfurlers
 * such as Slackbot and facebookexternalhit, HTTP libraries such as curl).
 *
 * @example
 * isBotUserAgent('Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'); // true
 * isBotUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15'); // false
 */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  if (!userAgent || userAgent.trim() === '') return true;
  return isbot(userAgent);
}
