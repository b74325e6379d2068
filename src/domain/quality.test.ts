import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  QUALITY_DEFAULTS,
  SPAM_PHRASES,
  assessQuality,
  estimateSimilarity,
  jaccard,
  minhashSignature,
  shingles,
} from './quality.ts';
import type { QualityIssueCode, QualityReport } from './quality.ts';

const GOOD = {
  subject: 'Your Phoenix pricing rewrite',
  body:
    'Hi Ana, your Phoenix pricing rewrite at Goldman caught my eye. We are building a similar engine at Acme. ' +
    'Would you be open to a 15-minute chat next week?',
};

const codes = (r: QualityReport): QualityIssueCode[] => r.issues.map((i) => i.code);
const has = (r: QualityReport, code: QualityIssueCode): boolean => codes(r).includes(code);
const withBody = (body: string): { subject: string; body: string } => ({ subject: GOOD.subject, body });

describe('assessQuality: a good message', () => {
  it('scores 100 with no issues', () => {
    assert.deepEqual(assessQuality(GOOD), { score: 100, level: 'good', issues: [] });
  });
});

describe('assessQuality: length', () => {
  const filler =
    'Our team ships pricing code to production every day and you would own the engine end to end. ';

  it('gives the best score under 400 characters', () => {
    assert.equal(assessQuality(GOOD).score, 100);
  });

  it('notes 400..1,200 characters as could_be_shorter (info) and scores lower', () => {
    const r = assessQuality(withBody(GOOD.body + ' ' + filler.repeat(4)));
    const i = r.issues.find((x) => x.code === 'could_be_shorter');
    assert.equal(i?.severity, 'info');
    assert.ok(r.score < 100 && r.level === 'good');
  });

  it('warns over 1,200 characters', () => {
    const r = assessQuality(withBody(GOOD.body + ' ' + filler.repeat(13)));
    assert.ok(has(r, 'too_long'));
    assert.equal(r.issues.find((x) => x.code === 'too_long')?.detail?.limit, 1200);
  });

  it('is an error over the 2,000-character limit', () => {
    const r = assessQuality(withBody(GOOD.body + ' ' + filler.repeat(25)));
    assert.ok(has(r, 'body_over_limit') && !has(r, 'too_long'));
    assert.equal(r.level, 'poor');
  });

  it('is an error for an empty body', () => {
    const r = assessQuality(withBody('  \n '));
    assert.deepEqual(codes(r), ['empty_body']);
    assert.equal(r.level, 'poor');
  });

  it('orders scores: short > medium > long', () => {
    const s = (n: number) => assessQuality(withBody(GOOD.body + ' ' + filler.repeat(n))).score;
    assert.ok(assessQuality(GOOD).score > s(4));
    assert.ok(s(4) > s(13));
  });
});

describe('assessQuality: subject', () => {
  it('is an error when empty', () => {
    const r = assessQuality({ subject: ' ', body: GOOD.body });
    assert.deepEqual(codes(r), ['empty_subject']);
    assert.equal(r.issues[0]?.severity, 'error');
    assert.equal(r.level, 'poor');
  });

  it('warns over the recommended length and is an error over the limit', () => {
    const long = assessQuality({ subject: 'x'.repeat(61), body: GOOD.body });
    assert.equal(long.issues[0]?.code, 'subject_too_long');
    assert.equal(long.issues[0]?.severity, 'warning');
    const over = assessQuality({ subject: 'Your rewrite '.repeat(16), body: GOOD.body });
    assert.equal(over.issues[0]?.severity, 'error');
    assert.ok(over.score < long.score);
  });

  it('accepts a subject at the recommended length', () => {
    assert.ok(
      !has(
        assessQuality({ subject: 'x'.repeat(QUALITY_DEFAULTS.subjectRecommendedLength), body: GOOD.body }),
        'subject_too_long',
      ),
    );
  });
});

