import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  findLinks,
  isBotUserAgent,
  isTrackableUrl,
  MAX_TRACKED_LINKS,
  restoreLinks,
  rewriteLinks,
  TOKEN_RE,
} from './links.ts';

let n = 0;
const token = () => `tok${String(n++).padStart(19, '0')}`;

describe('findLinks', () => {
  it('finds http and https links and trims sentence punctuation', () => {
    assert.deepEqual(
      findLinks('See https://example.com/job. Or http://a.example/x?y=1, then (https://b.example/z).').map(
        (l) => l.url,
      ),
      ['https://example.com/job', 'http://a.example/x?y=1', 'https://b.example/z'],
    );
  });

  it('keeps parentheses that belong to the URL', () => {
    assert.deepEqual(
      findLinks('Read https://en.wikipedia.org/wiki/Go_(programming_language).').map((l) => l.url),
      ['https://en.wikipedia.org/wiki/Go_(programming_language)'],
    );
  });

  it('never takes javascript:, ftp:, mailto:, data: or a bare www. address', () => {
    const text =
      'javascript:alert(1) ftp://files.example.com/cv.pdf mailto:a@b.c data:text/html,<b>x</b> www.example.com';
    assert.deepEqual(findLinks(text), []);
  });

  it('stops at quotes and angle brackets', () => {
    assert.deepEqual(
      findLinks('<a href="https://x.example/a">https://y.example/b</a>').map((l) => l.url),
      ['https://x.example/a', 'https://y.example/b'],
    );
  });
});

describe('isTrackableUrl', () => {
  it('accepts http(s) with a host only', () => {
    assert.equal(isTrackableUrl('https://example.com'), true);
    assert.equal(isTrackableUrl('HTTP://EXAMPLE.COM/A'), true);
    for (const bad of ['javascript:alert(1)', 'ftp://x.example', 'https://', 'not a url', '//evil.example']) {
      assert.equal(isTrackableUrl(bad), false, bad);
    }
    assert.equal(isTrackableUrl(`https://example.com/${'a'.repeat(2100)}`), false);
  });
});

describe('rewriteLinks and restoreLinks', () => {
  it('replaces each distinct link once, keeps the rest of the text, and restores exactly', () => {
    const body = 'Apply at https://jobs.example/42. Again: https://jobs.example/42 and https://team.example!';
    const r = rewriteLinks(body, 'https://inmail.example/', token);
    assert.equal(r.links.length, 2);
    assert.ok(r.links.every((l) => l.trackedUrl.startsWith('https://inmail.example/r/tok')));
    assert.ok(!r.body.includes('jobs.example'));
    assert.equal(r.body.split(r.links[0]!.trackedUrl).length - 1, 2, 'both occurrences use one token');
    assert.ok(r.body.endsWith('!'));
    assert.equal(restoreLinks(r.body, r.links), body);
  });

  it('leaves a body without links alone', () => {
    const r = rewriteLinks('javascript:alert(1) is not a link', 'https://i.example', token);
    assert.deepEqual(r, { body: 'javascript:alert(1) is not a link', links: [] });
  });

  it(`tracks at most ${MAX_TRACKED_LINKS} distinct links`, () => {
    const body = Array.from({ length: 25 }, (_, i) => `https://x.example/${i}`).join(' ');
    const r = rewriteLinks(body, 'https://i.example', token);
    assert.equal(r.links.length, MAX_TRACKED_LINKS);
    assert.ok(r.body.endsWith('https://x.example/24'));
    assert.equal(restoreLinks(r.body, r.links), body);
  });

  it('restoring is the inverse of rewriting for any text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom('https://a.example/p?q=1', 'http://b.example', ' ', '.')),
          {
            maxLength: 12,
          },
        ),
        (parts) => {
          const body = parts.join('');
          const r = rewriteLinks(body, 'https://i.example', token);
          assert.equal(restoreLinks(r.body, r.links), body);
          for (const l of r.links) assert.ok(isTrackableUrl(l.url));
        },
      ),
    );
  });
});

describe('isBotUserAgent', () => {
  it('filters crawlers, unfurlers, HTTP libraries and missing agents, not browsers', () => {
    for (const ua of [
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'curl/8.5.0',
      'python-requests/2.31.0',
      '',
      undefined,
    ]) {
      assert.equal(isBotUserAgent(ua), true, String(ua));
    }
    for (const ua of [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    ]) {
      assert.equal(isBotUserAgent(ua), false, ua);
    }
  });

  it('tokens are 22 base64url characters', () => {
    assert.ok(TOKEN_RE.test('AAAAAAAAAAAAAAAAAAAA-_'));
    assert.ok(!TOKEN_RE.test('short'));
    assert.ok(!TOKEN_RE.test('AAAAAAAAAAAAAAAAAAAA/_'));
  });
});