describe('assessQuality: generic opening', () => {
  for (const opening of [
    'Dear candidate,',
    'To whom it may concern,',
    'Hi there!',
    'Hello,\n',
    'Hi, I came across your profile.',
    'Greetings from Acme.',
    'Hi Ana, I hope this message finds you well.',
    'Hi Ana, hope you are doing well!',
    'Hello Ana, my name is Sam and I recruit for Acme.',
  ]) {
    it(`flags "${opening.trim()}"`, () => {
      assert.ok(has(assessQuality(withBody(`${opening} ${GOOD.body}`)), 'generic_opening'));
    });
  }

  it('does not flag a named greeting or a pleasantry far from the start', () => {
    assert.ok(!has(assessQuality(GOOD), 'generic_opening'));
    assert.ok(!has(assessQuality(withBody('Hi Ana, ' + GOOD.body)), 'generic_opening'));
    const late =
      GOOD.body + ' ' + 'More about the team and the engine. '.repeat(5) + 'I hope this finds you well.';
    assert.ok(!has(assessQuality(withBody(late)), 'generic_opening'));
  });
});

describe('assessQuality: links', () => {
  it('warns over 2 links and lists them without trailing punctuation', () => {
    const r = assessQuality(
      withBody(`${GOOD.body} https://a.example/1, www.b.example and http://c.example/x.`),
    );
    const i = r.issues.find((x) => x.code === 'too_many_links');
    assert.deepEqual(i?.detail?.items, ['https://a.example/1', 'www.b.example', 'http://c.example/x']);
    assert.equal(i?.detail?.count, 3);
  });

  it('allows up to 2 links', () => {
    assert.ok(
      !has(assessQuality(withBody(`${GOOD.body} https://a.example https://b.example`)), 'too_many_links'),
    );
  });
});

describe('assessQuality: spam phrases', () => {
  it('flags each listed phrase, case-insensitively', () => {
    for (const phrase of SPAM_PHRASES) {
      const r = assessQuality(
        withBody(
          `${GOOD.body} ${phrase.toUpperCase() === phrase ? phrase : phrase.replace(/^./, (c) => c.toUpperCase())} today.`,
        ),
      );
      assert.ok(has(r, 'spam_phrase'), phrase);
    }
  });

  it('matches whole words only and caps the penalty', () => {
    assert.ok(
      !has(
        assessQuality(withBody(`${GOOD.body} Our insurgents learnt a lot from the click hereafter.`)),
        'spam_phrase',
      ),
    );
    assert.ok(
      !has(
        assessQuality(withBody(`${GOOD.body} We learn $5 tricks, and winners-only clubs are not us.`)),
        'spam_phrase',
      ),
    );
    const many = assessQuality(
      withBody(`${GOOD.body} Act now, guaranteed, urgent, limited time, click here, 100% free.`),
    );
    assert.equal(many.issues.find((i) => i.code === 'spam_phrase')?.detail?.count, 6);
    assert.equal(many.score, 100 - 30);
  });

  it('also checks the subject', () => {
    assert.ok(has(assessQuality({ subject: 'Urgent: a role for you', body: GOOD.body }), 'spam_phrase'));
  });
});

describe('assessQuality: capitals', () => {
  it('flags two or more shouted words', () => {
    const r = assessQuality(withBody(`${GOOD.body} This is an AMAZING and HUGE chance.`));
    assert.deepEqual(r.issues.find((i) => i.code === 'all_caps')?.detail?.items, ['AMAZING', 'HUGE']);
  });

  it('flags a mostly upper-case message', () => {
    assert.ok(
      has(
        assessQuality({ subject: 'A ROLE', body: 'WE ARE HIRING IN NY, ARE YOU OPEN TO A CALL?' }),
        'all_caps',
      ),
    );
  });

  it('does not flag acronyms and short upper-case words', () => {
    const r = assessQuality(
      withBody(`${GOOD.body} We use AWS, SQL, REST and JSON, and follow GDPR and FINRA rules.`),
    );
    assert.ok(!has(r, 'all_caps'));
  });
});

describe('assessQuality: punctuation', () => {
  for (const text of ['Great fit!!', 'Interested???', 'Really?!', 'Yes! Now! Today! Please!']) {
    it(`flags "${text}"`, () => {
      assert.ok(has(assessQuality(withBody(`${GOOD.body} ${text}`)), 'excess_punctuation'));
    });
  }

  it('allows a few single marks and an ellipsis', () => {
    assert.ok(
      !has(assessQuality(withBody(`Great to see! ${GOOD.body} Thanks... Talk soon!`)), 'excess_punctuation'),
    );
  });
});

describe('assessQuality: call to action', () => {
  it('flags a message with no question and no next step', () => {
    const r = assessQuality(
      withBody('Hi Ana, your Phoenix rewrite at Goldman caught my eye. We build a similar engine at Acme.'),
    );
    assert.deepEqual(codes(r), ['no_call_to_action']);
  });

  for (const ending of [
    'Let me know.',
    'Happy to chat.',
    'Reply here if it sounds good.',
    'Free for a call on Tuesday.',
    'If interested, I will send details.',
  ]) {
    it(`accepts "${ending}"`, () => {
      const r = assessQuality(withBody(`Hi Ana, your Phoenix rewrite at Goldman caught my eye. ${ending}`));
      assert.ok(!has(r, 'no_call_to_action'));
    });
  }
});

describe('assessQuality: score ordering', () => {
  it('a short personalized question beats a long spammy message', () => {
    const spammy = {
      subject: 'URGENT OPPORTUNITY!!!',
      body:
        'Dear candidate,\n\nI hope this message finds you well. ' +
        'We have an AMAZING opportunity that is GUARANTEED to change your life. Act now, this is a limited time offer, click here: https://a.example https://b.example https://c.example. '.repeat(
          8,
        ) +
        'Earn $200k!!!',
    };
    const good = assessQuality(GOOD);
    const bad = assessQuality(spammy);
    assert.ok(good.score > bad.score);
    assert.equal(good.level, 'good');
    assert.equal(bad.level, 'poor');
    assert.equal(bad.score, 0);
  });

  it('keeps the score within 0..100 and the level consistent with it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 2500 }), (subject, body) => {
        const r = assessQuality({ subject, body });
        assert.ok(r.score >= 0 && r.score <= 100 && Number.isInteger(r.score));
        if (r.level === 'good') assert.ok(r.score >= 75);
        if (r.level === 'fair') assert.ok(r.score >= 50 && r.score < 75);
      }),
    );
  });
});

describe('assessQuality: near duplicates', () => {
  const sent = (n: number) => Array.from({ length: n }, () => minhashSignature(GOOD.body));

  it('reports how many recent bodies are near-identical when there are more than 5', () => {
    const r = assessQuality(GOOD, {
      recentBodies: [...sent(6), minhashSignature('Something else entirely, about gardening in spring.')],
    });
    const i = r.issues.find((x) => x.code === 'near_duplicate');
    assert.equal(i?.detail?.count, 6);
    assert.equal(r.score, 80);
  });

  it('does not report 5 or fewer, nor dissimilar ones', () => {
    assert.ok(!has(assessQuality(GOOD, { recentBodies: sent(5) }), 'near_duplicate'));
    const other = Array.from({ length: 10 }, (_, i) =>
      minhashSignature(`A different message number ${i} about another role entirely, in Berlin.`),
    );
    assert.ok(!has(assessQuality(GOOD, { recentBodies: other }), 'near_duplicate'));
  });

  it('honours the options and signatures of another length', () => {
    assert.ok(has(assessQuality(GOOD, { recentBodies: sent(2), maxNearDuplicates: 1 }), 'near_duplicate'));
    const long = Array.from({ length: 6 }, () => minhashSignature(GOOD.body, 128));
    assert.ok(has(assessQuality(GOOD, { recentBodies: long }), 'near_duplicate'));
    assert.ok(
      !has(assessQuality(GOOD, { recentBodies: sent(6), nearDuplicateThreshold: 1.01 }), 'near_duplicate'),
    );
  });
});

describe('shingles and jaccard', () => {
  it('builds 5-word shingles of normalized words', () => {
    assert.deepEqual(
      [...shingles('The quick, brown FOX jumps over.')],
      ['the quick brown fox jumps', 'quick brown fox jumps over'],
    );
    assert.deepEqual([...shingles('Crème brûlée', 5)], ['creme brulee']);
    assert.deepEqual([...shingles('  ...  ')], []);
    assert.deepEqual([...shingles('a b c', 2)], ['a b', 'b c']);
  });

  it('computes the exact Jaccard index', () => {
    assert.equal(jaccard(new Set(['a', 'b']), new Set(['b', 'c'])), 1 / 3);
    assert.equal(jaccard(new Set(['a']), new Set(['a'])), 1);
    assert.equal(jaccard(new Set(['a']), new Set()), 0);
    assert.equal(jaccard(new Set(), new Set()), 1);
  });
});

describe('minhash', () => {
  const base =
    'Hi {name}, I came across your work on {project} and it really stood out. We are hiring a senior backend engineer ' +
    'to build our payments platform with a small team in Berlin, with remote options across Europe. The role involves ' +
    'designing services in Go and Kubernetes, mentoring two engineers and working closely with product. Would you be ' +
    'open to a short call next week to talk about it?';
  const samples = [
    base.replace('{name}', 'Ana').replace('{project}', 'Project Phoenix'),
    base.replace('{name}', 'Ben').replace('{project}', 'the fraud detection pipeline'),
    base
      .replace('{name}', 'Ana')
      .replace('{project}', 'Project Phoenix')
      .replace('in Go and Kubernetes', 'in Rust on bare metal'),
    base.split('. ').slice(0, 2).join('. ') +
      '. Totally different ending about gardening, tomatoes and the weather in spring.',
    'We are a law firm looking for a senior associate with M&A experience in New York. Are you open to a chat?',
    base.split(' ').reverse().join(' '),
  ];

  it('is deterministic and has the requested length', () => {
    const a = minhashSignature(samples[0] ?? '');
    assert.deepEqual(a, minhashSignature(samples[0] ?? ''));
    assert.equal(a.length, 64);
    assert.equal(minhashSignature('x', 16).length, 16);
    assert.ok(a.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff));
  });

  it('pins the hash so that stored signatures stay valid', () => {
    assert.deepEqual(
      minhashSignature('one two three four five', 4),
      minhashSignature('One, two; three four FIVE!', 4),
    );
    assert.equal(estimateSimilarity(minhashSignature(''), minhashSignature('')), 1);
    assert.ok(minhashSignature('').every((n) => n === 0xffffffff));
  });

  it('estimates within 0.15 of the exact Jaccard on sample texts', () => {
    const exacts: number[] = [];
    for (const a of samples) {
      for (const b of samples) {
        const exact = jaccard(shingles(a), shingles(b));
        const estimate = estimateSimilarity(minhashSignature(a), minhashSignature(b));
        exacts.push(exact);
        assert.ok(
          Math.abs(exact - estimate) <= 0.15,
          `exact ${exact.toFixed(3)} vs estimate ${estimate.toFixed(3)}`,
        );
      }
    }
    // The samples span the range, so the bound is tested on more than 0s and 1s.
    assert.ok(exacts.some((j) => j > 0.3 && j < 0.9));
  });

  it('estimates within 0.15 on edits of a text, with a small mean error', () => {
    // With 64 hashes the estimate is binomial (sd <= 0.0625), so about 1 pair in 400 is off by more
    // than 0.15: the edits come from a fixed seed to keep the test deterministic, and the mean error
    // checks the estimator as a whole.
    const words = (samples[0] ?? '').split(' ');
    const errors: number[] = [];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: words.length - 1 }), { maxLength: 8 }), (positions) => {
        const edited = [...words];
        for (const p of positions) edited[p] = `changed${p}`;
        const a = words.join(' ');
        const b = edited.join(' ');
        const exact = jaccard(shingles(a), shingles(b));
        const estimate = estimateSimilarity(minhashSignature(a), minhashSignature(b));
        errors.push(Math.abs(exact - estimate));
        assert.ok(Math.abs(exact - estimate) <= 0.15, `exact ${exact} estimate ${estimate}`);
      }),
      { numRuns: 200, seed: 20261123 },
    );
    const mean = errors.reduce((x, y) => x + y, 0) / errors.length;
    assert.ok(mean < 0.05, `mean error ${mean}`);
  });

  it('refuses signatures of different lengths', () => {
    assert.throws(
      () => estimateSimilarity(minhashSignature('a b', 8), minhashSignature('a b', 16)),
      RangeError,
    );
  });
});
